package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.jscep.client.Client;
import org.jscep.client.EnrollmentResponse;
import org.jscep.message.CertRep;
import org.jscep.message.PkcsPkiEnvelopeDecoder;
import org.jscep.message.PkcsPkiEnvelopeEncoder;
import org.jscep.message.PkcsReq;
import org.jscep.message.PkiMessageDecoder;
import org.jscep.message.PkiMessageEncoder;
import org.jscep.transaction.Nonce;
import org.jscep.transaction.PkiStatus;
import org.jscep.transaction.TransactionId;
import org.jscep.util.SignedDataUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rest of SCEP with jscep (RFC 8894 §3.3), through the CA's RSA RA: a PKCSReq that waits for an
 * administrator on an EC CA (PENDING, CertPoll, then the certificate once signed through the API,
 * or FAILURE once declined), RenewalReq signed with the current certificate, GetCert and GetCRL.
 */
class ScepLifecycleIT extends ServerIT {

  @TempDir Path dir;

  private static X509Certificate issued(EnrollmentResponse response) throws Exception {
    return JscepDevice.certificates(response.getCertStore()).get(0);
  }

  private JsonObject pendingScepRequest(ScepFixture scep, String commonName) {
    return scep.owner.get("/api/v1/cas/" + scep.caId + "/requests?status=PENDING").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(r -> r.getString("kind").equals("SCEP"))
        .filter(r -> r.getString("subject", "").contains(commonName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no pending SCEP request for " + commonName));
  }

  @Test
  void aPendingRequestIsPolledUntilAnAdministratorSignsOrDeclinesIt() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP approval EC Root", "EC");
    scep.set("scep", Json.createObjectBuilder().add("approval", true));
    Scrape before = Scrape.now();
    Client client = JscepDevice.client(scep);
    X500Principal ca = new X500Principal(scep.caCertificate().getSubject().getEncoded());

    JscepDevice signed = JscepDevice.named("pending.example.test", scep.passphrase);
    EnrollmentResponse first =
        client.enrol(signed.identity(), signed.keyPair().getPrivate(), signed.csr());
    assertTrue(first.isPending(), "the template waits for an administrator");
    EnrollmentResponse stillPending =
        client.poll(signed.identity(), signed.keyPair().getPrivate(), ca, first.getTransactionId());
    assertTrue(stillPending.isPending());
    JsonObject request = pendingScepRequest(scep, "pending.example.test");
    ConsoleSession console = new ConsoleSession(Api.BASE_URL);
    console.signIn(scep.owner.username(), scep.owner.password());
    String queue = console.get("/manage/certificates/pending.xhtml");
    // the template (named SCEP) and, beside it, the Kind column
    assertTrue(
        queue.contains("pending.example.test")
            && java.util.regex.Pattern.compile(">\\s*SCEP\\s*</td>\\s*<td[^>]*>\\s*SCEP\\s*</td>")
                .matcher(queue)
                .find(),
        "the console's pending queue shows the SCEP request:\n" + queue);
    Api.Reply sign =
        scep.owner.post(
            "/api/v1/requests/" + request.getString("id") + "/sign",
            Json.createObjectBuilder().build());
    assertEquals(200, sign.status(), sign::toString);
    EnrollmentResponse done =
        client.poll(signed.identity(), signed.keyPair().getPrivate(), ca, first.getTransactionId());
    assertTrue(done.isSuccess(), () -> "poll after signing: " + done.getFailInfo());
    X509Certificate certificate = issued(done);
    assertEquals(signed.keyPair().getPublic(), certificate.getPublicKey());
    Path pem = dir.resolve("pending.pem");
    Files.writeString(pem, Pki.pem(new X509CertificateHolder(certificate.getEncoded())));
    assertTrue(scep.opensslVerify(dir, pem).contains(": OK"));
    String detail =
        console.get(
            "/manage/certificates/detail.xhtml?id="
                + scep.owner
                    .get("/api/v1/requests/" + request.getString("id"))
                    .json()
                    .getString("certificateId"));
    assertTrue(
        detail.contains(certificate.getSerialNumber().toString(16)),
        "the console shows the certificate:\n" + detail);

    JscepDevice declined = JscepDevice.named("declined.example.test", scep.passphrase);
    EnrollmentResponse waiting =
        client.enrol(declined.identity(), declined.keyPair().getPrivate(), declined.csr());
    assertTrue(waiting.isPending());
    Api.Reply decline =
        scep.owner.post(
            "/api/v1/requests/"
                + pendingScepRequest(scep, "declined.example.test").getString("id")
                + "/decline",
            Json.createObjectBuilder().add("reason", "unknown device").build());
    assertEquals(200, decline.status(), decline::toString);
    EnrollmentResponse refused =
        client.poll(
            declined.identity(), declined.keyPair().getPrivate(), ca, waiting.getTransactionId());
    assertTrue(refused.isFailure());
    assertEquals("badRequest", refused.getFailInfo().name());

    JscepDevice stranger = JscepDevice.named("stranger.example.test", "not-the-passphrase");
    EnrollmentResponse wrong =
        client.enrol(stranger.identity(), stranger.keyPair().getPrivate(), stranger.csr());
    assertTrue(wrong.isFailure(), "a wrong challenge never reaches the queue");

    Scrape after = Scrape.now();
    assertEquals(2, enrollments(before, after, "pending"), "both requests waited");
    assertEquals(1, enrollments(before, after, "failed"), "the wrong challenge");
    assertEquals(0, enrollments(before, after, "issued"), "signing and polling are no enrollment");
  }

  /**
   * A PKCSReq sent again with its transactionID (RFC 8894 §3.3.1.1: a client that got no answer
   * sends the same request again) is answered from the first: the same certificate, nothing issued,
   * queued or counted a second time.
   */
  @Test
  void aPkcsReqSentAgainIsAnsweredFromTheFirst() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP resend RSA Root", "RSA");
    X509Certificate ra = raCertificate(scep);
    JscepDevice device = JscepDevice.named("resent.example.test", scep.passphrase);
    byte[] message =
        new PkiMessageEncoder(
                device.keyPair().getPrivate(),
                device.identity(),
                new PkcsPkiEnvelopeEncoder(ra, "AES"),
                "SHA256withRSA")
            .encode(
                new PkcsReq(TransactionId.createTransactionId(), Nonce.nextNonce(), device.csr()))
            .getEncoded();
    Scrape before = Scrape.now();
    X509Certificate first = answered(scep, message, ra, device);
    X509Certificate again = answered(scep, message, ra, device);
    assertEquals(first, again, "the same certificate, not a second one");
    Scrape after = Scrape.now();
    assertEquals(1, enrollments(before, after, "issued"), "one enrollment");
    long requests =
        scep.owner.get("/api/v1/cas/" + scep.caId + "/requests").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(r -> r.getString("subject", "").contains("resent.example.test"))
            .count();
    assertEquals(1, requests, "one request in the queue's history");
  }

