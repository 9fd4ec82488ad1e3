package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCEP messages that the real clients of {@link ScepClientsIT} and {@link ScepLifecycleIT} never
 * send, built field by field ({@link RawScepMessage}): DES-EDE3 content with RSAES-OAEP key
 * transport sent by GET in MIME base64 (RFC 8894 §4.3), and each refusal's failInfo (§3.2.1.4):
 * badTime, badAlg, badMessageCheck and badCertId, answered as signed CertReps that echo the
 * transaction and nonce and issue nothing; "strip root", HTTP/1.0 at the {@code /cgi-bin/} suffix,
 * SCEP off on a new template; and RenewalReq, GetCert and GetCRL on an EC CA.
 */
class ScepMessagesIT extends ServerIT {

  @TempDir Path dir;

  @Test
  void tripleDesWithOaepSentByGetIsAnsweredInKind() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP 3DES EC Root", "EC");
    JscepDevice device = JscepDevice.named("raw-3des.example.test", scep.passphrase);
    RawScepMessage message = new RawScepMessage(ra(scep)).cipher(CMSAlgorithm.DES_EDE3_CBC, true);
    byte[] request =
        message.encode(device.csr().getEncoded(), device.identity(), device.keyPair().getPrivate());

    // GET with the message in MIME base64, line breaks and all, percent-encoded
    String encoded =
        URLEncoder.encode(Base64.getMimeEncoder().encodeToString(request), StandardCharsets.UTF_8);
    assertTrue(encoded.contains("%0D%0A"), "the message spans several lines");
    Api.Reply reply =
        Api.anonymous().get(path(scep) + "?operation=PKIOperation&message=" + encoded);
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("application/x-pki-message", reply.contentType());
    RawScepMessage.CertRep rep = RawScepMessage.CertRep.read(reply.bytes());
    assertEquals("0", rep.status(), () -> rep.failInfoText() + scep.failures());
    assertEquals(message.transactionId, rep.transactionId());
    assertArrayEquals(message.senderNonce, rep.recipientNonce());
    assertEquals(CMSAlgorithm.DES_EDE3_CBC, rep.cipher(), "answered with the requester's cipher");

    X509Certificate issued = own(rep, device.keyPair().getPrivate(), device.keyPair().getPublic());
    Path pem = dir.resolve("device.pem");
    Files.writeString(pem, Pki.pem(new X509CertificateHolder(issued.getEncoded())));
    scep.opensslVerify(dir, pem);
    assertEquals(1, scep.issued().size(), "the API lists the certificate");

