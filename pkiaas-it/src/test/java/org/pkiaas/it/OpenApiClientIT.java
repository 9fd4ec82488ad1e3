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
