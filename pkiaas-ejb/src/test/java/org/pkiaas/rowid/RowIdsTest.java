package org.pkiaas.rowid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowIdsTest {

  @Test
  void uuidsAreVersion4WithTheRfcVariantAndDoNotRepeat() {
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      UUID id = RowIds.uuid();
      assertEquals(4, id.version());
      assertEquals(2, id.variant(), "RFC 9562 §4.1");
      assertEquals(id, UUID.fromString(id.toString()));
      seen.add(id);
    }
    assertEquals(10_000, seen.size());
  }

  @Test
  void aRowIdIsTheUuidsTextForm() {
    String id = RowIds.next();
    assertEquals(36, id.length(), "fits the 36-character id columns");
    assertEquals(id, UUID.fromString(id).toString());
  }
}
