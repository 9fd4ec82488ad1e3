package org.pkiaas.certificate.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameListJsonTest {

  @Test
  void namesWithCommasQuotesAndBackslashesRoundTrip() {
    List<String> names =
        List.of(
            "DNS:a.example",
            "URI:https://example.com/a,b?c=1,2",
            "UPN:\"odd\\name\"@corp.example",
            "EMAIL:x@example.com");
    String json = NameListJson.write(names);
    assertEquals(
        "[\"DNS:a.example\",\"URI:https://example.com/a,b?c=1,2\",\"UPN:\\\"odd\\\\name\\\"@corp.example\","
            + "\"EMAIL:x@example.com\"]",
        json);
    assertEquals(names, NameListJson.read(json));
  }

  @Test
  void emptyAndAbsentAreNoNames() {
    assertEquals("[]", NameListJson.write(List.of()));
    assertEquals(List.of(), NameListJson.read("[]"));
    assertEquals(List.of(), NameListJson.read(null));
    assertEquals(List.of(), NameListJson.read(" [ ] "));
  }

  @Test
  void somethingElseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> NameListJson.read("DNS:a,DNS:b"));
  }
}
