package org.pkiaas.pki.acme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonNestingTest {

  @Test
  void acmeObjectsPass() {
    assertFalse(
        JsonNesting.tooDeep("{\"identifiers\":[{\"type\":\"dns\",\"value\":\"a.example\"}]}"));
    assertFalse(
        JsonNesting.tooDeep("[".repeat(JsonNesting.MAX_DEPTH) + "]".repeat(JsonNesting.MAX_DEPTH)));
  }

  @Test
  void deepNestingIsFoundWhateverFollows() {
    assertTrue(JsonNesting.tooDeep("[".repeat(JsonNesting.MAX_DEPTH + 1)));
    assertTrue(JsonNesting.tooDeep("{\"a\":" + "[".repeat(1001) + "]".repeat(1001) + "}"));
  }

  @Test
  void bracketsInStringsDoNotCount() {
    assertFalse(JsonNesting.tooDeep("{\"a\":\"" + "[{".repeat(1000) + "\\\"\"}"));
  }
}
