package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertInvalid;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The REST inputs of issue 13 replayed against the deployed server: each is a 400 problem naming
 * the field (or a malformed body), small, without a stack trace, and nothing was made or changed.
 */
class StrictInputIT extends ServerIT {

  private static final String INVALID = "https://pkiaas.org/problems/invalid-input";
  private static final String MALFORMED = "https://pkiaas.org/problems/malformed-body";

  private final Api owner = Api.newUser();

  private static JsonObjectBuilder ca(String commonName) {
    return Json.createObjectBuilder()
        .add("subject", Json.createObjectBuilder().add("commonName", commonName));
  }

  /** A 400 of {@code type} naming {@code field}: a short problem document, no stack trace. */
  private static void refused(Api.Reply reply, String type, String field) {
    JsonObject problem = field == null ? assertProblem(reply, 400) : assertInvalid(reply, field);
    assertEquals(type, problem.getString("type"), reply::toString);
    assertTrue(
        reply.bytes().length < 2048,
        () -> "a problem document is short: " + reply.bytes().length + " bytes");
  }

  private int caCount() {
    return owner.get("/api/v1/cas").array().size();
  }

  @Test
  void namesWithControlOrBidiCharactersAreRefused() {
    int before = caCount();
    refused(owner.post("/api/v1/cas", ca("a\u0000b\u202e").build()), INVALID, "subject.commonName");
    refused(owner.post("/api/v1/cas", ca("Bank\u202eknab").build()), INVALID, "subject.commonName");
    refused(
        owner.post(
            "/api/v1/cas",
            ca("ok")
                .add(
                    "subject",
                    Json.createObjectBuilder()
                        .add("commonName", "ok")
                        .add("organization", "Evil\u0007Corp"))
                .build()),
        INVALID,
        "subject.organization");
    refused(owner.post("/api/v1/cas", ca("ok").add("name", "tab\tname").build()), INVALID, "name");
    assertEquals(before, caCount(), "no CA was made");
  }

  @Test
  void looseTypingIsRefusedNamingTheField() {
    int before = caCount();
    refused(
        owner.post("/api/v1/cas", ca("x").add("keyType", "RSA\u0000").build()), INVALID, "keyType");
    refused(owner.post("/api/v1/cas", ca("x").add("keyType", "").build()), INVALID, "keyType");
    refused(owner.post("/api/v1/cas", ca("x").addNull("keyType").build()), INVALID, "keyType");
    refused(
        owner.post("/api/v1/cas", ca("x").add("keyType", "EC").add("curve", "").build()),
        INVALID,
        "curve");
    refused(
        owner.post("/api/v1/cas", ca("x").add("keyType", "EC").addNull("curve").build()),
        INVALID,
        "curve");
    refused(owner.post("/api/v1/cas", ca("x").add("keySize", "2048").build()), INVALID, "keySize");
    refused(owner.post("/api/v1/cas", ca("x").add("keySize", 2048.5).build()), INVALID, "keySize");
    refused(
        owner.post("/api/v1/cas", "{\"subject\": {\"commonName\": 5}}"),
        INVALID,
        "subject.commonName");
    refused(owner.post("/api/v1/cas", ca("x").add("csrOnly", "true").build()), INVALID, "csrOnly");
    refused(
        owner.post("/api/v1/cas", ca("x").add("keyUsage", "keyCertSign").build()),
        INVALID,
        "keyUsage");
    refused(owner.post("/api/v1/cas", ca("x").add("keyTyp", "EC").build()), INVALID, "keyTyp");
    refused(
        owner.post("/api/v1/cas", "{\"subject\": {\"commonName\": \"x\", \"cn\": \"y\"}}"),
        INVALID,
        "subject.cn");
    assertEquals(before, caCount(), "no CA was made");
  }

  @Test
  void bodiesThatAreNotJsonObjectsAreMalformed() {
    refused(owner.post("/api/v1/cas", "{\"subject\": {\"commonName\": \"x\"}"), MALFORMED, null);
    refused(
        owner.post(
            "/api/v1/cas",
            "{\"keyType\": \"EC\", \"keyType\": \"RSA\", \"subject\": {\"commonName\": \"x\"}}"),
        MALFORMED,
        null);
    refused(owner.post("/api/v1/cas", "[1, 2]"), MALFORMED, null);
    refused(
        owner.post("/api/v1/cas", "{\"subject\": " + "[".repeat(3000) + "]".repeat(3000) + "}"),
        MALFORMED,
        null);
    byte[] latin1 =
        "{\"subject\": {\"commonName\": \"caf\u00e9\"}}".getBytes(StandardCharsets.ISO_8859_1);
    refused(owner.post("/api/v1/cas", "application/json", latin1), MALFORMED, null);
  }

