package org.pkiaas.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pkiaas.api.security.Public;
import org.pkiaas.input.FieldFormats;

class DocumentFilterTest {

  @Test
  void whatAnOperationCanAnswerFollowsFromWhatItIs() {
    assertEquals(
        List.of(400, 401, 403, 429, 503),
        ProblemResponses.codes("/api/v1/cas", true, false, false, false));
    assertEquals(
        List.of(400, 401, 403, 404, 409, 413, 429, 503),
        ProblemResponses.codes("/api/v1/cas/{caId}", false, true, false, false));
    assertEquals(
        List.of(400, 404, 503),
        ProblemResponses.codes("/api/v1/cas/{caId}/cps", true, false, true, false),
        "public: no sign-in, so no 401, 403 or throttled sign-in");
    assertEquals(
        List.of(400, 409, 413, 429, 503),
        ProblemResponses.codes("/api/v1/claims", false, true, true, true),
        "public and rate-limited");
  }

  @Test
  void onlyAPatternThatListsWordsBecomesAnEnum() {
    assertEquals(
        List.of("RSA", "EC", "ED25519", "ML_DSA", "SLH_DSA"),
        FixedWords.words(FieldFormats.KEY_TYPES));
    assertEquals(List.of("P-256", "P-384"), FixedWords.words("^P-256|P-384$"));
    assertEquals(List.of(), FixedWords.words(FieldFormats.ID));
    assertEquals(List.of(), FixedWords.words("[A-Za-z]{2}"));
    assertEquals(List.of(), FixedWords.words("SHA-?(256|384|512)"));
    assertEquals(List.of(), FixedWords.words(null));
  }

  /**
   * Every resource class of the API is found from its operationId, so that no public call is
   * described as needing sign-in because its class was missed.
   */
  @Test
  void everyResourceMethodIsFoundFromItsOperationId() throws IOException, ClassNotFoundException {
    java.nio.file.Path classes =
        java.nio.file.Path.of("target/classes/org/pkiaas/api").toAbsolutePath();
    int found = 0;
    int open = 0;
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file :
          files.filter(f -> f.getFileName().toString().endsWith("Resource.class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
        Class<?> resource = Class.forName("org.pkiaas.api." + name);
        if (!resource.isAnnotationPresent(Path.class)) {
          continue;
        }
        for (var method : resource.getDeclaredMethods()) {
          if (ResourceMethods.isHttpMethod(method)) {
            assertEquals(
                method,
                ResourceMethods.find(resource.getSimpleName() + "_" + method.getName()),
                method.toString());
            found++;
            open += method.isAnnotationPresent(Public.class) ? 1 : 0;
          }
        }
      }
    }
    assertTrue(found > 50, "resource methods found: " + found);
    assertTrue(open >= 8, "public methods found: " + open);
    assertNotNull(ResourceMethods.find("CpsResource_cps"));
  }
}
