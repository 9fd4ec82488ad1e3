package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.jscep.client.EnrollmentResponse;
import org.jscep.transaction.FailInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Intune validation of SCEP requests (user guide 6.2) against {@link FakeIntune}, which holds the
 * server to Microsoft's published contract: micromdm's scepclient enrolls with a challenge Intune
 * approves and Intune hears of the certificate; every Intune error code, an HTTP 500, a timeout, an
 * unreachable Entra ID and a refused success notification each get a SCEP FAILURE and issue
 * nothing. The client secret is never shown back.
 */
class ScepIntuneIT extends ServerIT {

  private static final int OFFSET = Integer.getInteger("pkiaas.it.port-offset", 100);
  private static FakeIntune intune;

  @TempDir Path dir;

  @BeforeAll
  static void startIntune() {
    intune = new FakeIntune(5070 + OFFSET);
  }

  @AfterAll
  static void stopIntune() {
    intune.close();
  }

  @BeforeEach
  void forgetCalls() {
    intune.reset();
  }

  /** An RSA CA whose template validates with Intune at {@code authorityUrl}. */
  private ScepFixture intuneTemplate(String caName, String authorityUrl, int timeoutMillis) {
    ScepFixture scep = new ScepFixture(caName, "RSA");
    scep.set(
        "scep",
        Json.createObjectBuilder()
            .add("staticPassphrase", false)
            .add("intune", true)
            .add(
                "intuneConnection",
                Json.createObjectBuilder()
                    .add("tenantId", FakeIntune.TENANT)
                    .add("clientId", FakeIntune.CLIENT_ID)
                    .add("authorityUrl", authorityUrl)
                    .add("graphUrl", intune.graphUrl())
                    .add("timeoutMillis", timeoutMillis)));
    Api.Reply secret =
        scep.owner.put(
            "/api/v1/templates/" + scep.templateId() + "/scep/intune-secret",
            Json.createObjectBuilder().add("clientSecret", FakeIntune.CLIENT_SECRET).build());
    assertEquals(204, secret.status(), secret::toString);
    return scep;
  }

  @Test
  void scepclientEnrollsWhenIntuneApprovesAndIntuneHearsOfTheCertificate() throws Exception {
    ScepFixture scep = intuneTemplate("SCEP Intune Root", intune.authorityUrl(), 5000);
    Path device = dir.resolve("device");
    Tools.Run enrolled = ScepFixture.scepclient(scep.url(), "ok", device, "intune.example.test");
    assertEquals(0, enrolled.exitCode(), () -> enrolled.output() + scep.failures());
    assertTrue(scep.opensslVerify(dir, device.resolve("device.pem")).contains(": OK"));
    assertEquals(List.of(), intune.violations());
    List<String> actions = intune.calls().stream().map(FakeIntune.Call::action).toList();
    assertEquals(List.of("validateRequest", "successNotification"), actions);

    X509CertificateHolder issued = Pki.certificate(Files.readString(device.resolve("device.pem")));
    JsonObject notification = intune.calls().get(1).body().getJsonObject("notification");
    assertEquals(
        HexFormat.of()
            .withUpperCase()
            .formatHex(MessageDigest.getInstance("SHA-1").digest(issued.getEncoded())),
        notification.getString("certificateThumbprint"));
    assertEquals(
        issued.getSerialNumber(),
        new java.math.BigInteger(notification.getString("certificateSerialNumber"), 16));
    assertEquals(
        intune.calls().get(0).body().getJsonObject("request").getString("transactionId"),
        notification.getString("transactionId"));
    assertEquals(1, scep.issued().size());

    String shown = scep.owner.get("/api/v1/templates/" + scep.templateId()).text();
    assertFalse(shown.contains(FakeIntune.CLIENT_SECRET), "the client secret is never shown");
    assertTrue(shown.contains(FakeIntune.CLIENT_ID), shown);
  }

  @Test
  void everyIntuneErrorCodeIsAScepFailureAndIssuesNothing() throws Exception {
    ScepFixture scep = intuneTemplate("SCEP Intune codes Root", intune.authorityUrl(), 5000);
    var client = JscepDevice.client(scep);
    KeyPair keys = JscepDevice.rsa();
    for (String code : FakeIntune.ERROR_CODES) {
      JscepDevice device = JscepDevice.withKeys(keys, "refused.example.test", code);
      EnrollmentResponse response =
          client.enrol(device.identity(), keys.getPrivate(), device.csr());
      assertTrue(response.isFailure(), code + " refuses the request");
      assertEquals(FailInfo.badRequest, response.getFailInfo(), code);
      assertTrue(scep.failures().contains(code), () -> code + scep.failures());
    }
    assertEquals(0, scep.issued().size());
    assertEquals(List.of(), intune.violations());
    assertTrue(
        intune.calls().stream().allMatch(c -> c.action().equals("validateRequest")),
        "a refused request is not notified as issued");
  }

