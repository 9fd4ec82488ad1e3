package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * Option (a) of HTTPS (issue 16): one of the installation's own CAs issues the listener's
 * certificate. Choosing the template makes the running server serve, within seconds and without a
 * restart, a certificate for localhost that a TLS client trusting only that CA accepts; asking for
 * a renewal, or revoking the served certificate, puts a new one on the next handshake; choosing no
 * template brings back the installation CA's certificate.
 */
class HttpsCertificateIT extends ServerIT {

  private static final int HTTPS_PORT = 8443 + Integer.getInteger("pkiaas.it.port-offset", 100);
  private static final Duration WAIT = Duration.ofSeconds(40);

  @Test
  void aCaOfTheInstallationIssuesRenewsAndReissuesTheServerCertificate() throws Exception {
    JsonObject ca =
        admin
            .post(
                "/api/v1/cas",
                CertificateAuthoritiesIT.ca("HTTPS Listener Root").add("keyType", "EC").build())
            .json();
    String caId = ca.getString("id");
    String templateId =
        admin.get("/api/v1/cas/" + caId + "/templates").array().getJsonObject(0).getString("id");
    X509Certificate anchor = certificate(ca.getString("certificatePem"));
    try {
      Api.Reply chosen = choose(templateId);
      assertEquals(200, chosen.status(), chosen::toString);
      assertEquals(templateId, chosen.json().getString("httpsTemplateId"));
      assertEquals(templateId, admin.get("/api/v1/settings").json().getString("httpsTemplateId"));

      X509Certificate first = awaitServed(anchor, served -> true);
      assertTrue(
          first.getSubjectAlternativeNames().stream().anyMatch(n -> "localhost".equals(n.get(1))),
          () -> "names: " + first.getSubjectX500Principal());
      JsonObject record = record(caId, first.getSerialNumber());
      assertEquals(templateId, record.getString("templateId"));
      assertEquals("VALID", record.getString("status"));
      assertTrue(
          admin.get("/api/v1/audit?size=500").array().stream()
              .map(JsonValue::asJsonObject)
              .anyMatch(
                  e ->
                      "certificate.issue".equals(e.getString("action"))
                          && record.getString("id").equals(e.getString("objectId"))
                          && e.getString("actor").startsWith("https-listener:")),
          "the issuance is audited as any other");

      Api.Reply renewal =
          admin.post("/api/v1/settings/https-certificate/renewal", JsonValue.EMPTY_JSON_OBJECT);
      assertEquals(202, renewal.status(), renewal::toString);
      X509Certificate second =
          awaitServed(anchor, served -> !served.getSerialNumber().equals(first.getSerialNumber()));
      assertNotEquals(
          first.getPublicKey(), second.getPublicKey(), "a new key for each certificate");

      Api.Reply revoked =
          admin.post(
              "/api/v1/certificates/"
                  + record(caId, second.getSerialNumber()).getString("id")
                  + "/revoke",
              Json.createObjectBuilder().add("reason", "keyCompromise").build());
      assertEquals(200, revoked.status(), revoked::toString);
      X509Certificate third =
          awaitServed(anchor, served -> !served.getSerialNumber().equals(second.getSerialNumber()));
      assertEquals("VALID", record(caId, third.getSerialNumber()).getString("status"));
    } finally {
      Api.Reply off = choose("");
      assertEquals(200, off.status(), off::toString);
      assertEquals("", off.json().getString("httpsTemplateId"));
      X509Certificate installation =
          certificate(
              new String(
                  java.nio.file.Files.readAllBytes(InstallationCa.ofTestServers()),
                  StandardCharsets.US_ASCII));
      awaitServed(installation, served -> true);
    }
  }

  @Test
  void badChoicesAreRefusedAsProblems() {
    Api.Reply unknown = choose("no-such-template");
    assertEquals(404, unknown.status(), unknown::toString);
    assertTrue(unknown.contentType().startsWith("application/problem+json"), unknown::toString);

    Api user = Api.newUser();
    Api.Reply notAdmin =
        user.put("/api/v1/settings", Json.createObjectBuilder().add("httpsTemplateId", "").build());
    assertEquals(403, notAdmin.status(), notAdmin::toString);
    Api.Reply notAdminRenewal =
        user.post("/api/v1/settings/https-certificate/renewal", JsonValue.EMPTY_JSON_OBJECT);
    assertEquals(403, notAdminRenewal.status(), notAdminRenewal::toString);

    // another account's template is not the administrator's to choose
    String caId =
        user.post(
                "/api/v1/cas",
                CertificateAuthoritiesIT.ca("Not The Admin's").add("keyType", "EC").build())
            .json()
            .getString("id");
    String theirs =
        user.get("/api/v1/cas/" + caId + "/templates").array().getJsonObject(0).getString("id");
    Api.Reply foreign = choose(theirs);
    assertEquals(404, foreign.status(), foreign::toString);
  }

  private Api.Reply choose(String templateId) {
    return admin.put(
        "/api/v1/settings", Json.createObjectBuilder().add("httpsTemplateId", templateId).build());
  }

  /** The CA's record of the certificate with this serial. */
  private JsonObject record(String caId, BigInteger serial) {
    return admin.get("/api/v1/cas/" + caId + "/certificates?size=200").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> new BigInteger(c.getString("serialNumber"), 16).equals(serial))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no record of serial " + serial.toString(16)));
  }

  /**
   * The certificate the HTTPS port serves to a client that trusts only {@code anchor}, once it is
   * one that {@code wanted} accepts; each attempt is a new TLS session.
   */
  private static X509Certificate awaitServed(
      X509Certificate anchor, Predicate<X509Certificate> wanted) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String last = "nothing yet";
    while (System.nanoTime() < deadline) {
      try (SSLSocket socket =
          (SSLSocket)
              InstallationCa.trustingOnly(anchor)
                  .getSocketFactory()
                  .createSocket("localhost", HTTPS_PORT)) {
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        X509Certificate served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        if (wanted.test(served)) {
          return served;
        }
        last = "serial " + served.getSerialNumber().toString(16);
      } catch (javax.net.ssl.SSLException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new AssertionError("The HTTPS port did not serve the expected certificate: " + last);
  }

  private static X509Certificate certificate(String pem) throws Exception {
    List<? extends java.security.cert.Certificate> all =
        List.copyOf(
            CertificateFactory.getInstance("X.509")
                .generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    return (X509Certificate) all.get(0);
  }
}
