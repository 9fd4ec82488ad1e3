package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renewal authorised by the key of a still-valid certificate, with openssl as the holder's tool.
 */
class RenewalIT extends ServerIT {

  @TempDir Path dir;

  private final Api owner = Api.newUser();
  private final String caId =
      owner
          .post(
              "/api/v1/cas",
              CertificateAuthoritiesIT.ca("Renewal Root").add("keyType", "EC").build())
          .json()
          .getString("id");
  private final JsonObject template =
      owner
          .post(
              "/api/v1/cas/" + caId + "/templates",
              Json.createObjectBuilder()
                  .add("name", "Renewable")
                  .add("starter", "WEB_SERVER")
                  .build())
          .json();

  private void renewal(boolean allowed, int windowDays, boolean copySubject, boolean autoRevoke) {
    Api.Reply updated =
        owner.put(
            "/api/v1/templates/" + template.getString("id"),
            Json.createObjectBuilder()
                .add(
                    "general",
                    Json.createObjectBuilder(template.getJsonObject("general"))
                        .add("renewalAllowed", allowed)
                        .add("renewalWindowDays", windowDays)
                        .add("renewalCopySubject", copySubject)
                        .add("renewalAutoRevoke", autoRevoke)
                        .add("validityDays", 30))
                .build());
    assertEquals(200, updated.status(), updated::toString);
  }

  private String issueWithOpensslKey() throws Exception {
    Tools.ok(
        dir,
        "openssl",
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "current.key",
        "-out",
        "first.csr",
        "-subj",
        "/CN=renew.example.test",
        "-addext",
        "subjectAltName=DNS:renew.example.test");
    String request =
        owner
            .post(
                "/api/v1/templates/" + template.getString("id") + "/requests",
                Json.createObjectBuilder()
                    .add("csr", Files.readString(dir.resolve("first.csr")))
                    .build())
            .json()
            .getString("id");
    return owner
        .post(
            "/api/v1/requests/" + request + "/sign",
            Json.createObjectBuilder().add("subject", "O=Renewals,CN=renew.example.test").build())
        .json()
        .getString("id");
  }

  private Api.Reply renewWith(String key, String subject) throws Exception {
    Tools.ok(dir, "openssl", "req", "-new", "-key", key, "-out", "renew.csr", "-subj", subject);
    return Api.anonymous()
        .post(
            "/api/v1/cas/" + caId + "/renewals",
            Json.createObjectBuilder()
                .add("csr", Files.readString(dir.resolve("renew.csr")))
                .build());
  }

  @Test
  void theKeyOfAValidCertificateRenewsItWithinTheWindow() throws Exception {
    renewal(false, 30, true, true);
    String first = issueWithOpensslKey();
    assertProblem(renewWith("current.key", "/CN=anything"), 403);

    renewal(true, 10, true, true);
    JsonObject refused = assertProblem(renewWith("current.key", "/CN=anything"), 409);
    assertTrue(refused.getString("detail").contains("10 days before expiry"), refused::toString);

    renewal(true, 30, true, true);
    Api.Reply renewed = renewWith("current.key", "/CN=something else");
    assertEquals(201, renewed.status(), renewed::toString);
    X509CertificateHolder certificate = Pki.certificate(renewed.json().getString("certificatePem"));
    assertEquals(
        "O=Renewals,CN=renew.example.test",
        certificate.getSubject().toString(),
        "subject and names copied");
    Files.writeString(dir.resolve("new.pem"), renewed.json().getString("certificatePem"));
    Files.writeString(dir.resolve("chain.pem"), renewed.json().getString("chainPem"));
    assertTrue(
        Tools.ok(dir, "openssl", "x509", "-in", "new.pem", "-noout", "-text")
            .contains("DNS:renew.example.test"));
    assertTrue(
        Tools.ok(dir, "openssl", "verify", "-CAfile", "chain.pem", "new.pem")
            .contains("new.pem: OK"));
    assertTrue(renewed.json().getBoolean("renewedRevoked"));
    JsonObject old = owner.get("/api/v1/certificates/" + first).json();
    assertEquals("REVOKED", old.getString("status"), "auto-revoke of the renewed certificate");
    assertEquals("superseded", old.getString("revocationReason"));
    assertTrue(
        admin.get("/api/v1/audit?size=500").array().stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                e ->
                    e.getString("action").equals("certificate.supersede")
                        && first.equals(e.getString("objectId", null))
                        && e.getString("outcome").equals("SUCCESS")),
        "the revocation of the renewed certificate is audited");

    // the new certificate renews in turn; the revoked one no longer does
    renewal(true, 30, false, false);
    JsonObject notOld = assertProblem(renewWith("current.key", "/CN=fresh.example.test"), 400);
    assertTrue(notOld.getString("detail").contains("renewed certificate"), notOld::toString);
    Api.Reply again = renewWith("current.key", "/CN=renew.example.test");
    assertEquals(201, again.status(), again::toString);
    assertEquals(
        "CN=renew.example.test",
        Pki.certificate(again.json().getString("certificatePem")).getSubject().toString(),
        "without copying, the CSR may ask for a subset of the old certificate's subject and names");
    assertFalse(again.json().getBoolean("renewedRevoked"));
  }

  @Test
  void aKeyWithoutAValidCertificateRenewsNothing() throws Exception {
    renewal(true, 30, true, false);
    Tools.ok(
        dir,
        "openssl",
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-out",
        "stranger.key");
    assertProblem(renewWith("stranger.key", "/CN=renew.example.test"), 403);
    String issued = issueWithOpensslKey();
    owner.post(
        "/api/v1/certificates/" + issued + "/revoke",
        Json.createObjectBuilder().add("reason", "certificateHold").build());
    assertProblem(renewWith("current.key", "/CN=x"), 403);
    owner.post("/api/v1/certificates/" + issued + "/release", JsonValue.EMPTY_JSON_OBJECT);
    assertEquals(201, renewWith("current.key", "/CN=x").status());
    assertProblem(
        Api.anonymous()
            .post(
                "/api/v1/cas/00000000-0000-0000-0000-000000000000/renewals",
                Json.createObjectBuilder()
                    .add("csr", Files.readString(dir.resolve("renew.csr")))
                    .build()),
        404);
  }
}
