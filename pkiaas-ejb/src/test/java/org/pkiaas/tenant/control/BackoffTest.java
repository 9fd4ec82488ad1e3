package org.pkiaas.tenant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");
  private final Backoff backoff =
      new Backoff(
          new Backoff.Policy(
              3, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15), 1000));

  @Test
  void freeFailuresImposeNoWait() {
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, backoff.failed("a", T0));
    }
    assertEquals(Optional.empty(), backoff.remainingWait("a", T0));
  }

  @Test
  void waitDoublesAfterTheFreeFailuresUpToTheMaximum() {
    for (int i = 0; i < 3; i++) {
      backoff.failed("a", T0);
    }
    assertEquals(Duration.ofSeconds(1), backoff.failed("a", T0));
    assertEquals(Duration.ofSeconds(2), backoff.failed("a", T0));
    assertEquals(Duration.ofSeconds(4), backoff.failed("a", T0));
    for (int i = 0; i < 40; i++) {
      backoff.failed("a", T0);
    }
    assertEquals(Optional.of(Duration.ofSeconds(60)), backoff.remainingWait("a", T0));
    assertEquals(
        Optional.of(Duration.ofSeconds(1)), backoff.remainingWait("a", T0.plusSeconds(59)));
    assertEquals(Optional.empty(), backoff.remainingWait("a", T0.plusSeconds(60)));
    assertEquals(Optional.empty(), backoff.remainingWait("b", T0), "other keys are not affected");
  }

  @Test
  void failuresAreForgottenAfterAQuietPeriod() {
    for (int i = 0; i < 5; i++) {
      backoff.failed("a", T0);
    }
    assertEquals(5, backoff.failures("a", T0.plusSeconds(60)));
    Instant later = T0.plus(Duration.ofMinutes(15));
    assertEquals(0, backoff.failures("a", later));
    assertEquals(Duration.ZERO, backoff.failed("a", later), "counting starts again from one");
  }

  @Test
  void resetForgetsAKey() {
    for (int i = 0; i < 5; i++) {
      backoff.failed("a", T0);
    }
    backoff.reset("a");
    assertEquals(Optional.empty(), backoff.remainingWait("a", T0));
  }

  @Test
  void memoryIsBoundedEvenByAFloodOfKeys() {
    Backoff small =
        new Backoff(
            new Backoff.Policy(
                0, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15), 10));
    for (int i = 0; i < 1000; i++) {
      small.failed("key-" + i, T0);
    }
    int live = 0;
    for (int i = 0; i < 1000; i++) {
      live += small.failures("key-" + i, T0);
    }
    assertTrue(live <= 10, "at most maxKeys are remembered, found " + live);
    assertTrue(small.remainingWait("key-999", T0).isPresent(), "the newest failure is kept");
  }

  @Test
  void policyRefusesNonsense() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () ->
            new Backoff.Policy(
                -1, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(1), 10));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () ->
            new Backoff.Policy(
                1, Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMinutes(1), 10));
  }

  @Test
  void parallelChecksCountAgainstTheFreeFailuresLeft() {
    backoff.failed("a", T0); // two free failures left
    assertTrue(backoff.tryBegin("a", T0));
    assertTrue(backoff.tryBegin("a", T0));
    assertFalse(backoff.tryBegin("a", T0), "a third guess in parallel waits for the first two");
    backoff.failed("a", T0);
    backoff.end("a");
    assertFalse(backoff.tryBegin("a", T0), "one free failure left, one check still running");
    backoff.end("a");
    assertTrue(backoff.tryBegin("a", T0));
  }

  @Test
  void onceTheFreeFailuresAreSpentOneCheckRunsAtATimeBetweenWaits() {
    for (int i = 0; i < 4; i++) {
      backoff.failed("a", T0);
    }
    Instant waited = T0.plusSeconds(1);
    assertFalse(backoff.tryBegin("a", T0), "waiting");
    assertTrue(backoff.tryBegin("a", waited));
    assertFalse(backoff.tryBegin("a", waited), "only one guess per expired wait");
  }

  @Test
  void aKeyWithoutFailuresMayCheckManyAtOnceAndLeavesNothingBehind() {
    for (int i = 0; i < Backoff.FIRST_BURST; i++) {
      assertTrue(backoff.tryBegin("fresh", T0));
    }
    assertFalse(backoff.tryBegin("fresh", T0));
    for (int i = 0; i < Backoff.FIRST_BURST; i++) {
      backoff.end("fresh");
    }
    assertEquals(0, backoff.failures("fresh", T0));
    assertTrue(backoff.tryBegin("fresh", T0), "all slots free again");
  }
}