    // "strip root": GetCACert leaves the self-signed root (here the CA itself) out
    scep.set("scep", Json.createObjectBuilder().add("stripRoot", true));
    Api.Reply stripped = Api.anonymous().get(path(scep) + "?operation=GetCACert");
    assertEquals(200, stripped.status(), stripped::toString);
    Collection<X509CertificateHolder> served =
        new CMSSignedData(stripped.bytes()).getCertificates().getMatches(null);
    assertEquals(1, served.size(), "only the RA certificate is left");
    assertTrue(served.stream().noneMatch(c -> c.getSubject().equals(c.getIssuer())), "no root");
  }

  @Test
  void scepIsOffOnANewTemplateAndAnswersHttp10AtTheCgiBinSuffix() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP HTTP/1.0 EC Root", "EC");
    String url = Api.BASE_URL + "/pki/scep/" + scep.templateId() + "/cgi-bin/pkiclient.exe";
    String caps = Tools.ok(dir, "curl", "-sS", "-f", "--http1.0", url + "?operation=GetCACaps");
    assertTrue(caps.contains("POSTPKIOperation") && caps.contains("SCEPStandard"), caps);

    JsonObject other =
        scep.owner
            .post(
                "/api/v1/cas/" + scep.caId + "/templates",
                Json.createObjectBuilder()
                    .add("name", "No SCEP")
                    .add("starter", "WEB_SERVER")
                    .build())
            .json();
    assertEquals(false, other.getJsonObject("scep").getBoolean("enabled"), "off by default");
    Api.Reply off =
        Api.anonymous()
            .get("/pki/scep/" + other.getString("id") + "/pkiclient.exe?operation=GetCACaps");
    assertEquals(404, off.status(), off::toString);
  }

  @Test
  void refusedMessagesCarryTheirFailInfoAndIssueNothing() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP failInfo EC Root", "EC");
    X509Certificate ra = ra(scep);
    JscepDevice device = JscepDevice.named("raw-refused.example.test", scep.passphrase);
    byte[] csr = device.csr().getEncoded();

    RawScepMessage.CertRep stale =
        refused(
            scep,
            device,
            new RawScepMessage(ra).signingTime(Instant.now().minus(3, ChronoUnit.DAYS)),
            csr,
            "3");
    assertTrue(stale.failInfoText().contains("signingTime"), stale.failInfoText());
    refused(scep, device, new RawScepMessage(ra).signedWith("MD5withRSA"), csr, "0");
    refused(scep, device, new RawScepMessage(ra).envelopedFor(device.identity()), csr, "1");
    byte[] unknownSerial =
        new IssuerAndSerialNumber(
                scep.caCertificate().getSubject(), new BigInteger(64, new SecureRandom()))
            .getEncoded();
    refused(
        scep,
        device,
        new RawScepMessage(ra).messageType(RawScepMessage.GET_CERT),
        unknownSerial,
        "4");
    assertEquals(0, scep.issued().size(), "nothing was issued");

    // its clock set nearly right: signed two hours ago, before its own certificate's notBefore
    // (now - 1 h), but within the day the server allows
    RawScepMessage late = new RawScepMessage(ra).signingTime(Instant.now().minusSeconds(7_200));
    RawScepMessage.CertRep accepted =
        send(scep, late.encode(csr, device.identity(), device.keyPair().getPrivate()));
    assertEquals("0", accepted.status(), () -> accepted.failInfoText() + scep.failures());
    assertEquals(1, scep.issued().size());
  }

  /**
   * RenewalReq (messageType 17, RFC 8894 §3.3.1.2), which jscep never sends, on an EC CA: signed
   * with the current certificate for a new key; then GetCert for the successor and GetCRL, where
   * the renewal's auto-revoke put the old certificate; OCSP agrees.
   */
  @Test
  void renewalReqThenGetCertAndGetCrlOnAnEcCa() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP RenewalReq EC Root", "EC");
    scep.allowRenewal();
    X509Certificate ra = ra(scep);
    JscepDevice device = JscepDevice.named("raw-renewal.example.test", scep.passphrase);
    PrivateKey oldKey = device.keyPair().getPrivate();
    RawScepMessage.CertRep enrolled =
        send(
            scep,
            new RawScepMessage(ra).encode(device.csr().getEncoded(), device.identity(), oldKey));
    assertEquals("0", enrolled.status(), () -> enrolled.failInfoText() + scep.failures());
    X509Certificate current = own(enrolled, oldKey, device.keyPair().getPublic());

    KeyPair next = JscepDevice.rsa();
    RawScepMessage renewal = new RawScepMessage(ra).messageType(RawScepMessage.RENEWAL_REQ);
    RawScepMessage.CertRep renewed =
        send(
            scep,
            renewal.encode(
                JscepDevice.request(next, "raw-renewal.example.test", null).getEncoded(),
                current,
                oldKey));
    assertEquals("0", renewed.status(), () -> renewed.failInfoText() + scep.failures());
    assertEquals(renewal.transactionId, renewed.transactionId());
    // the reply is encrypted to the certificate that signed the request
    X509Certificate successor = own(renewed, oldKey, next.getPublic());
    assertEquals(current.getSubjectX500Principal(), successor.getSubjectX500Principal());
    Path pem = dir.resolve("successor.pem");
    Files.writeString(pem, Pki.pem(new X509CertificateHolder(successor.getEncoded())));
    scep.opensslVerify(dir, pem);
    assertEquals(2, scep.issued().size(), "the API lists both");

    X500Name issuer = scep.caCertificate().getSubject();
    RawScepMessage.CertRep got =
        send(
            scep,
            new RawScepMessage(ra)
                .messageType(RawScepMessage.GET_CERT)
                .encode(
                    new IssuerAndSerialNumber(issuer, successor.getSerialNumber()).getEncoded(),
                    successor,
                    next.getPrivate()));
    assertEquals("0", got.status(), got::failInfoText);
    assertTrue(got.certificates(next.getPrivate()).contains(successor), "GetCert");

    RawScepMessage.CertRep crl =
        send(
            scep,
            new RawScepMessage(ra)
                .messageType(RawScepMessage.GET_CRL)
                .encode(
                    new IssuerAndSerialNumber(issuer, current.getSerialNumber()).getEncoded(),
                    successor,
                    next.getPrivate()));
    assertEquals("0", crl.status(), crl::failInfoText);
    Collection<X509CRLHolder> crls = crl.degenerate(next.getPrivate()).getCRLs().getMatches(null);
    assertEquals(1, crls.size(), "GetCRL answers the CA's CRL");
    X509CRLHolder list = crls.iterator().next();
    assertTrue(
        list.isSignatureValid(
            new JcaContentVerifierProviderBuilder().setProvider("BC").build(scep.caCertificate())),
        "signed by the CA");
    assertNotNull(list.getRevokedCertificate(current.getSerialNumber()), "auto-revoked");
    assertEquals(null, list.getRevokedCertificate(successor.getSerialNumber()));

    StatusPki status =
        new StatusPki(scep.owner, scep.caId, scep.caCertificate(), scep.templateId());
    BasicOCSPResp ocsp =
        StatusPki.basic(
            status.ocsp(
                status.request(null, current.getSerialNumber(), successor.getSerialNumber())));
    assertTrue(ocsp.getResponses()[0].getCertStatus() instanceof RevokedStatus, "old: revoked");
    assertEquals(CertificateStatus.GOOD, ocsp.getResponses()[1].getCertStatus(), "new: good");
  }

  /** The certificate for {@code publicKey} in a SUCCESS opened with {@code key}. */
  private static X509Certificate own(
      RawScepMessage.CertRep rep, PrivateKey key, PublicKey publicKey) throws Exception {
    return rep.certificates(key).stream()
        .filter(c -> c.getPublicKey().equals(publicKey))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no certificate for the key in the reply"));
  }

  /** Sends {@code message} by POST and checks it is refused with {@code failInfo}. */
  private static RawScepMessage.CertRep refused(
      ScepFixture scep, JscepDevice device, RawScepMessage message, byte[] content, String failInfo)
      throws Exception {
    RawScepMessage.CertRep rep =
        send(scep, message.encode(content, device.identity(), device.keyPair().getPrivate()));
    assertEquals("2", rep.status(), "FAILURE");
    assertEquals(failInfo, rep.failInfo(), rep::failInfoText);
    assertNotNull(rep.failInfoText());
    assertEquals(message.transactionId, rep.transactionId());
    assertArrayEquals(message.senderNonce, rep.recipientNonce());
    return rep;
  }

  private static RawScepMessage.CertRep send(ScepFixture scep, byte[] message) throws Exception {
    Api.Reply reply =
        Api.anonymous()
            .post(path(scep) + "?operation=PKIOperation", "application/x-pki-message", message);
    assertEquals(200, reply.status(), reply::toString);
    return RawScepMessage.CertRep.read(reply.bytes());
  }

  private static String path(ScepFixture scep) {
    return "/pki/scep/" + scep.templateId() + "/pkiclient.exe";
  }

  /** The RA certificate from GetCACert: the one that is not the CA's. */
  private static X509Certificate ra(ScepFixture scep) throws Exception {
    Api.Reply reply = Api.anonymous().get(path(scep) + "?operation=GetCACert");
    assertEquals(200, reply.status(), reply::toString);
    X500Name ca = scep.caCertificate().getSubject();
    List<X509CertificateHolder> ras =
        new CMSSignedData(reply.bytes())
            .getCertificates().getMatches(null).stream()
                .filter(c -> !c.getSubject().equals(ca))
                .toList();
    assertEquals(1, ras.size(), "one RA certificate");
    return new JcaX509CertificateConverter().getCertificate(ras.get(0));
  }
}
