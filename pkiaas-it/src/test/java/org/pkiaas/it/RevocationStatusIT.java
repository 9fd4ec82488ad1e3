package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CRL and OCSP as relying parties see them: openssl's OCSP client and CRL checks against the
 * deployed server, then the protocol details (nonces, GET caching headers, several certificates in
 * one request, responder renewal) and every kind of bad request, read with Bouncy Castle.
 */
class RevocationStatusIT extends ServerIT {

  @TempDir Path dir;

  private final StatusPki pki = new StatusPki(Api.newUser(), "Status Root");

  private void save(String file, String pem) throws Exception {
    Files.writeString(dir.resolve(file), pem, StandardCharsets.US_ASCII);
  }

  private X509CRLHolder crl(String name) throws Exception {
    Api.Reply reply = Api.anonymous().get("/pki/crl/" + pki.caId + name);
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("application/pkix-crl", reply.contentType());
    Files.write(dir.resolve("current.crl"), reply.bytes());
    return new X509CRLHolder(reply.bytes());
  }

  private static long number(X509CRLHolder crl) {
    return ((org.bouncycastle.asn1.ASN1Integer)
            crl.getExtension(Extension.cRLNumber).getParsedValue())
        .longValueExact();
  }

  private String opensslOcsp(String... certificates) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "openssl",
                "ocsp",
                "-issuer",
                "ca.pem",
                "-CAfile",
                "ca.pem",
                "-url",
                Api.BASE_URL + "/pki/ocsp/" + pki.caId));
    for (String certificate : certificates) {
      command.add("-cert");
      command.add(certificate);
    }
    return Tools.ok(dir, command.toArray(String[]::new));
  }

  @Test
  void opensslSeesGoodThenRevokedAndTheCrlFollows() throws Exception {
    JsonObject first = pki.issue("one.status.test");
    JsonObject second = pki.issue("two.status.test");
    save("ca.pem", Pki.pem(pki.caCertificate));
    save("one.pem", first.getString("certificatePem"));
    save("two.pem", second.getString("certificatePem"));

    String good = opensslOcsp("one.pem", "two.pem");
    assertTrue(good.contains("Response verify OK"), good);
    assertTrue(good.contains("one.pem: good") && good.contains("two.pem: good"), good);
    assertFalse(good.contains("WARNING: no nonce"), "openssl's nonce is echoed:\n" + good);

    long before = number(crl(".crl"));
    Files.writeString(
        dir.resolve("ca-crl.pem"),
        Files.readString(dir.resolve("ca.pem"))
            + Tools.ok(dir, "openssl", "crl", "-inform", "DER", "-in", "current.crl"));
    assertTrue(
        Tools.ok(dir, "openssl", "verify", "-crl_check", "-CAfile", "ca-crl.pem", "one.pem")
            .contains("one.pem: OK"));

    assertEquals(200, pki.revoke(first.getString("id"), "keyCompromise").status());

    String revoked = opensslOcsp("one.pem", "two.pem");
    assertTrue(revoked.contains("Response verify OK"), revoked);
    assertTrue(revoked.contains("one.pem: revoked"), revoked);
    assertTrue(revoked.contains("Reason: keyCompromise"), revoked);
    assertTrue(revoked.contains("two.pem: good"), revoked);

    X509CRLHolder after = crl(".crl");
    assertTrue(number(after) > before, "the CRL number increases after a revocation");
    assertEquals(1, after.getRevokedCertificates().size());
    String crlText =
        Tools.ok(dir, "openssl", "crl", "-inform", "DER", "-in", "current.crl", "-noout", "-text");
    assertTrue(crlText.contains("Key Compromise"), crlText);
    assertTrue(crlText.contains("X509v3 Authority Key Identifier"), crlText);
    Files.writeString(
        dir.resolve("ca-crl.pem"),
        Files.readString(dir.resolve("ca.pem"))
            + Tools.ok(dir, "openssl", "crl", "-inform", "DER", "-in", "current.crl"));
    Tools.Run rejected =
        Tools.run(dir, "openssl", "verify", "-crl_check", "-CAfile", "ca-crl.pem", "one.pem");
    assertNotEquals(0, rejected.exitCode());
    assertTrue(rejected.output().contains("certificate revoked"), rejected.output());
    assertTrue(
        Tools.ok(dir, "openssl", "verify", "-crl_check", "-CAfile", "ca-crl.pem", "two.pem")
            .contains("two.pem: OK"));
  }

  @Test
  void holdsComeAndGoAndTheDeltaCrlSaysSo() throws Exception {
    JsonObject held = pki.issue("held.status.test");
    BigInteger serial = StatusPki.serial(held);
    assertEquals(200, pki.revoke(held.getString("id"), "certificateHold").status());
    X509CRLHolder complete = crl(".crl");
    assertEquals(6, reason(complete, serial), "listed as certificateHold");
    X509CRLHolder delta = crl("-delta.crl");
    assertEquals(
        number(complete),
        ((org.bouncycastle.asn1.ASN1Integer)
                delta.getExtension(Extension.deltaCRLIndicator).getParsedValue())
            .longValueExact(),
        "the delta names its base");
    assertTrue(delta.getExtension(Extension.deltaCRLIndicator).isCritical());
    assertTrue(
        number(delta) > number(complete), "complete and delta CRLs share one number sequence");

    assertEquals(
        200,
        pki.owner.post("/api/v1/certificates/" + held.getString("id") + "/release", "{}").status());
    assertNull(
        crl(".crl").getRevokedCertificate(serial), "a released hold leaves the complete CRL");
    assertEquals(8, reason(crl("-delta.crl"), serial), "and shows in the delta as removeFromCRL");
    BasicOCSPResp response = StatusPki.basic(pki.ocsp(pki.request(null, serial)));
    assertNull(response.getResponses()[0].getCertStatus(), "good again");
  }

  private static int reason(X509CRLHolder crl, BigInteger serial) {
    return org.bouncycastle.asn1.x509.CRLReason.getInstance(
            crl.getRevokedCertificate(serial)
                .getExtensions()
                .getExtension(Extension.reasonCode)
                .getParsedValue())
        .getValue()
        .intValue();
  }

  @Test
  void crlValidityIsSetPerCaAndInvalidityDatesAreCarried() throws Exception {
    JsonObject compromised = pki.issue("invalid.status.test");
    Instant invalidSince = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    assertEquals(
        200,
        pki.owner
            .post(
                "/api/v1/certificates/" + compromised.getString("id") + "/revoke",
                Json.createObjectBuilder()
                    .add("reason", "keyCompromise")
                    .add("invalidityDate", invalidSince.toString())
                    .build())
            .status());
    Problems.assertInvalid(
        pki.owner.patch(
            "/api/v1/cas/" + pki.caId,
            Json.createObjectBuilder().add("crlValidityDays", 0).build()),
        "crlValidityDays");
    assertEquals(
        200,
        pki.owner
            .patch(
                "/api/v1/cas/" + pki.caId,
                Json.createObjectBuilder().add("crlValidityDays", 7).build())
            .status());

    X509CRLHolder crl = crl(".crl");
    long days =
        Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant()).toDays();
    assertEquals(7, days, "the CA's CRL validity applies from the next CRL on");
    X509CRLEntryHolder entry = crl.getRevokedCertificate(StatusPki.serial(compromised));
    assertEquals(
        invalidSince,
        ASN1GeneralizedTime.getInstance(
                entry.getExtensions().getExtension(Extension.invalidityDate).getParsedValue())
            .getDate()
            .toInstant(),
        "RFC 5280 §5.3.2");
    assertEquals(7, pki.owner.get("/api/v1/cas/" + pki.caId).json().getInt("crlValidityDays"));
  }

  @Test
  void nonceIsEchoedAndSeveralCertificatesAreAnsweredTogether() throws Exception {
    JsonObject one = pki.issue("n1.status.test");
    JsonObject two = pki.issue("n2.status.test");
    BigInteger neverIssued = new BigInteger("1234567890abcdef1234567890abcdef", 16);
    byte[] nonce = StatusPki.nonce(32);
    BasicOCSPResp response =
        StatusPki.basic(
            pki.ocsp(
                pki.request(nonce, StatusPki.serial(one), StatusPki.serial(two), neverIssued)));
    assertArrayEquals(
        nonce,
        ASN1OctetString.getInstance(
                response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getParsedValue())
            .getOctets());
    SingleResp[] answers = response.getResponses();
    assertEquals(3, answers.length);
    assertNull(answers[0].getCertStatus());
    assertNull(answers[1].getCertStatus());
    assertInstanceOf(
        UnknownStatus.class,
        answers[2].getCertStatus(),
        "never good for a serial the CA did not issue");
    assertTrue(
        response.isSignatureValid(
            new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                .setProvider(Pki.BC)
                .build(response.getCerts()[0])));
    assertTrue(
        Pki.signedBy(response.getCerts()[0], pki.caCertificate),
        "the delegated responder is issued by the CA");

    byte[] again = pki.ocsp(pki.request(StatusPki.nonce(16), StatusPki.serial(one))).bytes();
    byte[] andAgain = pki.ocsp(pki.request(StatusPki.nonce(16), StatusPki.serial(one))).bytes();
    assertFalse(Arrays.equals(again, andAgain), "a request with a nonce gets a fresh signature");
  }

  @Test
  void getAnswersCarryCachingHeadersAndFollowRevocations() throws Exception {
    JsonObject certificate = pki.issue("get.status.test");
    byte[] request = pki.request(null, StatusPki.serial(certificate));
    String path =
        "/pki/ocsp/"
            + pki.caId
            + "/"
            + URLEncoder.encode(
                Base64.getEncoder().encodeToString(request), StandardCharsets.US_ASCII);
    Api.Reply reply = Api.anonymous().get(path);
    BasicOCSPResp response = StatusPki.basic(reply);
    SingleResp single = response.getResponses()[0];
    assertNull(single.getCertStatus());
    DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME;
    assertEquals(
        single.getThisUpdate().toInstant(),
        ZonedDateTime.parse(reply.headers().firstValue("Last-Modified").orElseThrow(), http)
            .toInstant());
    assertEquals(
        single.getNextUpdate().toInstant(),
        ZonedDateTime.parse(reply.headers().firstValue("Expires").orElseThrow(), http).toInstant());
    String cacheControl = reply.headers().firstValue("Cache-Control").orElseThrow();
    long maxAge = Long.parseLong(cacheControl.replaceAll(".*max-age=(\\d+).*", "$1"));
    long untilNext = (single.getNextUpdate().getTime() - System.currentTimeMillis()) / 1000;
    assertTrue(maxAge <= untilNext + 2 && maxAge >= untilNext - 60, cacheControl);
    assertTrue(cacheControl.contains("public"), cacheControl);
    String tag = reply.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, Api.anonymous().get(path, "If-None-Match", tag).status());
    assertArrayEquals(reply.bytes(), Api.anonymous().get(path).bytes(), "served from the cache");
    // HEAD: the same answer's headers and no body
    HttpResponse<byte[]> head =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Api.BASE_URL + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, head.statusCode());
    assertEquals(0, head.body().length);
    assertEquals(
        "application/ocsp-response", head.headers().firstValue("Content-Type").orElseThrow());

    assertEquals(200, pki.revoke(certificate.getString("id"), "superseded").status());
    SingleResp now = StatusPki.basic(Api.anonymous().get(path)).getResponses()[0];
    assertInstanceOf(
        RevokedStatus.class, now.getCertStatus(), "the revocation evicted the cached answer");
    assertEquals(4, ((RevokedStatus) now.getCertStatus()).getRevocationReason());
  }

  @Test
  void aRevokedResponderIsReplacedByTheNextRequest() {
    JsonObject certificate = pki.issue("responder.status.test");
    BasicOCSPResp before =
        StatusPki.basic(pki.ocsp(pki.request(StatusPki.nonce(8), StatusPki.serial(certificate))));
    BigInteger oldResponder = before.getCerts()[0].getSerialNumber();
    JsonObject listed =
        pki.responderCertificates().stream()
            .filter(c -> StatusPki.serial(c).equals(oldResponder))
            .findFirst()
            .orElseThrow();
    assertEquals(200, pki.revoke(listed.getString("id"), "keyCompromise").status());

    BasicOCSPResp after =
        StatusPki.basic(pki.ocsp(pki.request(StatusPki.nonce(8), StatusPki.serial(certificate))));
    BigInteger newResponder = after.getCerts()[0].getSerialNumber();
    assertNotEquals(oldResponder, newResponder);
    assertTrue(Pki.signedBy(after.getCerts()[0], pki.caCertificate));
    assertEquals(
        2,
        pki.responderCertificates().size(),
        "the new responder certificate is listed among the CA's certificates");
    BasicOCSPResp aboutOld =
        StatusPki.basic(pki.ocsp(pki.request(StatusPki.nonce(8), oldResponder)));
    assertInstanceOf(RevokedStatus.class, aboutOld.getResponses()[0].getCertStatus());
  }

  @Test
  void badRequestsGetTheProtocolsOwnErrorsAndChangeNothing() {
    JsonObject certificate = pki.issue("bad.status.test");
    int certificatesBefore = pki.owner.get("/api/v1/cas/" + pki.caId + "/certificates").total();
    byte[] valid = pki.request(null, StatusPki.serial(certificate));

    assertEquals(
        OCSPResp.MALFORMED_REQUEST,
        StatusPki.response(pki.ocsp("garbage".getBytes(StandardCharsets.US_ASCII))).getStatus());
    assertEquals(
        OCSPResp.MALFORMED_REQUEST,
        StatusPki.response(pki.ocsp(Arrays.copyOf(valid, valid.length - 5))).getStatus());
    assertEquals(
        OCSPResp.MALFORMED_REQUEST, StatusPki.response(pki.ocsp(new byte[16_000])).getStatus());
    // over the OCSP endpoint's 16 KiB body limit: refused before the body is read
    Api.Reply oversized = pki.ocsp(new byte[20_000]);
    assertEquals(413, oversized.status(), oversized::toString);
    assertEquals(OCSPResp.MALFORMED_REQUEST, StatusPki.response(pki.ocsp(new byte[0])).getStatus());
    assertEquals(
        OCSPResp.MALFORMED_REQUEST,
        StatusPki.response(pki.ocsp(pki.request(new byte[33], StatusPki.serial(certificate))))
            .getStatus(),
        "RFC 8954: a nonce is at most 32 octets");
    assertEquals(
        OCSPResp.MALFORMED_REQUEST,
        StatusPki.response(Api.anonymous().get("/pki/ocsp/" + pki.caId + "/not*base64!"))
            .getStatus());

    StatusPki other = new StatusPki(Api.newUser(), "Someone Else's Root");
    JsonObject theirs = other.issue("theirs.status.test");
    assertEquals(
        OCSPResp.UNAUTHORIZED,
        StatusPki.response(pki.ocsp(other.request(null, StatusPki.serial(theirs)))).getStatus(),
        "a CertID of another CA, sent to this CA's URL");
    assertEquals(
        OCSPResp.UNAUTHORIZED,
        StatusPki.response(
                Api.anonymous().post("/pki/ocsp/no-such-ca", "application/ocsp-request", valid))
            .getStatus());

    assertEquals(404, Api.anonymous().get("/pki/crl/no-such-ca.crl").status());
    Api.Reply unknownDelta = Api.anonymous().get("/pki/crl/no-such-ca-delta.crl");
    assertEquals(404, unknownDelta.status());
    assertFalse(unknownDelta.text().contains("Exception"), unknownDelta::toString);

    assertEquals(
        certificatesBefore,
        pki.owner.get("/api/v1/cas/" + pki.caId + "/certificates").total(),
        "bad requests change nothing");
    assertNull(
        StatusPki.basic(pki.ocsp(valid)).getResponses()[0].getCertStatus(),
        "and the responder still answers");
  }
}
