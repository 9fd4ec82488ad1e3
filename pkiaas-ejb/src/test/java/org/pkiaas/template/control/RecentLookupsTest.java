package org.pkiaas.template.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RecentLookupsTest {

  private final AtomicLong clock = new AtomicLong(1_000);
  private final List<String> reads = new ArrayList<>();
  private final RecentLookups<String, String> recent = new RecentLookups<>(100, 3, clock::get);

  private String read(String key) {
    reads.add(key);
    return key + "#" + reads.size();
  }

  @Test
  void servesWhatItReadUntilTheLifetimeEnds() {
    assertEquals("a#1", recent.get("a", this::read));
    clock.addAndGet(99);
    assertEquals("a#1", recent.get("a", this::read));
    clock.addAndGet(1);
    assertEquals("a#2", recent.get("a", this::read), "100 ns old: read again");
    assertEquals(List.of("a", "a"), reads);
  }

  @Test
  void forgetAllMakesTheNextCallRead() {
    recent.get("a", this::read);
    recent.get("b", this::read);
    recent.forgetAll();
    assertEquals(0, recent.size());
    assertEquals("a#3", recent.get("a", this::read));
  }

  @Test
  void aReadThatOverlapsAChangeIsNotKept() {
    Function<String, String> overlapped =
        key -> {
          String value = read(key);
          // the change is flushed or committed while the row is being read
          recent.forgetAll();
          return value;
        };
    assertEquals("a#1", recent.get("a", overlapped), "the caller still gets what was read");
    assertEquals(0, recent.size(), "but it is not served to anyone else");
    assertEquals("a#2", recent.get("a", this::read));
    assertEquals("a#2", recent.get("a", this::read), "a read after the change is kept");
  }

  @Test
  void nothingFoundIsNeverKept() {
    assertNull(recent.get("gone", key -> null));
    assertEquals(0, recent.size());
    assertEquals("gone#1", recent.get("gone", this::read));
  }

  @Test
  void aZeroLifetimeReadsEveryTime() {
    RecentLookups<String, String> never = new RecentLookups<>(0, 3, clock::get);
    never.get("a", this::read);
    never.get("a", this::read);
    assertEquals(2, reads.size());
    assertEquals(0, never.size());
  }

  @Test
  void reachingTheCapacityStartsAgainFromNone() {
    recent.get("a", this::read);
    recent.get("b", this::read);
    recent.get("c", this::read);
    assertEquals(3, recent.size());
    recent.get("d", this::read);
    assertEquals(1, recent.size(), "only the newest is kept");
    assertEquals("a#5", recent.get("a", this::read));
  }

  @Test
  void refusesANegativeLifetimeOrNoCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new RecentLookups<>(-1, 3, clock::get));
    assertThrows(IllegalArgumentException.class, () -> new RecentLookups<>(1, 0, clock::get));
  }
}
