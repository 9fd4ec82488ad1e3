package org.pkiaas.tenant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");
  private static final Backoff.Policy POLICY =
      new Backoff.Policy(
          5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(30), 1000);
  private final SignInThrottle throttle = new SignInThrottle(POLICY, POLICY);

  private void fail(String user, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(user, address, T0);
    }
  }

  @Test
  void anAddressThatKeepsFailingIsRefusedForEveryAccount() {
    fail("alice", "10.0.0.66", 3);
    fail("bob", "10.0.0.66", 3);
    assertEquals(
        "too many failed sign-ins from this address",
        throttle.refusal("carol", "10.0.0.66", T0).orElseThrow().reason());
    assertTrue(
        throttle.refusal("carol", "10.0.0.7", T0).isEmpty(), "other addresses are not affected");
  }

  @Test
  void anAccountGuessedFromManyAddressesIsRefusedAtNewAddresses() {
    for (int i = 0; i < 6; i++) {
      fail("alice", "10.0.1." + i, 1);
    }
    var refusal = throttle.refusal("alice", "10.0.2.1", T0).orElseThrow();
    assertEquals("too many failed sign-ins for this account", refusal.reason());
    assertEquals(Duration.ofSeconds(1), refusal.retryAfter());
    assertTrue(
        throttle.refusal("bob", "10.0.2.1", T0).isEmpty(), "other accounts are not affected");
  }

  @Test
  void theOwnerStillSignsInFromWhereTheyUsuallyDoWhileTheAccountIsAttacked() {
    throttle.succeeded("alice", "192.0.2.10", T0.minus(Duration.ofDays(2)));
    fail("alice", "10.0.0.66", 300);
    assertTrue(throttle.refusal("alice", "10.0.0.66", T0).isPresent(), "the attacker waits");
    assertTrue(
        throttle.refusal("alice", "10.0.0.67", T0).isPresent(), "and so does any new address");
    assertTrue(
        throttle.refusal("alice", "192.0.2.10", T0).isEmpty(),
        "the owner's usual address is let through");
    assertEquals(
        Duration.ofMinutes(15),
        throttle.refusal("alice", "10.0.0.66", T0).orElseThrow().retryAfter(),
        "the wait is capped");
  }

  @Test
  void aKnownAddressIsForgottenAfterThirtyDays() {
    throttle.succeeded("alice", "192.0.2.10", T0.minus(Duration.ofDays(31)));
    fail("alice", "10.0.0.66", 6);
    assertTrue(throttle.refusal("alice", "192.0.2.10", T0).isPresent());
  }

  @Test
  void failuresStartAWaitOnlyAfterTheFreeOnes() {
    for (int i = 0; i < 5; i++) {
      assertFalse(throttle.failed("alice", "10.0.0.66", T0).startedWait());
    }
    SignInThrottle.Failure sixth = throttle.failed("alice", "10.0.0.66", T0);
    assertTrue(sixth.startedWait());
    assertEquals(Duration.ofSeconds(1), sixth.addressWait());
    assertEquals(Duration.ofSeconds(1), sixth.userWait());
  }

  @Test
  void overlongUsernamesShareOneBoundedKey() {
    String huge = "x".repeat(100_000);
    fail(huge, "10.0.3.1", 6);
    assertTrue(throttle.refusal(huge + "y", "10.0.3.2", T0).isPresent());
  }

  @Test
  void guessesSentInParallelAreAdmittedOnlyAsFarAsTheFreeFailuresGo() {
    fail("alice", "10.0.0.66", 3); // two free failures left at that address
    var first = throttle.begin("alice", "10.0.0.66", T0);
    var second = throttle.begin("alice", "10.0.0.66", T0);
    var third = throttle.begin("alice", "10.0.0.66", T0);
    assertTrue(first.refusal().isEmpty());
    assertTrue(second.refusal().isEmpty());
    assertEquals(
        "too many sign-ins at once from this address", third.refusal().orElseThrow().reason());
    third.close();
    first.close();
    assertTrue(
        throttle.begin("alice", "10.0.0.66", T0).refusal().isEmpty(), "a closed check frees it");
  }

  @Test
  void anAccountGuessedInParallelFromManyAddressesIsCountedLikeOneAddress() {
    fail("alice", "10.0.3.1", 4); // one free failure left for the account
    var admitted = throttle.begin("alice", "10.0.3.2", T0);
    assertTrue(admitted.refusal().isEmpty());
    assertEquals(
        "too many sign-ins at once for this account",
        throttle.begin("alice", "10.0.3.3", T0).refusal().orElseThrow().reason());
    assertTrue(
        throttle.begin("bob", "10.0.3.3", T0).refusal().isEmpty(),
        "the refused attempt took no slot at its address");
    throttle.succeeded("alice", "192.0.2.10", T0);
    assertTrue(
        throttle.begin("alice", "192.0.2.10", T0).refusal().isEmpty(),
        "the owner's usual address does not queue behind the attacker");
  }

  @Test
  void aRememberedPasswordTakesNoSlotButStillWaitsWhereTheAddressWaits() {
    fail("mallory", "10.0.4.1", 4); // one free failure left: one check at a time from there
    var guess = throttle.begin("mallory", "10.0.4.1", T0);
    assertTrue(guess.refusal().isEmpty());
    assertTrue(throttle.begin("alice", "10.0.4.1", T0).refusal().isPresent(), "slots are taken");
    for (int i = 0; i < 16; i++) {
      assertTrue(
          throttle.beginRemembered("alice", "10.0.4.1", T0).refusal().isEmpty(),
          "a returning client's parallel calls are not guesses");
    }
    guess.close();
    fail("mallory", "10.0.4.1", 2);
    assertEquals(
        "too many failed sign-ins from this address",
        throttle.beginRemembered("alice", "10.0.4.1", T0).refusal().orElseThrow().reason());
  }
}
