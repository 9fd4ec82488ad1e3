package org.pkiaas.rowid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
  void aRowIdIsAVersion7UuidsTextForm() {
    String id = RowIds.next();
    assertEquals(36, id.length(), "fits the 36-character id columns");
    UUID uuid = UUID.fromString(id);
    assertEquals(id, uuid.toString());
    assertEquals(7, uuid.version());
    assertEquals(2, uuid.variant(), "RFC 9562 §4.1");
  }

  @Test
  void aRowIdStartsWithItsMillisecondBigEndian() {
    long before = System.currentTimeMillis();
    UUID id = UUID.fromString(RowIds.next());
    long after = System.currentTimeMillis();
    long millis = id.getMostSignificantBits() >>> 16;
    assertTrue(
        before <= millis && millis <= after, millis + " not in [" + before + ", " + after + "]");
    // RFC 9562 Appendix A.6's example: 2022-02-22 19:22:22 UTC is 0x017F22E279B0
    assertTrue(RowIds.timeOrdered(0x017F22E279B0L, 0).toString().startsWith("017f22e2-79b0-7000-"));
  }

  @Test
  void theTwelveBitsAfterTheVersionAreTheMillisecondsFraction() {
    assertEquals(0, rand(RowIds.timeOrdered(42, 0)));
    assertEquals(2048, rand(RowIds.timeOrdered(42, 500_000)));
    assertEquals(4095, rand(RowIds.timeOrdered(42, 999_999)));
    assertEquals(4, rand(RowIds.timeOrdered(42, 1_000)), "one microsecond is 4.096 of them");
  }

  @Test
  void rowIdsMadeLaterSortAfterAsTextWithinAMillisecondToo() {
    List<String> ids = new ArrayList<>();
    long start = 1_765_000_000_000L;
    for (int i = 0; i < 4_000; i++) {
      // four ids a millisecond, one each quarter of it, and one a microsecond later still
      ids.add(RowIds.timeOrdered(start + i / 4, i % 4 * 250_000).toString());
      ids.add(RowIds.timeOrdered(start + i / 4, i % 4 * 250_000 + 1_000).toString());
    }
    for (int i = 1; i < ids.size(); i++) {
      assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0, ids.get(i - 1) + " !< " + ids.get(i));
    }
  }

  @Test
  void rowIdsOfOneInstantDoNotRepeatAndKeep62RandomBits() {
    Set<UUID> seen = new HashSet<>();
    long randB = 0;
    UUID first = RowIds.timeOrdered(42, 7_000);
    for (int i = 0; i < 10_000; i++) {
      UUID id = RowIds.timeOrdered(42, 7_000);
      assertEquals(first.getMostSignificantBits(), id.getMostSignificantBits());
      assertEquals(2, id.variant());
      seen.add(id);
      randB |= id.getLeastSignificantBits() ^ first.getLeastSignificantBits();
    }
    assertEquals(10_000, seen.size());
    // each of rand_b's 62 bits took both values; the variant's two never changed
    assertEquals((1L << 62) - 1, randB);
  }

  @Test
  void noTwoRandomBitsOfARowIdAreTheSameDraw() {
    // a byte drawn once but written twice would leave two positions equal in every id
    int samples = 2_000;
    long[] randB = new long[samples];
    for (int i = 0; i < samples; i++) {
      randB[i] = RowIds.timeOrdered(42, 0).getLeastSignificantBits() & ((1L << 62) - 1);
    }
    for (int a = 0; a < 62; a++) {
      for (int b = a + 1; b < 62; b++) {
        boolean differ = false;
        for (int i = 0; i < samples && !differ; i++) {
          differ = (randB[i] >>> a & 1) != (randB[i] >>> b & 1);
        }
        assertTrue(differ, "random bits " + a + " and " + b + " are always equal");
      }
    }
  }

  private static long rand(UUID id) {
    return id.getMostSignificantBits() & 0xfff;
  }
}
