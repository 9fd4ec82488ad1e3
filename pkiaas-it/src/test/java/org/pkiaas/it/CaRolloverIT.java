package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.security.cert.CertStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.jscep.client.Client;
import org.jscep.client.EnrollmentResponse;
import org.jscep.client.verification.PreProvisionedCertificateVerifier;
import org.junit.jupiter.api.Test;

/**
 * A CA's rollover to a new key (issue 17, SCEP GetNextCACert; RFC 8894 §3.5.2, §4.7): the owner
 * prepares the successor, SCEP clients see GetNextCACert and fetch it with jscep, the owner
 * activates it, enrollment goes on under the new key, and the retired CA's CRL and OCSP keep
 * answering. Other tenants see none of it.
 */
class CaRolloverIT extends ServerIT {

  private static final JsonObject EMPTY = Json.createObjectBuilder().build();

  @Test
  void aRootRollsOverAndScepClientsFetchTheNextCertificateBeforeItTakesOver() throws Exception {
    ScepFixture scep = new ScepFixture("Rollover Root " + System.nanoTime(), "RSA");
    X509CertificateHolder oldCa = scep.caCertificate();
    Client before = JscepDevice.client(scep);
    assertFalse(before.getCaCapabilities().isRolloverSupported());
    assertEquals(
        404,
        Api.anonymous()
            .get("/pki/scep/" + scep.templateId() + "/pkiclient.exe?operation=GetNextCACert")
            .status(),
        "no successor, no next CA certificate");
    X509Certificate oldLeaf = enrol(before, "before.rollover.test", scep.passphrase);

    Api.Reply prepared = scep.owner.post("/api/v1/cas/" + scep.caId + "/successor", EMPTY);
    assertEquals(201, prepared.status(), prepared::toString);
    JsonObject successor = prepared.json();
    String nextId = successor.getString("id");
    assertEquals("NEXT", successor.getString("status"));
    assertEquals(scep.caId, successor.getString("predecessorId"));
    assertEquals("RSA", successor.getString("keyType"));
    X509CertificateHolder nextCa = Pki.certificate(successor.getString("certificatePem"));
    assertEquals(oldCa.getSubject(), nextCa.getSubject());
    assertFalse(
        oldCa.getSubjectPublicKeyInfo().equals(nextCa.getSubjectPublicKeyInfo()), "a new key");
    assertEquals(
        nextId, scep.owner.get("/api/v1/cas/" + scep.caId + "/successor").json().getString("id"));
    assertProblem(scep.owner.post("/api/v1/cas/" + scep.caId + "/successor", EMPTY), 409);
    List<String> templates = templateIds(scep.owner, scep.caId);
    assertTrue(templates.contains(scep.templateId()), templates::toString);
    assertEquals(List.of(), templateIds(scep.owner, nextId), "no templates before activation");

    Api stranger = Api.newUser();
    assertProblem(stranger.get("/api/v1/cas/" + scep.caId + "/successor"), 404);
    assertProblem(stranger.post("/api/v1/cas/" + scep.caId + "/successor", EMPTY), 404);
    assertProblem(stranger.post("/api/v1/cas/" + scep.caId + "/successor/activate", EMPTY), 404);
    assertProblem(stranger.get("/api/v1/cas/" + nextId), 404);

    Client client = JscepDevice.client(scep);
    assertTrue(client.getCaCapabilities().isRolloverSupported(), "GetCACaps lists GetNextCACert");
    CertStore rollover = client.getRolloverCertificate();
    List<X509Certificate> offered =
        rollover.getCertificates(null).stream().map(X509Certificate.class::cast).toList();
    List<X509Certificate> cas = offered.stream().filter(c -> c.getBasicConstraints() >= 0).toList();
    assertEquals(1, cas.size(), offered::toString);
    assertArrayEquals(nextCa.getEncoded(), cas.get(0).getEncoded(), "the successor's certificate");
    assertTrue(
        offered.stream().anyMatch(c -> c.getBasicConstraints() < 0 && signedBy(c, cas.get(0))),
        "with the successor's RA certificate");
    assertEquals(
        "NEXT", scep.owner.get("/api/v1/cas/" + nextId).json().getString("status"), "not yet");

    Api.Reply activated =
        scep.owner.post("/api/v1/cas/" + scep.caId + "/successor/activate", EMPTY);
    assertEquals(200, activated.status(), activated::toString);
    assertEquals("ACTIVE", activated.json().getString("status"));
    assertEquals("RETIRED", scep.owner.get("/api/v1/cas/" + scep.caId).json().getString("status"));
    assertEquals(templates, templateIds(scep.owner, nextId), "every template moved");
    assertEquals(List.of(), templateIds(scep.owner, scep.caId));
    assertProblem(scep.owner.get("/api/v1/cas/" + scep.caId + "/successor"), 404);
    assertProblem(scep.owner.post("/api/v1/cas/" + scep.caId + "/successor/activate", EMPTY), 409);
    String audit = scep.owner.get("/api/v1/audit?size=200").text();
    assertTrue(audit.contains("ca.successor.create"), "preparing is audited");
    assertTrue(audit.contains("ca.successor.activate"), "activating is audited");

    // the same SCEP URL now issues under the new key, to a client that trusts the new CA
    X509Certificate next = new JcaX509CertificateConverter().getCertificate(nextCa);
    Client renewed = new Client(new URL(scep.url()), new PreProvisionedCertificateVerifier(next));
    assertFalse(renewed.getCaCapabilities().isRolloverSupported(), "nothing next any more");
    X509Certificate newLeaf = enrol(renewed, "after.rollover.test", scep.passphrase);
    newLeaf.verify(next.getPublicKey());
    assertEquals(next.getSubjectX500Principal(), newLeaf.getIssuerX500Principal());

    // the retired CA's CRL and OCSP keep answering for what it issued
    Api.Reply crlReply = Api.anonymous().get("/pki/crl/" + scep.caId + ".crl");
    assertEquals(200, crlReply.status(), crlReply::toString);
    assertTrue(
        new X509CRLHolder(crlReply.bytes())
            .isSignatureValid(
                new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(oldCa)));
    StatusPki old = new StatusPki(scep.owner, scep.caId, oldCa, scep.templateId());
    BasicOCSPResp ocsp = StatusPki.basic(old.ocsp(old.request(null, oldLeaf.getSerialNumber())));
    assertEquals(CertificateStatus.GOOD, ocsp.getResponses()[0].getCertStatus());
    assertTrue(
        ocsp.isSignatureValid(
            new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(ocsp.getCerts()[0])));
    assertTrue(
        Pki.signedBy(ocsp.getCerts()[0], oldCa), "answered by the retired CA's own responder");
    assertEquals(200, Api.anonymous().get("/pki/crl/" + nextId + ".crl").status());
  }