  @Test
  void aServerErrorATimeoutOrAnUnreachableIntuneIssuesNothing() throws Exception {
    ScepFixture scep = intuneTemplate("SCEP Intune outage Root", intune.authorityUrl(), 1500);
    var client = JscepDevice.client(scep);

    JscepDevice boom = JscepDevice.named("boom.example.test", "boom");
    EnrollmentResponse error =
        client.enrol(boom.identity(), boom.keyPair().getPrivate(), boom.csr());
    assertTrue(error.isFailure());
    assertTrue(scep.failures().contains("answered HTTP 500"), scep.failures());

    JscepDevice slow = JscepDevice.named("slow.example.test", "slow");
    long start = System.nanoTime();
    EnrollmentResponse late =
        client.enrol(slow.identity(), slow.keyPair().getPrivate(), slow.csr());
    assertTrue(late.isFailure());
    assertTrue(scep.failures().contains("no answer within 1500 ms"), scep.failures());
    assertTrue(System.nanoTime() - start < 4_500_000_000L, "the deadline holds");

    ScepFixture unreachable =
        intuneTemplate("SCEP Intune unreachable Root", "http://127.0.0.1:9/", 1500);
    JscepDevice lost = JscepDevice.named("lost.example.test", "ok");
    EnrollmentResponse refused =
        JscepDevice.client(unreachable)
            .enrol(lost.identity(), lost.keyPair().getPrivate(), lost.csr());
    assertTrue(refused.isFailure());
    assertTrue(
        unreachable.failures().contains("Entra ID could not be reached"), unreachable.failures());
    assertEquals(0, scep.issued().size());
    assertEquals(0, unreachable.issued().size());
    assertEquals(List.of(), intune.violations());
  }

  @Test
  void aRefusedSuccessNotificationIssuesNothing() throws Exception {
    ScepFixture scep = intuneTemplate("SCEP Intune notify Root", intune.authorityUrl(), 5000);
    Tools.Run refused =
        ScepFixture.scepclient(
            scep.url(), "notify-fails", dir.resolve("device"), "notify.example.test");
    assertNotEquals(0, refused.exitCode(), refused.output());
    assertTrue(refused.output().contains("badRequest"), refused.output());
    assertEquals(
        List.of("validateRequest", "successNotification"),
        intune.calls().stream().map(FakeIntune.Call::action).toList());
    assertTrue(scep.failures().contains("did not acknowledge"), scep.failures());
    assertEquals(0, scep.issued().size(), "nothing is issued without Intune's acknowledgement");
    assertEquals(List.of(), intune.violations());
  }

  /**
   * Intune approves, the template then refuses the CSR (its key is smaller than the template's
   * minimum): Intune hears of it through failureNotification, the device gets FAILURE, nothing is
   * issued.
   */
  @Test
  void aCsrTheTemplateRefusesAfterIntuneApprovedIsReportedToIntune() throws Exception {
    ScepFixture scep = intuneTemplate("SCEP Intune policy Root", intune.authorityUrl(), 5000);
    scep.set("requests", Json.createObjectBuilder().add("minimumRsaBits", 3072));
    JscepDevice device = JscepDevice.named("small-key.example.test", "ok");
    EnrollmentResponse response =
        JscepDevice.client(scep)
            .enrol(device.identity(), device.keyPair().getPrivate(), device.csr());
    assertTrue(response.isFailure(), "the template refuses a 2048-bit key");
    assertEquals(FailInfo.badRequest, response.getFailInfo());
    assertEquals(
        List.of("validateRequest", "failureNotification"),
        intune.calls().stream().map(FakeIntune.Call::action).toList());
    JsonObject notification = intune.calls().get(1).body().getJsonObject("notification");
    assertEquals(
        intune.calls().get(0).body().getJsonObject("request").getString("transactionId"),
        notification.getString("transactionId"));
    assertTrue(
        notification.getString("errorDescription").contains("3072"),
        notification.getString("errorDescription"));
    assertEquals(0, scep.issued().size());
    assertEquals(List.of(), intune.violations());
  }
}
