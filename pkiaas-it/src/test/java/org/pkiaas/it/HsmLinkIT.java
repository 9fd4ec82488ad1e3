package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CA whose key is on an IoT-HSM device (issue 20, user guide 10.3): the real agent on a SoftHSM2
 * token provisions a P-256 root from the server's provisioning certificate; certificates and CRLs
 * signed on the token pass openssl's checks; OCSP is answered by the software responder; with the
 * agent stopped, signing fails fast with a 503 and records nothing, and it resumes when the agent
 * is back, without a server restart.
 */
@RealClient
class HsmLinkIT extends ServerIT {

  /** The link's request timeout (5 s) plus the round trips of the API call itself. */
  private static final Duration FAIL_FAST = Duration.ofSeconds(7);

  @TempDir Path work;

  @Test
  void aP256RootOnTheTokenSignsAndFailsFastWhileItsAgentIsAway() throws Exception {
    Api owner = Api.newUser();
    String name = "HSM Root " + System.nanoTime();
    Api.Reply created =
        owner.post(
            "/api/v1/cas",
            Json.createObjectBuilder()
                .add("subject", Json.createObjectBuilder().add("commonName", name))
                .add("keyType", "EC")
                .add("curve", "P-256")
                .add("keyStorage", "HSM")
                .add("pathLength", 1)
                .build());
    assertEquals(201, created.status(), created::toString);
    JsonObject ca = created.json();
    String caId = ca.getString("id");
    assertEquals("AWAITING_CERTIFICATE", ca.getString("status"));
    assertEquals("HSM", ca.getString("keyBackend"));

    Api.Reply provisioning = owner.get("/api/v1/cas/" + caId + "/hsm-provisioning-certificate");
    assertEquals(200, provisioning.status(), provisioning::toString);
    List<X509CertificateHolder> files = Pki.certificates(provisioning.text());
    assertEquals(2, files.size(), "the template, then the server's link certificate");
    assertEquals(name, commonName(files.get(0)));

    HsmAgent agent = new HsmAgent(work).initToken("hsm-link-it");
    agent.generate("root", "p-256");
    String rootPem = agent.provision("root", provisioning.text(), "self-signed");
    X509CertificateHolder root = Pki.certificate(rootPem);
    assertEquals(files.get(0).getSubject(), root.getSubject());
    agent.start("root");
    try {
      JsonObject active = importWhenOnline(owner, caId, rootPem);
      assertEquals("ACTIVE", active.getString("status"));
      assertTrue(active.getJsonObject("hsmLink").getBoolean("online"), active::toString);
      assertEquals(64, active.getJsonObject("hsmLink").getString("keyId").length());

      StatusPki pki = new StatusPki(owner, caId, root, template(owner, caId));
      JsonObject leaf = pki.issue("device.hsm.example");
      Path dir = Files.createDirectories(work.resolve("openssl"));
      Files.writeString(dir.resolve("root.pem"), rootPem);
      Files.writeString(dir.resolve("leaf.pem"), leaf.getString("certificatePem"));
      assertTrue(
          Tools.ok(dir, "openssl", "verify", "-CAfile", "root.pem", "leaf.pem").contains("OK"));

      assertEquals(
          200,
          pki.revoke(pki.issue("revoked.hsm.example").getString("id"), "keyCompromise").status());
      Api.Reply crl = Api.anonymous().get("/pki/crl/" + caId + ".crl");
      assertEquals(200, crl.status(), crl::toString);
      Files.write(dir.resolve("ca.crl"), crl.bytes());
      assertTrue(
          Tools.ok(
                  dir,
                  "openssl",
                  "crl",
                  "-inform",
                  "DER",
                  "-in",
                  "ca.crl",
                  "-CAfile",
                  "root.pem",
                  "-noout")
              .contains("verify OK"));

      BasicOCSPResp ocsp = StatusPki.basic(pki.ocsp(pki.request(null, StatusPki.serial(leaf))));
      X509CertificateHolder responder = ocsp.getCerts()[0];
      assertTrue(Pki.signedBy(responder, root), "the responder's certificate is the token's");
      assertTrue(
          ocsp.isSignatureValid(
              new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(responder)));
      assertEquals(CertificateStatus.GOOD, ocsp.getResponses()[0].getCertStatus());

      // the agent goes away: signing fails fast, and nothing is issued
      agent.stop();
      awaitOnline(owner, caId, false);
      JsonObject links = Health.ready().check("pkiaas-hsm-links").orElseThrow();
      assertEquals("UP", links.getString("status"), links::toString);
      assertTrue(links.getJsonObject("data").getBoolean("degraded"), links::toString);
      assertTrue(
          links.getJsonObject("data").getString("offlineCas").contains(name), links::toString);
      int issuedBefore = certificates(owner, caId);
      Api.Reply submitted = pki.submit("away.hsm.example");
      long started = System.nanoTime();
      Api.Reply refused = sign(owner, submitted);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      JsonObject problem = assertProblem(refused, 503);
      assertTrue(problem.getString("detail").contains("IoT-HSM"), problem::toString);
      assertTrue(took.compareTo(FAIL_FAST) < 0, "took " + took);
      assertEquals(issuedBefore, certificates(owner, caId), "nothing half-issued");
      assertEquals(
          "PENDING",
          owner
              .get("/api/v1/requests/" + submitted.json().getString("id"))
              .json()
              .getString("status"));
      assertEquals(
          200, Api.anonymous().get("/pki/crl/" + caId + ".crl").status(), "status stays served");

      // back again: the same request is signed, without a server restart
      agent.start("root");
      awaitOnline(owner, caId, true);
      Api.Reply signed = sign(owner, submitted);
      assertEquals(200, signed.status(), signed::toString);
      assertEquals(issuedBefore + 1, certificates(owner, caId));

      // a power cut: the server still counts the agent present for a moment, so the request goes
      // out and fails when the link's timeout passes
      agent.kill();
      Api.Reply unanswered = pki.submit("cut.hsm.example");
      started = System.nanoTime();
      refused = sign(owner, unanswered);
      took = Duration.ofNanos(System.nanoTime() - started);
      assertProblem(refused, 503);
      assertTrue(took.compareTo(FAIL_FAST) < 0, "took " + took);
      assertEquals(issuedBefore + 1, certificates(owner, caId), "nothing half-issued");
    } finally {
      agent.stop();
    }
  }

