package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertInvalid;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Accounts, sign-up, API tokens, passwords, and the audit log that records all of it. */
class AccountsIT extends ServerIT {

  private static JsonObject credentials(String username, String password) {
    return Json.createObjectBuilder().add("username", username).add("password", password).build();
  }

  @Test
  void requestsWithoutValidCredentialsAreRefused() {
    Api.Reply anonymous = Api.anonymous().get("/api/v1/cas");
    assertProblem(anonymous, 401);
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").contains("Basic"));
    assertProblem(Api.basic("admin", "wrong-password-123").get("/api/v1/cas"), 401);
    assertProblem(
        Api.basic("nobody-" + UUID.randomUUID(), "whatever-password").get("/api/v1/cas"), 401);
    assertProblem(Api.bearer("pkiaas_forged").get("/api/v1/cas"), 401);
  }

  @Test
  void theAuditLogIsPagedLikeEveryOtherList() {
    Api.newUser(); // at least one more event
    Api.Reply first = admin.get("/api/v1/audit?size=2");
    assertEquals(200, first.status(), first::toString);
    assertEquals(2, first.array().size());
    assertTrue(first.total() > 2, first::toString);
    String next = first.headers().firstValue("Link").orElseThrow();
    assertTrue(next.contains("page=1") && next.contains("size=2") && next.contains("rel=\"next\""));
    assertEquals(1, admin.get("/api/v1/audit?size=1&page=1").array().size());
    assertInvalid(admin.get("/api/v1/audit?size=501"), "size");

    Api.Reply legacy = admin.get("/api/v1/audit?offset=1&limit=3");
    assertEquals(3, legacy.array().size(), "offset and limit still work, deprecated");
    assertFalse(legacy.headers().firstValue("X-Total-Count").isPresent());
  }

  @Test
  void onlyAdministratorsCreateAccounts() {
    String name = "acct-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created = admin.post("/api/v1/accounts", credentials(name, "a-long-password"));
    assertEquals(201, created.status(), created::toString);
    assertEquals("USER", created.json().getString("role"));
    assertFalse(created.text().contains("password"), "no password or hash is returned");
    assertProblem(admin.post("/api/v1/accounts", credentials(name, "a-long-password")), 409);
    assertInvalid(admin.post("/api/v1/accounts", credentials("x" + name, "short")), "password");
    assertInvalid(
        admin.post("/api/v1/accounts", credentials("no spaces allowed", "a-long-password")),
        "username");

    Api user = Api.basic(name, "a-long-password");
    assertEquals(name, user.get("/api/v1/accounts/me").json().getString("username"));
    assertProblem(user.post("/api/v1/accounts", credentials("y" + name, "a-long-password")), 403);
    assertProblem(user.get("/api/v1/accounts"), 403);
    assertTrue(
        admin.get("/api/v1/accounts").array().stream()
            .anyMatch(a -> a.asJsonObject().getString("username").equals(name)));
  }

  @Test
  void signUpWorksOnlyWhileSwitchedOn() {
    String name = "signup-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      assertEquals(
          200,
          admin
              .put(
                  "/api/v1/settings",
                  Json.createObjectBuilder().add("signupEnabled", false).build())
              .status());
      assertProblem(
          Api.anonymous().post("/api/v1/signup", credentials(name, "a-long-password")), 403);
      assertProblem(
          Api.newUser()
              .put(
                  "/api/v1/settings",
                  Json.createObjectBuilder().add("signupEnabled", true).build()),
          403);