  @Test
  void patchRefusesEmptyValuesAndOversizedFieldsAndChangesNothing() {
    JsonObject created =
        owner.post("/api/v1/cas", ca("Strict Patch Root").add("keyType", "EC").build()).json();
    String path = "/api/v1/cas/" + created.getString("id");
    JsonObject service = created.getJsonObject("serviceCertificate");

    refused(
        owner.patch(path, Json.createObjectBuilder().add("serviceKeyType", "").build()),
        INVALID,
        "serviceKeyType");
    refused(
        owner.patch(path, Json.createObjectBuilder().add("serviceCurve", "").build()),
        INVALID,
        "serviceCurve");
    refused(
        owner.patch(
            path,
            Json.createObjectBuilder()
                .add("cpsUrl", "https://example.test/" + "a".repeat(100 * 1024))
                .build()),
        INVALID,
        "cpsUrl");
    refused(
        owner.patch(path, Json.createObjectBuilder().add("cpsText", "a".repeat(100_001)).build()),
        INVALID,
        "cpsText");
    JsonObject tooLarge =
        assertProblem(
            owner.patch(
                path,
                Json.createObjectBuilder().add("cpsText", "a".repeat(5 * 1024 * 1024)).build()),
            413);
    assertEquals("https://pkiaas.org/problems/payload-too-large", tooLarge.getString("type"));
    refused(
        owner.patch(path, Json.createObjectBuilder().add("crlValidityDays", "30").build()),
        INVALID,
        "crlValidityDays");

    JsonObject after = owner.get(path).json();
    assertEquals(
        service,
        after.getJsonObject("serviceCertificate"),
        "the OCSP responder key stayed as it was");
    assertTrue(!after.containsKey("cpsText") || after.isNull("cpsText"), after::toString);

    JsonObject changed =
        owner
            .patch(
                path,
                Json.createObjectBuilder()
                    .add("cpsText", "Line one\nLine two")
                    .add("cpsUrl", "https://example.test/cps")
                    .build())
            .json();
    assertEquals("Line one\nLine two", changed.getString("cpsText"));
  }

  @Test
  void tooManyOrTooLongNamesAreRefusedBeforeAnyWork() {
    String caId =
        owner
            .post("/api/v1/cas", ca("Strict Names Root").add("keyType", "EC").build())
            .json()
            .getString("id");
    String template =
        owner.get("/api/v1/cas/" + caId + "/templates").array().getJsonObject(0).getString("id");
    JsonArrayBuilder names = Json.createArrayBuilder();
    for (int i = 0; i < 182; i++) {
      names.add("DNS:host-" + i + ".a-rather-long-subdomain.example.test");
    }
    refused(
        owner.post(
            "/api/v1/templates/" + template + "/preapproved",
            Json.createObjectBuilder()
                .add("subject", "CN=host-0.example.test")
                .add("subjectAltNames", names)
                .build()),
        INVALID,
        "subjectAltNames");
    refused(
        owner.post(
            "/api/v1/templates/" + template + "/preapproved",
            Json.createObjectBuilder()
                .add("subject", "CN=www.bank.test")
                .add(
                    "subjectAltNames",
                    Json.createArrayBuilder().add("DNS:www.bank.test\u0000.evil.test"))
                .build()),
        INVALID,
        "subjectAltNames[0]");
    assertEquals(
        0, owner.get("/api/v1/cas/" + caId + "/requests").array().size(), "no request was stored");

    refused(
        owner.put(
            "/api/v1/templates/" + template,
            Json.createObjectBuilder()
                .add(
                    "requests",
                    Json.createObjectBuilder()
                        .add("allowedSanTypes", Json.createArrayBuilder().add("dns")))
                .build()),
        INVALID,
        "requests.allowedSanTypes[0]");
    refused(
        owner.put(
            "/api/v1/templates/" + template,
            Json.createObjectBuilder()
                .add("subject", Json.createObjectBuilder().add("organization", "Evil\u202eCorp"))
                .build()),
        INVALID,
        "subject.organization");
    refused(
        owner.put(
            "/api/v1/templates/" + template,
            Json.createObjectBuilder().add("id", template).build()),
        INVALID,
        "id");
  }

  @Test
  void onlyAdministratorsReadTheSettings() {
    assertProblem(owner.get("/api/v1/settings"), 403);
    assertProblem(Api.anonymous().get("/api/v1/settings"), 401);
    Api.Reply settings = admin.get("/api/v1/settings");
    assertEquals(200, settings.status(), settings::toString);
    assertTrue(settings.json().containsKey("signupEnabled"));
    refused(
        admin.put(
            "/api/v1/settings", Json.createObjectBuilder().add("signupEnabled", "yes").build()),
        INVALID,
        "signupEnabled");
  }

  @Test
  void publicEndpointsAreJustAsStrict() {
    refused(
        Api.anonymous()
            .post(
                "/api/v1/signup",
                Json.createObjectBuilder()
                    .add("username", "a\u0000b")
                    .add("password", "pw-long-enough-1")
                    .build()),
        INVALID,
        "username");
    refused(
        Api.anonymous().post("/api/v1/claims", Json.createObjectBuilder().add("csr", 5).build()),
        INVALID,
        "csr");
  }
}