  /** The guide's "import again once the device is running": the server must have heard it. */
  private static JsonObject importWhenOnline(Api owner, String caId, String pem) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      Api.Reply imported =
          owner.post(
              "/api/v1/cas/" + caId + "/certificate",
              Json.createObjectBuilder().add("certificatePem", pem).build());
      if (imported.status() != 503 || System.nanoTime() > deadline) {
        assertEquals(200, imported.status(), imported::toString);
        return imported.json();
      }
      Thread.sleep(500);
    }
  }

  private static void awaitOnline(Api owner, String caId, boolean online) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    JsonObject ca = owner.get("/api/v1/cas/" + caId).json();
    while (ca.getJsonObject("hsmLink").getBoolean("online") != online) {
      assertFalse(System.nanoTime() > deadline, "never " + (online ? "online" : "offline"));
      Thread.sleep(200);
      ca = owner.get("/api/v1/cas/" + caId).json();
    }
  }

  private static String template(Api owner, String caId) {
    Api.Reply template =
        owner.post(
            "/api/v1/cas/" + caId + "/templates",
            Json.createObjectBuilder().add("name", "Servers").add("starter", "WEB_SERVER").build());
    assertEquals(201, template.status(), template::toString);
    return template.json().getString("id");
  }

  private static Api.Reply sign(Api owner, Api.Reply submitted) {
    return owner.post(
        "/api/v1/requests/" + submitted.json().getString("id") + "/sign",
        Json.createObjectBuilder().build());
  }

  private static int certificates(Api owner, String caId) {
    return owner.get("/api/v1/cas/" + caId + "/certificates?size=1").total();
  }

  private static String commonName(X509CertificateHolder certificate) {
    return certificate.getSubject().getRDNs()[0].getFirst().getValue().toString();
  }
}