  /** The RA certificate of GetCACert (§4.2.1.2): the one that is not the CA's. */
  private static X509Certificate raCertificate(ScepFixture scep) throws Exception {
    Api.Reply reply =
        Api.anonymous()
            .get("/pki/scep/" + scep.templateId() + "/pkiclient.exe?operation=GetCACert");
    assertEquals(200, reply.status(), reply::toString);
    X500Name ca = scep.caCertificate().getSubject();
    for (X509CertificateHolder certificate :
        new CMSSignedData(reply.bytes()).getCertificates().getMatches(null)) {
      if (!certificate.getSubject().equals(ca)) {
        return new JcaX509CertificateConverter().getCertificate(certificate);
      }
    }
    throw new AssertionError("GetCACert named no RA");
  }

  /** The certificate of the SUCCESS CertRep, signed by the RA, that answers {@code message}. */
  private static X509Certificate answered(
      ScepFixture scep, byte[] message, X509Certificate ra, JscepDevice device) throws Exception {
    Api.Reply reply =
        Api.anonymous()
            .post(
                "/pki/scep/" + scep.templateId() + "/pkiclient.exe?operation=PKIOperation",
                "application/x-pki-message",
                message);
    assertEquals(200, reply.status(), reply::toString);
    CertRep certRep =
        (CertRep)
            new PkiMessageDecoder(
                    ra,
                    new PkcsPkiEnvelopeDecoder(device.identity(), device.keyPair().getPrivate()))
                .decode(new CMSSignedData(reply.bytes()));
    assertEquals(PkiStatus.SUCCESS, certRep.getPkiStatus(), () -> "" + certRep.getFailInfo());
    return JscepDevice.certificates(SignedDataUtils.fromSignedData(certRep.getMessageData()))
        .get(0);
  }

