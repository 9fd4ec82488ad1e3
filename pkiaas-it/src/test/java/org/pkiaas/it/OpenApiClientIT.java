package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document as a client generator sees it: served as JSON at /openapi.json, every REST
 * resource method of the source in it with a unique operationId and a tag, and openapi-typescript
 * (an npm generator) turns it into a TypeScript client description.
 */
class OpenApiClientIT extends ServerIT {

  private static final Path ROOT =
      Path.of(System.getProperty("pkiaas.it.root", "..")).toAbsolutePath().normalize();
  private static final Path JS =
      Path.of(System.getProperty("pkiaas.it.js", "src/test/js")).toAbsolutePath();
  private static final Pattern HTTP_METHOD =
      Pattern.compile("^\\s*@(GET|POST|PUT|DELETE|PATCH|HEAD)\\s*$", Pattern.MULTILINE);
  private static final Set<String> OPERATIONS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  @TempDir Path dir;

  @Test
  void aClientIsGeneratedFromTheDocumentWithEveryOperationNamed() throws Exception {
    Api.Reply reply = Api.anonymous().get("/openapi.json");
    assertEquals(200, reply.status(), reply::toString);
    JsonObject document = Json.createReader(new StringReader(reply.text())).readObject();

    List<String> operationIds = new ArrayList<>();
    List<String> unnamed = new ArrayList<>();
    for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
      if (!path.getKey().startsWith("/api/v1/")) {
        continue;
      }
      for (Map.Entry<String, JsonValue> operation : path.getValue().asJsonObject().entrySet()) {
        if (!OPERATIONS.contains(operation.getKey())) {
          continue;
        }
        JsonObject described = operation.getValue().asJsonObject();
        String where = operation.getKey().toUpperCase() + " " + path.getKey();
        if (!described.containsKey("operationId") || !described.containsKey("tags")) {
          unnamed.add(where);
        } else {
          operationIds.add(described.getString("operationId"));
        }
      }
    }
    assertEquals(List.of(), unnamed, "operations without an operationId or tag");
    assertEquals(
        operationIds.size(),
        new TreeSet<>(operationIds).size(),
        "operationIds repeat: " + operationIds);
    assertEquals(
        resourceMethodsInTheSource(),
        operationIds.size(),
        "every REST resource method is in the document");

