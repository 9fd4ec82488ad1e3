package org.pkiaas.tenant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pkiaas.tenant.boundary.RateLimit;

class RequestCounterTest {

  private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");
  private final RequestCounter counter = new RequestCounter(1000);
  private final RateLimit threePerMinute = RateLimit.parse(RateLimit.Kind.SIGNUP, "3/60");

  @Test
  void requestsBeyondTheLimitWaitForTheWindowToEnd() {
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), counter.admit("a", threePerMinute, T0.plusSeconds(i)));
    }
    assertEquals(
        Optional.of(Duration.ofSeconds(50)),
        counter.admit("a", threePerMinute, T0.plusSeconds(10)));
    assertEquals(
        Optional.of(Duration.ofSeconds(1)), counter.admit("a", threePerMinute, T0.plusSeconds(59)));
    assertEquals(
        Optional.empty(), counter.admit("a", threePerMinute, T0.plusSeconds(60)), "a new window");
    assertEquals(
        Optional.empty(),
        counter.admit("b", threePerMinute, T0.plusSeconds(10)),
        "other keys count apart");
  }

  @Test
  void refusedRequestsDoNotExtendTheWindow() {
    for (int i = 0; i < 100; i++) {
      counter.admit("a", threePerMinute, T0.plusSeconds(i % 60));
    }
    assertEquals(Optional.empty(), counter.admit("a", threePerMinute, T0.plusSeconds(60)));
  }

  @Test
  void zeroSwitchesTheLimitOff() {
    RateLimit off = RateLimit.parse(RateLimit.Kind.CLAIM, "0/60");
    for (int i = 0; i < 1000; i++) {
      assertEquals(Optional.empty(), counter.admit("a", off, T0));
    }
  }

  @Test
  void memoryIsBounded() {
    RequestCounter small = new RequestCounter(10);
    for (int i = 0; i < 1000; i++) {
      small.admit("key-" + i, threePerMinute, T0);
    }
    for (int i = 0; i < 3; i++) {
      small.admit("key-999", threePerMinute, T0);
    }
    assertTrue(
        small.admit("key-999", threePerMinute, T0).isPresent(), "the newest key still counts");
  }

  @Test
  void limitsAreParsedOrRefusedWithTheirName() {
    RateLimit limit = RateLimit.parse(RateLimit.Kind.RENEWAL, " 30 / 3600 ");
    assertEquals(30, limit.requests());
    assertEquals(Duration.ofHours(1), limit.window());
    for (String bad : new String[] {"30", "x/60", "30/0", "-1/60", "30/60/1", ""}) {
      var e =
          assertThrows(
              IllegalArgumentException.class, () -> RateLimit.parse(RateLimit.Kind.RENEWAL, bad));
      assertTrue(e.getMessage().contains("renewals"), e.getMessage());
    }
  }
}
