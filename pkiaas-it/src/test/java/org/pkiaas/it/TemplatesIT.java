package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertInvalid;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Templates: starters, editing every section, tenancy, and the delete rule. */
class TemplatesIT extends ServerIT {

  private final Api owner = Api.newUser();
  private final String caId =
      owner
          .post(
              "/api/v1/cas",
              CertificateAuthoritiesIT.ca("Templates Root").add("keyType", "EC").build())
          .json()
          .getString("id");

  private JsonObject create(String name, String starter) {
    Api.Reply reply =
        owner.post(
            "/api/v1/cas/" + caId + "/templates",
            Json.createObjectBuilder().add("name", name).add("starter", starter).build());
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  @Test
  void everyStarterCreatesATemplate() {
    List<String> starters =
        owner.get("/api/v1/templates/starters").array().stream()
            .map(s -> s.asJsonObject().getString("name"))
            .toList();
    assertEquals(10, starters.size());
    for (String starter : starters) {
      JsonObject template = create("T " + starter, starter);
      assertEquals(starter, template.getString("starter"));
      assertTrue(template.getJsonObject("general").getBoolean("enabled"));
    }
    JsonObject ca = create("Sub CA", "Certificate Authority");
    assertTrue(ca.getJsonObject("basicConstraints").getBoolean("ca"));
    assertEquals(0, ca.getJsonObject("basicConstraints").getInt("pathLength"));
    JsonObject tsa = create("TSA", "TIMESTAMPING");
    assertTrue(tsa.getJsonObject("keyUsage").getBoolean("extendedKeyUsageCritical"));
    assertEquals(
        13,
        owner.get("/api/v1/cas/" + caId + "/templates").array().size(),
        "ten, two more, and the default Web Server");
    assertProblem(
        owner.post(
            "/api/v1/cas/" + caId + "/templates",
            Json.createObjectBuilder().add("name", "Sub CA").add("starter", "WEB_SERVER").build()),
        409);
    assertInvalid(
        owner.post(
            "/api/v1/cas/" + caId + "/templates",
            Json.createObjectBuilder().add("starter", "TOASTER").build()),
        "starter");
  }

  @Test
  void settingsAreEditedSectionBySection() {
    JsonObject template = create("Editable", "WEB_SERVER");
    String id = template.getString("id");
    Api.Reply updated =
        owner.put(
            "/api/v1/templates/" + id,
            Json.createObjectBuilder()
                .add(
                    "general",
                    Json.createObjectBuilder(template.getJsonObject("general"))
                        .add("validityDays", 90)
                        .add("allowPublicRequests", true)
                        .add("signatureAlgorithm", "SHA384withECDSA"))
                .add(
                    "subject",
                    Json.createObjectBuilder()
                        .add("suppliedByCsr", false)
                        .add("organization", "Example Org")
                        .add("country", "de"))
                .add(
                    "keyUsage",
                    Json.createObjectBuilder()
                        .add("keyUsage", Json.createArrayBuilder().add("digitalSignature"))
                        .add(
                            "extendedKeyUsage",
                            Json.createArrayBuilder().add("serverAuth").add("1.3.6.1.4.1.99999.1")))
                .add(
                    "distribution",
                    Json.createObjectBuilder(template.getJsonObject("distribution"))
                        .add("includePolicies", true)
                        .add("policyOid", "2.23.140.1.2.2"))
                .add(
                    "scep",
                    Json.createObjectBuilder()
                        .add("enabled", true)
                        .add("ipAcl", true)
                        .add("ipAclList", "10.0.0.0/8, 192.0.2.7"))
                .add(
                    "certificateTransparency",
                    Json.createObjectBuilder()
                        .add(
                            "logs",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("url", "https://ct.example.test/log")
                                        .add(
                                            "publicKey",
                                            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAELAGIyWoyHWicRSgPRxm5Z462yqMnd6YUBsRDHHo926uSwWmgNbtk9/K50RBmtEoFtxK0Oxg9QO4kR3NW8la1gg=="))))
                .build());
    assertEquals(200, updated.status(), updated::toString);
    JsonObject after = owner.get("/api/v1/templates/" + id).json();
    assertEquals(90, after.getJsonObject("general").getInt("validityDays"));
    assertEquals("SHA384withECDSA", after.getJsonObject("general").getString("signatureAlgorithm"));
    assertEquals("DE", after.getJsonObject("subject").getString("country"));
    assertEquals(
        List.of("serverAuth", "1.3.6.1.4.1.99999.1"),
        after
            .getJsonObject("keyUsage")
            .getJsonArray("extendedKeyUsage")
            .getValuesAs(jakarta.json.JsonString.class)
            .stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    assertEquals("2.23.140.1.2.2", after.getJsonObject("distribution").getString("policyOid"));
    assertTrue(after.getJsonObject("scep").getBoolean("enabled"));
    assertEquals(
        "https://ct.example.test/log",
        after
            .getJsonObject("certificateTransparency")
            .getJsonArray("logs")
            .getJsonObject(0)
            .getString("url"));
    assertEquals(
        template.getJsonObject("requests"),
        after.getJsonObject("requests"),
        "sections left out are kept");
    assertTrue(after.getJsonObject("urls").getString("scep").endsWith("/pki/scep/" + id));

    assertInvalid(
        owner.put(
            "/api/v1/templates/" + id,
            Json.createObjectBuilder()
                .add(
                    "general",
                    Json.createObjectBuilder(after.getJsonObject("general"))
                        .add("validityDays", -5))
                .build()),
        "general.validityDays");
    assertInvalid(
        owner.put(
            "/api/v1/templates/" + id,
            Json.createObjectBuilder()
                .add(
                    "general",
                    Json.createObjectBuilder(after.getJsonObject("general"))
                        .add("signatureAlgorithm", "SHA256withRSA"))
                .build()),
        "general.signatureAlgorithm");
    assertInvalid(
        owner.put(
            "/api/v1/templates/" + id,
            Json.createObjectBuilder()
                .add(
                    "keyUsage",
                    Json.createObjectBuilder()
                        .add("keyUsage", Json.createArrayBuilder().add("flying")))
                .build()),
        "keyUsage.keyUsage");
    assertInvalid(
        owner.put(
            "/api/v1/templates/" + id,
            Json.createObjectBuilder()
                .add("scep", Json.createObjectBuilder().add("ipAclList", "not-an-ip"))
                .build()),
        "scep.ipAclList");
    assertEquals(
        90,
        owner.get("/api/v1/templates/" + id).json().getJsonObject("general").getInt("validityDays"),
        "a refused update changes nothing");
  }

  @Test
  void templatesOfOtherOwnersAreNotFound() {
    String id = create("Private", "CODE_SIGNING").getString("id");
    Api stranger = Api.newUser();
    assertProblem(stranger.get("/api/v1/templates/" + id), 404);
    assertProblem(
        stranger.put(
            "/api/v1/templates/" + id, Json.createObjectBuilder().add("name", "stolen").build()),
        404);
    assertProblem(stranger.delete("/api/v1/templates/" + id), 404);
    assertProblem(stranger.get("/api/v1/cas/" + caId + "/templates"), 404);
    assertEquals("Private", owner.get("/api/v1/templates/" + id).json().getString("name"));
  }

  @Test
  void deleteIsRefusedWhileCertificatesAreActive() {
    String id = create("Short lived", "CLIENT_AUTHENTICATION").getString("id");
    String request =
        owner
            .post(
                "/api/v1/templates/" + id + "/requests",
                Json.createObjectBuilder()
                    .add("csr", Csrs.csr(Csrs.keys("EC"), "CN=client", List.of()))
                    .build())
            .json()
            .getString("id");
    String certificate =
        owner
            .post("/api/v1/requests/" + request + "/sign", JsonValue.EMPTY_JSON_OBJECT)
            .json()
            .getString("id");

    JsonObject refused = assertProblem(owner.delete("/api/v1/templates/" + id), 409);
    assertTrue(refused.getString("detail").contains("1 active certificate"), refused::toString);
    owner.post(
        "/api/v1/certificates/" + certificate + "/revoke",
        Json.createObjectBuilder().add("reason", "certificateHold").build());
    assertProblem(owner.delete("/api/v1/templates/" + id), 409);
    owner.post(
        "/api/v1/certificates/" + certificate + "/revoke",
        Json.createObjectBuilder().add("reason", "superseded").build());
    assertEquals(204, owner.delete("/api/v1/templates/" + id).status());
    assertProblem(owner.get("/api/v1/templates/" + id), 404);
    JsonObject kept = owner.get("/api/v1/certificates/" + certificate).json();
    assertEquals("REVOKED", kept.getString("status"), "the certificate outlives its template");
    assertFalse(kept.containsKey("templateId"));
  }

  /**
   * The template API's JSON as clients were written against it: a body with every field of every
   * section is taken, and the template is answered in exactly the same text (identifiers, time and
   * address aside), so renaming a field of the settings inside cannot change the API unnoticed.
   */
  @Test
  void theWireFormatOfTemplatesStaysAsPublished() throws IOException {
    String id = create("Wire", "WEB_SERVER").getString("id");
    JsonObject body =
        Json.createReader(new StringReader(fixture("settings-request.json"))).readObject();
    Api.Reply updated = owner.put("/api/v1/templates/" + id, body);
    assertEquals(200, updated.status(), updated::toString);
    Api.Reply read = owner.get("/api/v1/templates/" + id);
    assertEquals(200, read.status(), read::toString);
    JsonObject template = read.json();
    String publicRequest = template.getJsonObject("urls").getString("publicRequest");
    String publicUrl = publicRequest.substring(0, publicRequest.indexOf("/request.html"));
    UnaryOperator<String> masked =
        text ->
            text.replace(id, "{id}")
                .replace(caId, "{caId}")
                .replace(template.getString("createdAt"), "{createdAt}")
                .replace(publicUrl, "{publicUrl}");
    assertEquals(fixture("template-response.json").strip(), masked.apply(read.text()));
    assertEquals(read.text(), updated.text(), "PUT answers what GET shows");
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = TemplatesIT.class.getResourceAsStream("/templates/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
