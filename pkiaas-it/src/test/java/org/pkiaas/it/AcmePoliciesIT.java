package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertInvalid;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The ACME admin API: policies, external account bindings (key shown once), tenancy and audit. */
class AcmePoliciesIT extends ServerIT {

  private final Api owner = Api.newUser();
  private final String caId =
      owner
          .post(
              "/api/v1/cas",
              CertificateAuthoritiesIT.ca("ACME Admin Root").add("keyType", "EC").build())
          .json()
          .getString("id");
  private final String templateId =
      owner.get("/api/v1/cas/" + caId + "/templates").array().getJsonObject(0).getString("id");

  private JsonObject policy(String name, String domains) {
    Api.Reply reply =
        owner.post(
            "/api/v1/cas/" + caId + "/acme-policies",
            Json.createObjectBuilder()
                .add("name", name)
                .add("templateId", templateId)
                .add("preApprovedDomains", domains)
                .build());
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  @Test
  void policiesAreCreatedReadEditedAndDeleted() {
    JsonObject created = policy("Web servers", " *.Example.com, www.example.org ,");
    String id = created.getString("id");
    assertEquals("*.example.com,www.example.org", created.getString("preApprovedDomains"));
    assertEquals(Api.BASE_URL + "/pki/acme/directory", created.getString("directoryUrl"));
    assertEquals(templateId, created.getString("templateId"));
    assertEquals("Web servers", owner.get("/api/v1/acme-policies/" + id).json().getString("name"));
    assertEquals(1, owner.get("/api/v1/cas/" + caId + "/acme-policies").array().size());

    Api.Reply updated =
        owner.put(
            "/api/v1/acme-policies/" + id,
            Json.createObjectBuilder()
                .add("name", "Renamed")
                .add("templateId", templateId)
                .add("preApprovedDomains", "intranet.test")
                .build());
    assertEquals(200, updated.status(), updated::toString);
    assertEquals("intranet.test", updated.json().getString("preApprovedDomains"));

    assertProblem(
        owner.post(
            "/api/v1/cas/" + caId + "/acme-policies",
            Json.createObjectBuilder()
                .add("name", "Renamed")
                .add("templateId", templateId)
                .build()),
        409);
    assertInvalid(
        owner.post(
            "/api/v1/cas/" + caId + "/acme-policies",
            Json.createObjectBuilder()
                .add("name", "Bad")
                .add("templateId", templateId)
                .add("preApprovedDomains", "not a domain")
                .build()),
        "preApprovedDomains");
    assertInvalid(
        owner.post(
            "/api/v1/cas/" + caId + "/acme-policies",
            Json.createObjectBuilder().add("name", "No template").build()),
        "templateId");
    assertInvalid(
        owner.post(
            "/api/v1/cas/" + caId + "/acme-policies",
            Json.createObjectBuilder().add("templateId", templateId).build()),
        "name");

    assertEquals(204, owner.delete("/api/v1/acme-policies/" + id).status());
    assertProblem(owner.get("/api/v1/acme-policies/" + id), 404);
  }

  @Test
  void bindingsShowTheirKeyOnceAndStayScoped() {
    String policyId = policy("EAB policy", "").getString("id");
    Instant expires = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Api.Reply created =
        owner.post(
            "/api/v1/acme-policies/" + policyId + "/eabs",
            Json.createObjectBuilder()
                .add("name", "web01")
                .add("allowedUses", 3)
                .add("expiresAt", expires.toString())
                .add("algorithm", "HS384")
                .build());
    assertEquals(201, created.status(), created::toString);
    JsonObject eab = created.json();
    assertEquals(
        48,
        Base64.getUrlDecoder().decode(eab.getString("hmacKey")).length,
        "HS384 takes a 384-bit key");
    assertEquals(eab.getString("id"), eab.getString("kid"));
    assertEquals(Api.BASE_URL + "/pki/acme/directory", eab.getString("directoryUrl"));
    assertEquals(3, eab.getInt("allowedUses"));
    assertEquals(0, eab.getInt("used"));
    assertEquals(expires, Instant.parse(eab.getString("expiresAt")));

    String path = "/api/v1/acme-policies/" + policyId + "/eabs/" + eab.getString("id");
    JsonObject read = owner.get(path).json();
    assertTrue(
        !read.containsKey("hmacKey") || read.isNull("hmacKey"), "the key is never shown again");
    assertFalse(
        owner
            .get("/api/v1/acme-policies/" + policyId + "/eabs")
            .text()
            .contains(eab.getString("hmacKey")));
    assertFalse(
        owner.get("/api/v1/audit?size=500").text().contains(eab.getString("hmacKey")),
        "nor audited");

    assertProblem(
        owner.post(
            "/api/v1/acme-policies/" + policyId + "/eabs",
            Json.createObjectBuilder().add("name", "web01").build()),
        409);
    assertInvalid(
        owner.post(
            "/api/v1/acme-policies/" + policyId + "/eabs",
            Json.createObjectBuilder().add("name", "x").add("allowedUses", 0).build()),
        "allowedUses");
    assertInvalid(
        owner.post(
            "/api/v1/acme-policies/" + policyId + "/eabs",
            Json.createObjectBuilder()
                .add("name", "y")
                .add("expiresAt", Instant.now().minusSeconds(60).toString())
                .build()),
        "expiresAt");
    assertInvalid(
        owner.post(
            "/api/v1/acme-policies/" + policyId + "/eabs",
            Json.createObjectBuilder().add("name", "z").add("algorithm", "RS256").build()),
        "algorithm");
    JsonObject defaults =
        owner
            .post(
                "/api/v1/acme-policies/" + policyId + "/eabs",
                Json.createObjectBuilder().add("name", "d").build())
            .json();
    assertEquals("HS256", defaults.getString("algorithm"));
    assertEquals(1, defaults.getInt("allowedUses"));

    assertEquals(204, owner.delete(path).status());
    assertProblem(owner.get(path), 404);
    assertEquals(1, owner.get("/api/v1/acme-policies/" + policyId + "/eabs").array().size());
  }

  @Test
  void anotherOwnerSeesNothing() {
    String policyId = policy("Private", "*.private.test").getString("id");
    String eabId =
        owner
            .post(
                "/api/v1/acme-policies/" + policyId + "/eabs",
                Json.createObjectBuilder().add("name", "mine").build())
            .json()
            .getString("id");
    Api stranger = Api.newUser();
    assertProblem(stranger.get("/api/v1/acme-policies/" + policyId), 404);
    assertProblem(
        stranger.put(
            "/api/v1/acme-policies/" + policyId,
            Json.createObjectBuilder().add("name", "Taken").add("templateId", templateId).build()),
        404);
    assertProblem(stranger.delete("/api/v1/acme-policies/" + policyId), 404);
    assertProblem(stranger.get("/api/v1/acme-policies/" + policyId + "/eabs"), 404);
    assertProblem(stranger.get("/api/v1/acme-policies/" + policyId + "/eabs/" + eabId), 404);
    assertProblem(
        stranger.post(
            "/api/v1/acme-policies/" + policyId + "/eabs",
            Json.createObjectBuilder().add("name", "x").build()),
        404);
    assertProblem(stranger.get("/api/v1/acme-policies/" + policyId + "/accounts"), 404);
    assertProblem(stranger.get("/api/v1/cas/" + caId + "/acme-policies"), 404);
    assertProblem(
        stranger.post(
            "/api/v1/cas/" + caId + "/acme-policies",
            Json.createObjectBuilder().add("name", "Mine").add("templateId", templateId).build()),
        404);

    String strangersCa =
        stranger
            .post(
                "/api/v1/cas",
                CertificateAuthoritiesIT.ca("Stranger Root").add("keyType", "EC").build())
            .json()
            .getString("id");
    assertInvalid(
        stranger.post(
            "/api/v1/cas/" + strangersCa + "/acme-policies",
            Json.createObjectBuilder()
                .add("name", "Borrowed")
                .add("templateId", templateId)
                .build()),
        "templateId");
    assertEquals(
        200, owner.get("/api/v1/acme-policies/" + policyId).status(), "the owner still has it");
    assertProblem(Api.anonymous().get("/api/v1/acme-policies/" + policyId), 401);
  }

  @Test
  void actionsAreAudited() {
    String policyId = policy("Audited", "").getString("id");
    owner.post(
        "/api/v1/acme-policies/" + policyId + "/eabs",
        Json.createObjectBuilder().add("name", "audited").build());
    String audit = owner.get("/api/v1/audit?size=500").text();
    assertTrue(audit.contains("acme.policy.create"), audit);
    assertTrue(audit.contains("acme.eab.create"), audit);
  }

  @Test
  void aTemplateUsedByAPolicyIsNotDeletedAndTheCaIs() {
    String policyId = policy("Guards", "").getString("id");
    assertProblem(owner.delete("/api/v1/templates/" + templateId), 409);
    assertEquals(
        204,
        owner.delete("/api/v1/cas/" + caId).status(),
        "deleting the CA takes its ACME policies with it");
    assertProblem(owner.get("/api/v1/acme-policies/" + policyId), 404);
  }
}