  @Test
  void anIntermediatesSuccessorAwaitsItsCertificateBeforeItCanBeActivated() throws Exception {
    Api owner = Api.newUser();
    Pki.Issuer root = Pki.externalRoot("Rollover External Root " + System.nanoTime(), 1);
    String caId = intermediate(owner, "Rollover Issuing CA " + System.nanoTime(), root);

    Api.Reply prepared =
        owner.post(
            "/api/v1/cas/" + caId + "/successor",
            Json.createObjectBuilder().add("keyType", "EC").add("curve", "P-384").build());
    assertEquals(201, prepared.status(), prepared::toString);
    String nextId = prepared.json().getString("id");
    assertEquals("AWAITING_CERTIFICATE", prepared.json().getString("status"));
    assertEquals("P-384", prepared.json().getString("curve"));
    JsonObject refused =
        assertProblem(owner.post("/api/v1/cas/" + caId + "/successor/activate", EMPTY), 409);
    assertTrue(refused.getString("detail").contains("certificate"), refused::toString);
    assertProblem(Api.newUser().get("/api/v1/cas/" + nextId + "/csr"), 404);

    importSigned(owner, nextId, root);
    assertEquals("NEXT", owner.get("/api/v1/cas/" + nextId).json().getString("status"));
    Api.Reply activated = owner.post("/api/v1/cas/" + caId + "/successor/activate", EMPTY);
    assertEquals(200, activated.status(), activated::toString);
    assertEquals("ACTIVE", owner.get("/api/v1/cas/" + nextId).json().getString("status"));
    assertEquals("RETIRED", owner.get("/api/v1/cas/" + caId).json().getString("status"));
    StatusPki next =
        new StatusPki(
            owner,
            nextId,
            Pki.certificate(owner.get("/api/v1/cas/" + nextId).json().getString("certificatePem")),
            templateIds(owner, nextId).get(0));
    JsonObject leaf = next.issue("after.intermediate.test");
    assertTrue(
        Pki.signedBy(Pki.certificate(leaf.getString("certificatePem")), next.caCertificate),
        "issued under the new key");
  }

  private static String intermediate(Api owner, String name, Pki.Issuer root) {
    Api.Reply created =
        owner.post(
            "/api/v1/cas",
            CertificateAuthoritiesIT.ca(name).add("keyType", "EC").add("csrOnly", true).build());
    assertEquals(201, created.status(), created::toString);
    String id = created.json().getString("id");
    importSigned(owner, id, root);
    return id;
  }

  private static void importSigned(Api owner, String caId, Pki.Issuer root) {
    PKCS10CertificationRequest csr = Pki.csr(owner.get("/api/v1/cas/" + caId + "/csr").text());
    Api.Reply imported =
        owner.post(
            "/api/v1/cas/" + caId + "/certificate",
            Json.createObjectBuilder()
                .add("certificatePem", Pki.pem(root.issueCa(csr, 0, null)))
                .add("chainPem", Pki.pem(root.certificate()))
                .build());
    assertEquals(200, imported.status(), imported::toString);
  }

  private static X509Certificate enrol(Client client, String commonName, String passphrase)
      throws Exception {
    JscepDevice device = JscepDevice.named(commonName, passphrase);
    EnrollmentResponse response =
        client.enrol(device.identity(), device.keyPair().getPrivate(), device.csr());
    assertTrue(
        response.isSuccess(), () -> "enrollment of " + commonName + ": " + response.getFailInfo());
    X509Certificate issued = JscepDevice.certificates(response.getCertStore()).get(0);
    assertEquals(device.keyPair().getPublic(), issued.getPublicKey());
    return issued;
  }

  private static List<String> templateIds(Api owner, String caId) {
    return owner.get("/api/v1/cas/" + caId + "/templates").array().stream()
        .map(JsonValue::asJsonObject)
        .map(t -> t.getString("id"))
        .toList();
  }

  private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