      assertEquals(
          200,
          admin
              .put(
                  "/api/v1/settings", Json.createObjectBuilder().add("signupEnabled", true).build())
              .status());
      assertTrue(admin.get("/api/v1/settings").json().getBoolean("signupEnabled"));
      Api.Reply signedUp =
          Api.anonymous().post("/api/v1/signup", credentials(name, "a-long-password"));
      assertEquals(201, signedUp.status(), signedUp::toString);
      assertEquals("USER", signedUp.json().getString("role"));
      assertEquals(200, Api.basic(name, "a-long-password").get("/api/v1/cas").status());
    } finally {
      admin.put("/api/v1/settings", Json.createObjectBuilder().add("signupEnabled", false).build());
    }
  }

  @Test
  void apiTokensAuthenticateUntilRevokedAndAreShownOnce() {
    Api user = Api.newUser();
    Api.Reply created =
        user.post("/api/v1/tokens", Json.createObjectBuilder().add("name", "ci pipeline").build());
    assertEquals(201, created.status(), created::toString);
    String secret = created.json().getString("token");
    assertTrue(secret.startsWith("pkiaas_") && secret.length() > 40);

    Api byToken = Api.bearer(secret);
    assertEquals(user.username(), byToken.get("/api/v1/accounts/me").json().getString("username"));
    assertEquals(
        201,
        byToken
            .post(
                "/api/v1/cas", CertificateAuthoritiesIT.ca("Token CA").add("keyType", "EC").build())
            .status());
    var listed = user.get("/api/v1/tokens").array();
    assertEquals(1, listed.size());
    assertFalse(listed.toString().contains(secret), "the secret is never listed");
    assertFalse(listed.getJsonObject(0).isNull("lastUsedAt"));

    assertProblem(Api.newUser().delete("/api/v1/tokens/" + created.json().getString("id")), 404);
    assertEquals(204, user.delete("/api/v1/tokens/" + created.json().getString("id")).status());
    assertProblem(byToken.get("/api/v1/accounts/me"), 401);
    assertInvalid(
        user.post("/api/v1/tokens", Json.createObjectBuilder().add("name", "").build()), "name");
  }

  @Test
  void passwordChangeNeedsTheCurrentPassword() {
    String name = "pw-" + UUID.randomUUID().toString().substring(0, 8);
    admin.post("/api/v1/accounts", credentials(name, "first-password-1"));
    Api user = Api.basic(name, "first-password-1");
    assertInvalid(
        user.put(
            "/api/v1/accounts/me/password",
            Json.createObjectBuilder()
                .add("currentPassword", "not-it-at-all")
                .add("newPassword", "second-password-2")
                .build()),
        "currentPassword");
    assertEquals(
        204,
        user.put(
                "/api/v1/accounts/me/password",
                Json.createObjectBuilder()
                    .add("currentPassword", "first-password-1")
                    .add("newPassword", "second-password-2")
                    .build())
            .status());
    assertProblem(user.get("/api/v1/accounts/me"), 401);
    assertEquals(200, Api.basic(name, "second-password-2").get("/api/v1/accounts/me").status());
  }

  @Test
  void auditLogRecordsEveryActionAndItsOutcome() {
    Api user = Api.newUser();
    String id =
        user.post(
                "/api/v1/cas",
                CertificateAuthoritiesIT.ca("Audited CA").add("keyType", "EC").build())
            .json()
            .getString("id");
    user.post(
        "/api/v1/cas",
        CertificateAuthoritiesIT.ca("x").add("keyType", "RSA").add("keySize", 1).build());
    user.delete("/api/v1/cas/" + id);

    var events = user.get("/api/v1/audit").array();
    // the CA's creation, its OCSP responder certificate, the refused creation and the deletion
    assertEquals(4, events.size(), events::toString);
    JsonObject deleted = events.getJsonObject(0);
    assertEquals("ca.delete", deleted.getString("action"));
    assertEquals(id, deleted.getString("objectId"));
    assertEquals("SUCCESS", deleted.getString("outcome"));
    assertEquals(user.username(), deleted.getString("actor"));
    JsonObject failed = events.getJsonObject(1);
    assertEquals("ca.create", failed.getString("action"));
    assertEquals("FAILURE", failed.getString("outcome"));
    assertTrue(failed.getString("detail").contains("RSA keys are"));
    // created in one transaction: the two events may carry the same instant, in either order
    var first = events.subList(2, 4).stream().map(JsonValue::asJsonObject).toList();
    assertTrue(
        first.stream()
            .anyMatch(
                e ->
                    e.getString("action").equals("ca.create")
                        && e.getString("outcome").equals("SUCCESS")
                        && e.getString("objectId").equals(id)),
        events::toString);
    assertTrue(
        first.stream()
            .anyMatch(
                e ->
                    e.getString("action").equals("certificate.issue")
                        && e.getString("actor").equals("ocsp-responder")
                        && e.getString("caId").equals(id)),
        events::toString);

    assertTrue(
        admin.get("/api/v1/audit?size=500").array().stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(e -> e.getString("actor").equals(user.username())),
        "administrators read everyone's events");
    assertTrue(
        Api.newUser().get("/api/v1/audit").array().stream()
            .map(JsonValue::asJsonObject)
            .noneMatch(e -> e.getString("actor").equals(user.username())),
        "users read only their own");
  }

  @Test
  void unknownPathsAndBadBodiesAnswerWithProblems() {
    assertProblem(admin.get("/api/v1/no-such-thing"), 404);
    assertProblem(admin.post("/api/v1/tokens", "not json"), 400);
    assertProblem(admin.post("/api/v1/cas", "[1,2,3]"), 400);
  }

  @Test
  void openApiDocumentDescribesTheApi() {
    Api.Reply document = Api.anonymous().get("/openapi?format=JSON");
    assertEquals(200, document.status());
    JsonObject openApi = document.json();
    assertTrue(openApi.getString("openapi").startsWith("3."));
    JsonObject paths = openApi.getJsonObject("paths");
    for (String path :
        new String[] {
          "/api/v1/cas",
          "/api/v1/cas/{caId}",
          "/api/v1/cas/{caId}/csr",
          "/api/v1/cas/{caId}/certificate",
          "/api/v1/accounts",
          "/api/v1/signup",
          "/api/v1/tokens",
          "/api/v1/audit"
        }) {
      assertTrue(paths.containsKey(path), () -> path + " is not described");
    }
    assertFalse(
        paths.keySet().stream().anyMatch(p -> p.startsWith("/ca/") || p.startsWith("/pki/")),
        "protocol endpoints are not part of the integrator API document");
  }
}
