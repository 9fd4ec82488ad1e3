package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

/** Assertions on RFC 9457 problem answers. */
public final class Problems {

  private Problems() {}

  /** An {@code application/problem+json} answer with this status, a detail, and no stack trace. */
  public static JsonObject assertProblem(Api.Reply reply, int status) {
    assertEquals(status, reply.status(), () -> "unexpected answer: " + reply);
    assertTrue(
        reply.contentType().startsWith("application/problem+json"),
        () -> "not a problem document: " + reply);
    JsonObject problem = reply.json();
    assertEquals(status, problem.getInt("status"));
    assertFalse(problem.getString("detail", "").isBlank(), "a problem has a human-readable detail");
    assertFalse(
        reply.text().contains("Exception")
            || reply.text().contains("\tat ")
            || reply.text().contains(".java:"),
        () -> "a stack trace leaked: " + reply);
    return problem;
  }

  /** A 400 problem naming {@code field}. */
  public static JsonObject assertInvalid(Api.Reply reply, String field) {
    JsonObject problem = assertProblem(reply, 400);
    assertEquals(field, problem.getString("field", null), () -> "wrong field in " + reply);
    return problem;
  }
}
