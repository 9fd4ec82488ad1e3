package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time-stamp authority of a CA as relying parties use it: requests made by {@code openssl ts
 * -query}, sent over HTTP to {@code /pki/tsa/{caId}}, the replies read by {@code openssl ts -reply}
 * and verified by {@code openssl ts -verify} with the CA as trust anchor (Bouncy Castle where
 * OpenSSL 3.0 cannot read the CA's key, ML-DSA), on RSA, P-256 and ML-DSA CAs; then every kind of
 * bad request.
 */
class TimeStampingIT extends ServerIT {

  @TempDir Path dir;

  private final Api owner = Api.newUser();

  private OpensslTs ts;

  @BeforeEach
  void relyingParty() {
    ts = new OpensslTs(dir);
  }

  private String ca(String name, String keyType) {
    Api.Reply created =
        owner.post(
            "/api/v1/cas",
            Json.createObjectBuilder()
                .add("name", name)
                .add("subject", Json.createObjectBuilder().add("commonName", name))
                .add("keyType", keyType)
                .build());
    assertEquals(201, created.status(), created::toString);
    JsonObject ca = created.json();
    ts.write("ca.pem", ca.getString("certificatePem"));
    return ca.getString("id");
  }

  private static TimeStampResponse response(Api.Reply reply) throws Exception {
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("application/timestamp-reply", reply.contentType());
    return new TimeStampResponse(reply.bytes());
  }

  /** The CA's time-stamping certificates as listed among its certificates, newest first. */
  private List<JsonObject> unitCertificates(String caId) {
    return owner.get("/api/v1/cas/" + caId + "/certificates?size=500").array().stream()
        .map(JsonObject.class::cast)
        .filter(c -> "TIMESTAMPING".equals(c.getString("purpose")))
        .toList();
  }

  /** The CA's current time-stamping certificate. */
  private X509CertificateHolder unitCertificate(String caId) {
    JsonObject listed =
        unitCertificates(caId).stream()
            .findFirst()
            .orElseThrow(() -> new AssertionError("no time-stamping certificate listed"));
    return Pki.certificate(
        owner
            .get("/api/v1/certificates/" + listed.getString("id"))
            .json()
            .getString("certificatePem"));
  }

  @Test
  void opensslVerifiesTokensOfAP256Ca() throws Exception {
    String caId = ca("TSA P-256 Root", "EC");

    Api.Reply withCert = ts.stamp(caId, "-sha256", "-cert");
    String text = Tools.ok(dir, "openssl", "ts", "-reply", "-in", "reply.tsr", "-text");
    assertTrue(text.contains("Status: Granted."), text);
    assertTrue(text.contains("Nonce: 0x"), "the nonce is echoed:\n" + text);
    assertTrue(text.contains("Accuracy: 0x01 seconds"), text);
    assertTrue(text.contains("Ordering: no"), text);
    assertTrue(ts.verify().contains("Verification: OK"));
    TimeStampToken token = response(withCert).getTimeStampToken();
    assertEquals(2, token.getCertificates().getMatches(null).size(), "unit and CA certificates");
    assertTrue(token.getTimeStampInfo().getSerialNumber().bitLength() >= 64);

    Api.Reply sha512 = ts.stamp(caId, "-sha512", "-cert");
    assertTrue(ts.verify().contains("Verification: OK"));
    assertEquals(
        "2.16.840.1.101.3.4.2.3",
        response(sha512).getTimeStampToken().getTimeStampInfo().getMessageImprintAlgOID().getId());

    // without certReq the token carries no certificate: the verifier brings the unit's own
    Api.Reply bare = ts.stamp(caId, "-sha256", "-no_nonce");
    token = response(bare).getTimeStampToken();
    assertTrue(token.getCertificates().getMatches(null).isEmpty());
    ts.write("unit.pem", Pki.pem(unitCertificate(caId)));
    assertTrue(ts.verify("-untrusted", "unit.pem").contains("Verification: OK"));
    Tools.Run tampered =
        Tools.run(
            dir,
            "sh",
            "-c",
            "echo changed >> document.txt && openssl ts -verify -data document.txt -in reply.tsr"
                + " -CAfile ca.pem -untrusted unit.pem");
    assertNotEquals(0, tampered.exitCode(), "another document does not verify");
  }

  @Test
  void theUnitCertificateIsForTimeStampingOnly() throws Exception {
    String caId = ca("TSA Profile Root", "EC");
    response(ts.stamp(caId, "-sha256", "-cert"));
    X509CertificateHolder unit = unitCertificate(caId);
    Extension eku = unit.getExtension(Extension.extendedKeyUsage);
    assertTrue(eku.isCritical(), "RFC 3161 §2.3: the extended key usage is critical");
    assertEquals(
        List.of(KeyPurposeId.id_kp_timeStamping),
        Arrays.asList(ExtendedKeyUsage.getInstance(eku.getParsedValue()).getUsages()));
    KeyUsage keyUsage = KeyUsage.fromExtensions(unit.getExtensions());
    assertTrue(keyUsage.hasUsages(KeyUsage.digitalSignature));
    assertTrue(
        !keyUsage.hasUsages(KeyUsage.keyCertSign) && !keyUsage.hasUsages(KeyUsage.keyEncipherment));
    ts.write("unit.pem", Pki.pem(unit));
    String purpose =
        Tools.ok(
            dir, "openssl", "verify", "-CAfile", "ca.pem", "-purpose", "timestampsign", "unit.pem");
    assertTrue(purpose.contains("unit.pem: OK"), purpose);
    JsonObject urls = owner.get("/api/v1/cas/" + caId + "/urls").json();
    assertEquals(Api.BASE_URL + "/pki/tsa/" + caId, urls.getString("timestamping"));
  }

  @Test
  void opensslVerifiesTokensOfAnRsaCa() throws Exception {
    String caId = ca("TSA RSA Root", "RSA");
    response(ts.stamp(caId, "-sha256", "-cert"));
    assertTrue(ts.verify().contains("Verification: OK"));
    response(ts.stamp(caId, "-sha512", "-cert"));
    assertTrue(ts.verify().contains("Verification: OK"));
  }

  @Test
  void tokensOfAnMlDsaCaVerifyUpToTheCa() throws Exception {
    String caId = ca("TSA ML-DSA Root", "ML_DSA");
    TimeStampToken token = response(ts.stamp(caId, "-sha256", "-cert")).getTimeStampToken();
    X509CertificateHolder unit = unitCertificate(caId);
    token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Pki.BC).build(unit));
    X509CertificateHolder ca = Pki.certificate(Files.readString(dir.resolve("ca.pem")));
    assertTrue(Pki.signedBy(unit, ca), "the unit certificate is signed with the CA's ML-DSA key");
    assertTrue(token.getCertificates().getMatches(null).contains(ca));
  }

  @Test
  void badRequestsAreRejectedWithTheRightFailInfo() throws Exception {
    String caId = ca("TSA Refusing Root", "EC");

    TimeStampResponse md5 = response(ts.stamp(caId, "-md5"));
    assertEquals(PKIStatus.REJECTION, md5.getStatus());
    assertEquals(PKIFailureInfo.badAlg, md5.getFailInfo().intValue());
    String text = Tools.ok(dir, "openssl", "ts", "-reply", "-in", "reply.tsr", "-text");
    assertTrue(text.contains("Status: Rejected."), text);

    TimeStampResponse policy = response(ts.stamp(caId, "-sha256", "-tspolicy", "1.2.3.4.5"));
    assertEquals(PKIFailureInfo.unacceptedPolicy, policy.getFailInfo().intValue());

    byte[] query = ts.read("query.tsq");
    TimeStampResponse truncated =
        response(
            Api.anonymous()
                .post(
                    "/pki/tsa/" + caId,
                    "application/timestamp-query",
                    Arrays.copyOf(query, query.length / 2)));
    assertEquals(PKIFailureInfo.badDataFormat, truncated.getFailInfo().intValue());

    Api.Reply wrongType = Api.anonymous().post("/pki/tsa/" + caId, "text/plain", query);
    assertEquals(415, wrongType.status(), wrongType::toString);
    Api.Reply notAuthenticode =
        Api.anonymous().post("/pki/tsa/" + caId, "application/octet-stream", query);
    assertEquals(400, notAuthenticode.status(), notAuthenticode::toString);
    assertTrue(notAuthenticode.text().startsWith("badDataFormat"), notAuthenticode::toString);

    Api.Reply unknown =
        Api.anonymous()
            .post(
                "/pki/tsa/00000000-0000-0000-0000-000000000000",
                "application/timestamp-query",
                query);
    assertEquals(404, unknown.status(), unknown::toString);
  }

  @Test
  void aRevokedUnitCertificateIsReplacedAtTheNextRequest() throws Exception {
    String caId = ca("TSA Revoked Unit Root", "EC");
    TimeStampToken first = response(ts.stamp(caId, "-sha256", "-cert")).getTimeStampToken();
    List<JsonObject> units = unitCertificates(caId);
    assertEquals(1, units.size(), "one time-stamping certificate for many tokens");
    response(ts.stamp(caId, "-sha256", "-cert"));
    assertEquals(1, unitCertificates(caId).size());
    Api.Reply revoked =
        owner.post(
            "/api/v1/certificates/" + units.get(0).getString("id") + "/revoke",
            Json.createObjectBuilder().add("reason", "keyCompromise").build());
    assertEquals(200, revoked.status(), revoked::toString);

    TimeStampToken next = response(ts.stamp(caId, "-sha256", "-cert")).getTimeStampToken();
    assertNotEquals(first.getSID().getSerialNumber(), next.getSID().getSerialNumber());
    assertEquals(2, unitCertificates(caId).size());
    assertTrue(ts.verify().contains("Verification: OK"));
  }

  @Test
  void aCertificateFromTheTimestampingTemplateSignsOnceChosen() throws Exception {
    String caId = ca("TSA Own Key Root", "EC");
    String templateId =
        owner
            .post(
                "/api/v1/cas/" + caId + "/templates",
                Json.createObjectBuilder()
                    .add("name", "TSA")
                    .add("starter", "TIMESTAMPING")
                    .build())
            .json()
            .getString("id");
    KeyPair keys = Csrs.keys("EC");
    Api.Reply submitted =
        owner.post(
            "/api/v1/templates/" + templateId + "/requests",
            Json.createObjectBuilder()
                .add("csr", Csrs.csr(keys, "CN=Own Time Stamping Unit", List.of()))
                .build());
    assertEquals(201, submitted.status(), submitted::toString);
    Api.Reply signed =
        owner.post(
            "/api/v1/requests/" + submitted.json().getString("id") + "/sign",
            Json.createObjectBuilder().build());
    assertEquals(200, signed.status(), signed::toString);
    String certificateId = signed.json().getString("id");
    X509CertificateHolder own =
        Pki.certificate(
            owner.get("/api/v1/certificates/" + certificateId).json().getString("certificatePem"));

    Api.Reply wrongKey =
        owner.put(
            "/api/v1/cas/" + caId + "/timestamping-certificate",
            Json.createObjectBuilder()
                .add("certificateId", certificateId)
                .add("privateKeyPem", Pki.pem(Csrs.keys("EC").getPrivate()))
                .build());
    assertEquals(400, wrongKey.status(), wrongKey::toString);
    assertEquals("privateKeyPem", wrongKey.json().getString("field"));
    Api.Reply otherTenant =
        Api.newUser()
            .put(
                "/api/v1/cas/" + caId + "/timestamping-certificate",
                Json.createObjectBuilder()
                    .add("certificateId", certificateId)
                    .add("privateKeyPem", Pki.pem(keys.getPrivate()))
                    .build());
    assertEquals(404, otherTenant.status(), otherTenant::toString);

    Api.Reply chosen =
        owner.put(
            "/api/v1/cas/" + caId + "/timestamping-certificate",
            Json.createObjectBuilder()
                .add("certificateId", certificateId)
                .add("privateKeyPem", Pki.pem(keys.getPrivate()))
                .build());
    assertEquals(204, chosen.status(), chosen::toString);
    TimeStampToken token = response(ts.stamp(caId, "-sha256", "-cert")).getTimeStampToken();
    assertEquals(own.getSerialNumber(), token.getSID().getSerialNumber());
    assertTrue(ts.verify().contains("Verification: OK"));
  }

  @Test
  void aCertificateForAnotherPurposeIsNotATimeStampingCertificate() throws Exception {
    StatusPki pki = new StatusPki(owner, "TSA Wrong Purpose Root");
    KeyPair keys = Csrs.keys("EC");
    Api.Reply submitted =
        owner.post(
            "/api/v1/templates/" + pki.templateId + "/requests",
            Json.createObjectBuilder()
                .add("csr", Csrs.csr(keys, "CN=www.tsa.test", List.of("www.tsa.test")))
                .build());
    Api.Reply signed =
        owner.post(
            "/api/v1/requests/" + submitted.json().getString("id") + "/sign",
            Json.createObjectBuilder().build());
    Api.Reply refused =
        owner.put(
            "/api/v1/cas/" + pki.caId + "/timestamping-certificate",
            Json.createObjectBuilder()
                .add("certificateId", signed.json().getString("id"))
                .add("privateKeyPem", Pki.pem(keys.getPrivate()))
                .build());
    assertEquals(400, refused.status(), refused::toString);
    assertEquals("certificateId", refused.json().getString("field"));
  }

  @Test
  void aRetiredCaStampsNothingMore() throws Exception {
    String caId = ca("TSA Retired Root", "EC");
    response(ts.stamp(caId, "-sha256"));
    Api.Reply retired =
        owner.post("/api/v1/cas/" + caId + "/retire", Json.createObjectBuilder().build());
    assertEquals(200, retired.status(), retired::toString);
    assertEquals(404, ts.stamp(caId, "-sha256").status());
    JsonObject urls = owner.get("/api/v1/cas/" + caId + "/urls").json();
    assertTrue(!urls.containsKey("timestamping"), urls::toString);
  }
}