    Path json = dir.resolve("openapi.json");
    Files.writeString(json, reply.text(), StandardCharsets.UTF_8);
    String generated =
        Tools.ok(
            dir,
            JS.resolve("node_modules/.bin/openapi-typescript").toString(),
            json.toString(),
            "-o",
            dir.resolve("pkiaas.d.ts").toString());
    String client = Files.readString(dir.resolve("pkiaas.d.ts"), StandardCharsets.UTF_8);
    for (String operationId : operationIds) {
      assertTrue(
          Pattern.compile("\\s\"?" + operationId + "\"?: \\{").matcher(client).find(),
          operationId + " is missing from the generated client:\n" + generated);
    }
    // "[name: string]: unknown" is the generator's index signature for headers a response may
    // carry besides those declared, and "export type webhooks = Record<string, never>" says there
    // are none: neither is an untyped schema
    List<String> untyped =
        client
            .lines()
            .map(String::strip)
            .filter(
                line ->
                    line.contains("unknown") && !line.equals("[name: string]: unknown;")
                        || line.contains("Record<string, never>")
                            && !line.startsWith("export type"))
            .toList();
    assertEquals(List.of(), untyped, "untyped parts of the generated client");
  }

  /**
   * What each operation answers, as a generated client needs it: every success typed (a schema that
   * is not an empty object; no body only for 204), the status the code really sends (201 with
   * Location for what a call creates, 202, 204, else 200: read from the resource's source), the
   * problem responses the operation can give as problem+json, and an enum for each fixed set of
   * words.
   */
  @Test
  void everyOperationDescribesItsAnswersAndProblems() throws Exception {
    JsonObject document =
        Json.createReader(new StringReader(Api.anonymous().get("/openapi.json").text()))
            .readObject();
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    Map<String, String> expectedSuccess = successCodesInTheSource();
    List<String> wrong = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
      if (!path.getKey().startsWith("/api/v1/")) {
        continue;
      }
      for (Map.Entry<String, JsonValue> entry : path.getValue().asJsonObject().entrySet()) {
        if (!OPERATIONS.contains(entry.getKey())) {
          continue;
        }
        operations++;
        JsonObject operation = entry.getValue().asJsonObject();
        String where =
            entry.getKey().toUpperCase()
                + " "
                + path.getKey()
                + " ("
                + operation.getString("operationId", "?")
                + ")";
        JsonObject responses = operation.getJsonObject("responses");
        Set<String> success = new TreeSet<>();
        for (String code : responses.keySet()) {
          if (code.startsWith("2")) {
            success.add(code);
          }
        }
        String expected = expectedSuccess.get(operation.getString("operationId", ""));
        if (!Set.of(String.valueOf(expected)).equals(success)) {
          wrong.add(where + ": answers " + success + ", the code sends " + expected);
        }
        for (String code : success) {
          JsonObject response = responses.getJsonObject(code);
          JsonObject content = response.getJsonObject("content");
          if (code.equals("204")) {
            if (content != null && !content.isEmpty()) {
              wrong.add(where + ": 204 with a body");
            }
            continue;
          }
          if (content == null || content.isEmpty()) {
            wrong.add(where + ": " + code + " without a body");
            continue;
          }
          for (Map.Entry<String, JsonValue> media : content.entrySet()) {
            JsonObject schema = media.getValue().asJsonObject().getJsonObject("schema");
            if (!typed(schema, schemas)) {
              wrong.add(where + ": " + code + " " + media.getKey() + " is untyped: " + schema);
            }
          }
          if (code.equals("201") && !has(response, "headers", "Location")) {
            wrong.add(where + ": 201 without Location");
          }
        }
        // callable without credentials: no requirement, or only the empty one
        boolean anonymous =
            operation.containsKey("security")
                && operation.getJsonArray("security").stream()
                    .allMatch(requirement -> requirement.asJsonObject().isEmpty());
        List<String> problems = new ArrayList<>(List.of("400", "503"));
        if (!anonymous) {
          problems.addAll(List.of("401", "403", "429"));
        }
        if (path.getKey().contains("{")) {
          problems.add("404");
        }
        if (!entry.getKey().equals("get")) {
          problems.add("409");
        }
        if (operation.containsKey("requestBody")) {
          problems.add("413");
        }
        for (String code : problems) {
          JsonObject problem = responses.getJsonObject(code);
          if (problem == null
              || !has(problem, "content", "application/problem+json")
              || !problem
                  .getJsonObject("content")
                  .getJsonObject("application/problem+json")
                  .getJsonObject("schema")
                  .getString("$ref", "")
                  .endsWith("/Problem")) {
            wrong.add(where + ": no problem+json " + code);
          }
        }
      }
    }
    assertTrue(operations > 50, "operations: " + operations);
    assertEquals(List.of(), wrong, "operations described incompletely");

    List<String> notEnums = new ArrayList<>();
    for (String field : FIXED_WORDS) {
      String[] at = field.split("\\.");
      JsonObject property =
          schemas.getJsonObject(at[0]).getJsonObject("properties").getJsonObject(at[1]);
      if (!enumerated(property, schemas)) {
        notEnums.add(field + ": " + property);
      }
    }
    for (String parameter : FIXED_PARAMETERS) {
      String[] at = parameter.split(" ");
      JsonObject operation =
          document.getJsonObject("paths").getJsonObject(at[1]).getJsonObject(at[0]);
      JsonObject schema =
          operation.getJsonArray("parameters").stream()
              .map(JsonValue::asJsonObject)
              .filter(p -> p.getString("name").equals(at[2]))
              .findFirst()
              .orElseThrow()
              .getJsonObject("schema");
      if (!enumerated(schema, schemas)) {
        notEnums.add(parameter + ": " + schema);
      }
    }
    assertEquals(List.of(), notEnums, "fixed sets of words without an enum");
    assertTrue(
        enumerated(
            schemas
                .getJsonObject("NewCertificateAuthority")
                .getJsonObject("properties")
                .getJsonObject("keyType"),
            schemas));
  }

  /** Request and response fields that hold one of a fixed set of words. */
  private static final List<String> FIXED_WORDS =
      List.of(
          "NewCertificateAuthority.keyType",
          "NewCertificateAuthority.curve",
          "CaChanges.serviceKeyType",
          "CaChanges.serviceCurve",
          "CaChanges.serviceSignatureHash",
          "CaResponse.status",
          "CaResponse.keyType",
          "CaResponse.curve",
          "ServiceCertificateSettings.keyType",
          "ServiceCertificateSettings.curve",
          "IssuedCertificateResponse.status",
          "IssuedCertificateResponse.purpose",
          "IssuedCertificateResponse.revocationReason",
          "RevocationRequest.reason",
          "RequestResponse.kind",
          "RequestResponse.status",
          "BulkAction.action",
          "BulkOutcome.outcome",
          "BulkOutcome.status",
          "AccountRequest.role",
          "AccountResponse.role",
          "BindingRequest.algorithm",
          "AcmeAccountResponse.status",
          "AuditEventResponse.outcome",
          "JobRun.status");

  /** Query parameters that take one of a fixed set of words: method, path, name. */
  private static final List<String> FIXED_PARAMETERS =
      List.of(
          "get /api/v1/cas/{caId}/certificates status",
          "get /api/v1/cas/{caId}/certificates issuedTo",
          "get /api/v1/certificates/{id} format",
          "get /api/v1/cas/{caId}/requests status");

  private static boolean has(JsonObject object, String member, String key) {
    return object.containsKey(member) && object.getJsonObject(member).containsKey(key);
  }

  /** Whether a schema says what the body is: a type, an enum, or a non-empty component. */
  private static boolean typed(JsonObject schema, JsonObject schemas) {
    if (schema == null || schema.isEmpty()) {
      return false;
    }
    if (schema.containsKey("$ref")) {
      String name = schema.getString("$ref").replaceFirst("^#/components/schemas/", "");
      JsonObject target = schemas.getJsonObject(name);
      return target != null
          && (target.containsKey("enum")
              || target.containsKey("properties") && !target.getJsonObject("properties").isEmpty());
    }
    if ("array".equals(schema.getString("type", ""))) {
      return typed(schema.getJsonObject("items"), schemas);
    }
    if ("object".equals(schema.getString("type", ""))) {
      return schema.containsKey("properties") && !schema.getJsonObject("properties").isEmpty();
    }
    return schema.containsKey("type") || schema.containsKey("enum");
  }

  private static boolean enumerated(JsonObject schema, JsonObject schemas) {
    if (schema == null) {
      return false;
    }
    if (schema.containsKey("enum") && !schema.getJsonArray("enum").isEmpty()) {
      return true;
    }
    if (schema.containsKey("$ref")) {
      return enumerated(
          schemas.getJsonObject(
              schema.getString("$ref").replaceFirst("^#/components/schemas/", "")),
          schemas);
    }
    for (String group : List.of("allOf", "anyOf", "oneOf")) {
      if (schema.containsKey(group)
          && schema.getJsonArray(group).stream()
              .anyMatch(member -> enumerated(member.asJsonObject(), schemas))) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern RESOURCE_METHOD =
      Pattern.compile("public\\s+[\\w<>, ?.]+\\s+(\\w+)\\s*\\(");

  /**
   * The success status each resource method sends, read from its source, by operationId: 201 when
   * it answers {@code created(...)}/{@code CREATED}, 202 for {@code accepted(...)}, 204 for {@code
   * noContent()}, else 200.
   */
  private static Map<String, String> successCodesInTheSource() throws IOException {
    Path api = ROOT.resolve("pkiaas-web/src/main/java/org/pkiaas/api");
    Map<String, String> codes = new java.util.HashMap<>();
    try (Stream<Path> files = Files.walk(api)) {
      for (Path file : files.filter(f -> f.toString().endsWith("Resource.java")).toList()) {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        String resource = file.getFileName().toString().replace("Resource.java", "");
        var annotations = HTTP_METHOD.matcher(source);
        List<Integer> starts = new ArrayList<>();
        while (annotations.find()) {
          starts.add(annotations.start());
        }
        for (int i = 0; i < starts.size(); i++) {
          String body =
              source.substring(
                  starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : source.length());
          var name = RESOURCE_METHOD.matcher(body);
          if (!name.find()) {
            continue;
          }
          String code =
              body.contains("created(") || body.contains("Status.CREATED")
                  ? "201"
                  : body.contains("accepted(")
                      ? "202"
                      : body.contains("noContent()") ? "204" : "200";
          codes.put(name.group(1) + resource, code);
        }
      }
    }
    return codes;
  }

  /** The JAX-RS resource methods of the REST API, counted in its source. */
  private static long resourceMethodsInTheSource() throws IOException {
    Path api = ROOT.resolve("pkiaas-web/src/main/java/org/pkiaas/api");
    try (Stream<Path> files = Files.walk(api)) {
      long count = 0;
      for (Path file : files.filter(f -> f.toString().endsWith("Resource.java")).toList()) {
        count +=
            HTTP_METHOD.matcher(Files.readString(file, StandardCharsets.UTF_8)).results().count();
      }
      return count;
    }
  }
}
