package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.exception.AcmeServerException;

/** A CA with certificates still in use is retired, not erased (issue 12). */
class CaRetirementIT extends ServerIT {

  @Test
  void aCaWithUnexpiredCertificatesCannotBeDeleted() {
    StatusPki pki = new StatusPki(Api.newUser(), "Busy Root " + System.nanoTime());
    JsonObject leaf = pki.issue("busy.example.com");

    JsonObject problem = assertProblem(pki.owner.delete("/api/v1/cas/" + pki.caId), 409);

    assertTrue(problem.getString("detail").contains("retire"), problem::toString);
    assertEquals("ACTIVE", pki.owner.get("/api/v1/cas/" + pki.caId).json().getString("status"));
    assertEquals(
        200,
        pki.owner.get("/api/v1/certificates/" + leaf.getString("id")).status(),
        "nothing was removed");
    assertEquals(200, Api.anonymous().get("/pki/crl/" + pki.caId + ".crl").status());
  }

  @Test
  void aRetiredCaIssuesNothingWhileItsCrlAndOcspKeepAnswering() throws Exception {
    AcmeFixture acme = new AcmeFixture("Retiring Root " + System.nanoTime(), "*.acme.test");
    String templateId =
        acme.owner
            .get("/api/v1/cas/" + acme.caId + "/templates")
            .array()
            .getJsonObject(0)
            .getString("id");
    StatusPki pki = new StatusPki(acme.owner, acme.caId, acme.caCertificate, templateId);
    JsonObject kept = pki.issue("kept.example.com");
    JsonObject compromised = pki.issue("compromised.example.com");
    assertEquals(200, pki.revoke(compromised.getString("id"), "keyCompromise").status());
    Login login = acme.register(AcmeFixture.accountKey());
    BigInteger keptSerial = StatusPki.serial(kept);
    assertEquals(
        CertificateStatus.GOOD,
        status(pki, pki.request(null, keptSerial)),
        "answered and cached before retirement");

    Api.Reply retired =
        acme.owner.post("/api/v1/cas/" + acme.caId + "/retire", Json.createObjectBuilder().build());

    assertEquals(200, retired.status(), retired::toString);
    assertEquals("RETIRED", retired.json().getString("status"));
    assertEquals("RETIRED", acme.owner.get("/api/v1/cas/" + acme.caId).json().getString("status"));
    assertTrue(
        acme.owner.get("/api/v1/audit?size=500").text().contains("ca.retire"),
        "retirement is audited");

    // no channel issues any more
    Api.Reply submitted =
        acme.owner.post(
            "/api/v1/templates/" + templateId + "/requests",
            Json.createObjectBuilder()
                .add(
                    "csr",
                    Csrs.csr(Csrs.keys("EC"), "CN=late.example.com", List.of("late.example.com")))
                .build());
    if (submitted.status() == 201) {
      JsonObject refused =
          assertProblem(
              acme.owner.post(
                  "/api/v1/requests/" + submitted.json().getString("id") + "/sign",
                  Json.createObjectBuilder().build()),
              409);
      assertTrue(refused.getString("detail").contains("retired"), refused::toString);
    } else {
      assertProblem(submitted, 409);
    }
    AcmeServerException acmeRefusal =
        assertThrows(
            AcmeServerException.class, () -> login.newOrder().domain("late.acme.test").create());
    assertEquals(
        "urn:ietf:params:acme:error:unauthorized",
        acmeRefusal.getType().toString(),
        acmeRefusal::getMessage);
    assertTrue(acmeRefusal.getMessage().contains("retired"), acmeRefusal::getMessage);

    // while relying parties keep their answers: OCSP (cached path and nonce path), CRL and the CA
    // certificate
    assertEquals(CertificateStatus.GOOD, status(pki, pki.request(null, keptSerial)));
    assertEquals(CertificateStatus.GOOD, status(pki, pki.request(StatusPki.nonce(16), keptSerial)));
    Object revoked = status(pki, pki.request(null, StatusPki.serial(compromised)));
    assertInstanceOf(RevokedStatus.class, revoked);
    assertEquals(CRLReason.keyCompromise, ((RevokedStatus) revoked).getRevocationReason());
    Api.Reply crlReply = Api.anonymous().get("/pki/crl/" + acme.caId + ".crl");
    assertEquals(200, crlReply.status(), crlReply::toString);
    X509CRLHolder crl = new X509CRLHolder(crlReply.bytes());
    assertTrue(
        crl.isSignatureValid(
            new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(acme.caCertificate)));
    assertNotNull(
        crl.getRevokedCertificate(StatusPki.serial(compromised)),
        "the CRL still lists what the CA revoked");
    assertArrayEquals(
        acme.caCertificate.getEncoded(),
        Api.anonymous().get("/pki/ca/" + acme.caId + ".crt").bytes());

    assertProblem(acme.owner.delete("/api/v1/cas/" + acme.caId), 409);
    assertEquals(
        200,
        acme.owner
            .post("/api/v1/cas/" + acme.caId + "/retire", Json.createObjectBuilder().build())
            .status(),
        "retiring twice changes nothing");
  }

  @Test
  void onlyItsOwnerRetiresACa() {
    StatusPki pki = new StatusPki(Api.newUser(), "Owned Root " + System.nanoTime());
    assertProblem(
        Api.newUser()
            .post("/api/v1/cas/" + pki.caId + "/retire", Json.createObjectBuilder().build()),
        404);
    assertEquals("ACTIVE", pki.owner.get("/api/v1/cas/" + pki.caId).json().getString("status"));
  }

  private static Object status(StatusPki pki, byte[] request) throws Exception {
    BasicOCSPResp response = StatusPki.basic(pki.ocsp(request));
    X509CertificateHolder responder = response.getCerts()[0];
    assertTrue(
        response.isSignatureValid(
            new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(responder)));
    SingleResp single = response.getResponses()[0];
    return single.getCertStatus();
  }
}
