package org.pkiaas.tenant.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures counted per key (a client address, a username) with a growing wait: after {@code
 * freeFailures} the key is refused for {@code firstDelay}, doubling with each further failure up to
 * {@code maxDelay}. A key with no failure for {@code forgetAfter} starts again from zero.
 *
 * <p>Checks in progress count too ({@link #tryBegin}): a key may have only as many checks running
 * at once as it has free failures left (at least one), so guesses sent in parallel cannot all be
 * checked before the first of them is counted as a failure. A key without failures may run {@value
 * #FIRST_BURST} at once (or its free failures, if more), so a client that signs in correctly from
 * many threads is not refused. Thread-safe; memory is bounded by {@code maxKeys}, so a flood of
 * fresh keys cannot exhaust the heap.
 */
public final class Backoff {

  /** How many failures are free and how the wait grows after them. */
  public record Policy(
      int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter, int maxKeys) {

    public Policy {
      if (freeFailures < 0
          || firstDelay.isNegative()
          || maxDelay.compareTo(firstDelay) < 0
          || maxKeys < 1) {
        throw new IllegalArgumentException("Invalid back-off policy");
      }
      Objects.requireNonNull(forgetAfter);
    }

    /** The wait imposed after the given number of consecutive failures. */
    Duration delayAfter(int failures) {
      int beyond = failures - freeFailures;
      if (beyond <= 0) {
        return Duration.ZERO;
      }
      // 2^30 seconds is decades: cap the shift before it overflows.
      Duration delay = firstDelay.multipliedBy(1L << Math.min(beyond - 1, 30));
      return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
  }

  /** Checks a key without failures may have running at once (unless it has more free ones). */
  static final int FIRST_BURST = 32;

  private record Entry(int failures, Instant lastFailure, Instant blockedUntil, int inFlight) {

    Entry withInFlight(int count) {
      return new Entry(failures, lastFailure, blockedUntil, count);
    }
  }

  private final Policy policy;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public Backoff(Policy policy) {
    this.policy = Objects.requireNonNull(policy);
  }

  /** How long the key must still wait, or empty when it may try now. */
  public Optional<Duration> remainingWait(String key, Instant now) {
    Entry entry = entries.get(key);
    if (entry == null || !now.isBefore(entry.blockedUntil())) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, entry.blockedUntil()));
  }

  /**
   * Counts a failure; answers the wait it imposes from now on (zero while failures are still free).
   */
  public Duration failed(String key, Instant now) {
    if (!entries.containsKey(key) && entries.size() >= policy.maxKeys()) {
      evict(now);
    }
    Entry updated =
        entries.compute(
            key,
            (k, old) -> {
              int failures = old == null || forgotten(old, now) ? 1 : old.failures() + 1;
              return new Entry(
                  failures,
                  now,
                  now.plus(policy.delayAfter(failures)),
                  old == null ? 0 : old.inFlight());
            });
    return Duration.between(now, updated.blockedUntil());
  }

  /**
   * Starts a check for the key if it is not waiting and has a check to spare (see the class
   * comment); every started check must be {@linkplain #end ended}. False when refused.
   */
  public boolean tryBegin(String key, Instant now) {
    if (!entries.containsKey(key) && entries.size() >= policy.maxKeys()) {
      evict(now);
    }
    boolean[] admitted = {false};
    entries.compute(
        key,
        (k, old) -> {
          if (old == null) {
            admitted[0] = true;
            return new Entry(0, now, now, 1);
          }
          int failures = forgotten(old, now) ? 0 : old.failures();
          if (now.isBefore(old.blockedUntil()) || old.inFlight() >= allowance(failures)) {
            return old;
          }
          admitted[0] = true;
          return old.withInFlight(old.inFlight() + 1);
        });
    return admitted[0];
  }

  /** Ends a check started with {@link #tryBegin}, whatever its outcome. */
  public void end(String key) {
    entries.computeIfPresent(
        key,
        (k, old) -> {
          int running = Math.max(0, old.inFlight() - 1);
          return running == 0 && old.failures() == 0 ? null : old.withInFlight(running);
        });
  }

  private int allowance(int failures) {
    return failures == 0
        ? Math.max(FIRST_BURST, policy.freeFailures())
        : Math.max(1, policy.freeFailures() - failures);
  }

  /** Forgets the key's failures. */
  public void reset(String key) {
    entries.remove(key);
  }

  /** The failures counted for the key and not yet forgotten. */
  public int failures(String key, Instant now) {
    Entry entry = entries.get(key);
    return entry == null || forgotten(entry, now) ? 0 : entry.failures();
  }

  private boolean forgotten(Entry entry, Instant now) {
    return !now.isBefore(entry.lastFailure().plus(policy.forgetAfter()))
        && !now.isBefore(entry.blockedUntil());
  }

  /** Drops forgotten keys; if every key is still live, drops those not blocked, then any. */
  private void evict(Instant now) {
    entries.values().removeIf(entry -> forgotten(entry, now));
    if (entries.size() >= policy.maxKeys()) {
      entries.values().removeIf(entry -> !now.isBefore(entry.blockedUntil()));
    }
    Iterator<String> keys = entries.keySet().iterator();
    while (entries.size() >= policy.maxKeys() && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }
}