  private static double enrollments(Scrape before, Scrape after, String outcome) {
    return after.grewSince(before, "pkiaas_scep_enrollments_total", Map.of("outcome", outcome));
  }

  /**
   * Devices rolled out at once all begin with GetCACert on a CA that has no RA certificate yet
   * (§3.2.1.1): the first request issues it, the others wait for it and serve the same one; none
   * fails.
   */
  @Test
  void manyFirstGetCaCertsShareOneRaCertificate() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP rollout EC Root", "EC");
    String path = "/pki/scep/" + scep.templateId() + "/pkiclient.exe?operation=GetCACert";
    X500Name ca = scep.caCertificate().getSubject();
    ExecutorService devices = Executors.newFixedThreadPool(16);
    try {
      List<Future<Api.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        replies.add(devices.submit(() -> Api.anonymous().get(path)));
      }
      Set<BigInteger> raSerials = new HashSet<>();
      for (Future<Api.Reply> future : replies) {
        Api.Reply reply = future.get();
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("application/x-x509-ca-ra-cert", reply.contentType());
        for (X509CertificateHolder certificate :
            new CMSSignedData(reply.bytes()).getCertificates().getMatches(null)) {
          if (!certificate.getSubject().equals(ca)) {
            raSerials.add(certificate.getSerialNumber());
          }
        }
      }
      assertEquals(1, raSerials.size(), () -> "RA certificates served: " + raSerials);
    } finally {
      devices.shutdownNow();
    }
  }

  /**
   * On an RSA CA: jscep 2.5.8 decides between PKCSReq and RenewalReq by verifying the identity
   * certificate with its own key, and throws (instead of answering "not self-signed") when the
   * issuer's signature is ECDSA and the key RSA.
   */
  @Test
  void renewalGetCertAndGetCrl() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP renewal RSA Root", "RSA");
    scep.allowRenewal();
    Client client = JscepDevice.client(scep);
    JscepDevice device = JscepDevice.named("renew.example.test", scep.passphrase);
    Scrape before = Scrape.now();
    EnrollmentResponse enrolled =
        client.enrol(device.identity(), device.keyPair().getPrivate(), device.csr());
    assertTrue(enrolled.isSuccess(), () -> "enrol: " + enrolled.getFailInfo());
    X509Certificate current = issued(enrolled);

    // RenewalReq: signed with the current certificate, for a new key
    KeyPair next = JscepDevice.rsa();
    EnrollmentResponse renewed =
        client.enrol(
            current,
            device.keyPair().getPrivate(),
            JscepDevice.request(next, "renew.example.test", null));
    assertTrue(renewed.isSuccess(), () -> "renewal: " + renewed.getFailInfo() + scep.failures());
    X509Certificate successor = issued(renewed);
    assertEquals(
        2, enrollments(before, Scrape.now(), "issued"), "the enrollment and the renewal counted");
    assertEquals(next.getPublic(), successor.getPublicKey());
    assertNotEquals(current.getSerialNumber(), successor.getSerialNumber());

    // GetCert: the successor by its serial number
    List<X509Certificate> fetched =
        JscepDevice.certificates(
            client.getCertificate(successor, next.getPrivate(), successor.getSerialNumber()));
    assertEquals(List.of(successor), fetched);

    // GetCRL: the CA's CRL, where auto-revoke put the renewed certificate
    X509CRL crl =
        client.getRevocationList(
            successor,
            next.getPrivate(),
            current.getIssuerX500Principal(),
            current.getSerialNumber());
    crl.verify(
        new JcaX509CertificateConverter().getCertificate(scep.caCertificate()).getPublicKey());
    assertTrue(crl.isRevoked(current), "renewal with auto-revoke supersedes the old certificate");
    assertTrue(!crl.isRevoked(successor));
  }
}
