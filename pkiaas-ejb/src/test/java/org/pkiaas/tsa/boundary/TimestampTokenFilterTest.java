package org.pkiaas.tsa.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pkiaas.problem.InvalidInputException;

/** The imprint and window of the time-stamp list, as users paste them. */
class TimestampTokenFilterTest {

  @Test
  void anImprintIsLowerCaseHexWithoutSeparators() {
    assertEquals(
        "00ab12ef", new TimestampTokenFilter("00:AB:12:EF", null, null).imprint(), "openssl -text");
    assertEquals("00ab12ef", new TimestampTokenFilter(" 00AB 12ef\n", null, null).imprint());
    assertNull(new TimestampTokenFilter("  ", null, null).imprint());
  }

  @Test
  void anythingElseIsRefusedNamingTheField() {
    for (String bad : new String[] {"abc", "zz", "00".repeat(65), "0x00ab"}) {
      InvalidInputException refused =
          assertThrows(
              InvalidInputException.class, () -> new TimestampTokenFilter(bad, null, null), bad);
      assertEquals("imprint", refused.field());
    }
  }

  @Test
  void theWindowEndsAfterItStarts() {
    Instant now = Instant.parse("2026-12-03T12:00:00Z");
    new TimestampTokenFilter(null, now, now.plusSeconds(1));
    assertEquals(
        "to",
        assertThrows(InvalidInputException.class, () -> new TimestampTokenFilter(null, now, now))
            .field());
  }
}
