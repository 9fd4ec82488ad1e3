package org.pkiaas.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Warm-up counted in operations: batches of a fixed number of operations, each followed by a pause
 * without load until the server's JIT queue is empty ({@link ServerJit#drain}), until, after at
 * least {@link #MIN_OPERATIONS}, a batch makes the server's JIT compile at most {@link #QUIET} more
 * methods, or at most one in {@link #QUIET_SHARE} of all it has compiled (a server always compiles
 * a little: timers, other deployments), with at least two batches and at most {@code maxBatches} or
 * {@link #LIMIT}. What it reports is the evidence: the operations spent, the compilations each
 * batch added and how long the JIT took to empty its queue after each.
 */
final class WarmUp {

  /** Compilations a batch may still add once the hot path is compiled (timers, GC, logging). */
  static final int QUIET = 15;

  /** The share of all compiled methods a batch may add once the hot path is compiled. */
  static final int QUIET_SHARE = 500;

  /** The longest warm-up: past it, the figures are reported as partly warm. */
  static final java.time.Duration LIMIT = java.time.Duration.ofMinutes(5);

  /**
   * The fewest operations before a warm-up may end: twice HotSpot's {@code
   * Tier4InvocationThreshold} (5,000), scaled up further under load by {@code Tier4LoadFeedback}.
   * Code that runs once per request reaches C2 only after that many requests; before, a batch adds
   * few compilations because the counters sit between the C1 and the C2 thresholds, which looked
   * quiet, and the measurement then paid for the C2 compilations (hundreds per window) and ran the
   * path in profiled C1 code.
   */
  static final long MIN_OPERATIONS = 10_000;

  /** The longest pause after a batch for the JIT to empty its queue. */
  static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(30);

  /** Runs a number of operations against the server. */
  interface Batch {
    void run(int operations) throws Exception;
  }

  /** The warm-up's evidence. */
  record Done(
      long operations,
      List<Long> compilationsPerBatch,
      long compiledAtEnd,
      List<Long> drainMillis) {

    Done(long operations, List<Long> compilationsPerBatch, long compiledAtEnd) {
      this(operations, compilationsPerBatch, compiledAtEnd, List.of());
    }

    boolean stable() {
      return !compilationsPerBatch.isEmpty()
          && operations >= MIN_OPERATIONS
          && quiet(compilationsPerBatch.get(compilationsPerBatch.size() - 1), compiledAtEnd);
    }

    @Override
    public String toString() {
      return String.format(
          "%d operations in %d batches; server JIT compilations per batch %s of %d in all%s%s",
          operations,
          compilationsPerBatch.size(),
          compilationsPerBatch,
          compiledAtEnd,
          drainMillis.isEmpty()
              ? ""
              : "; after each batch the JIT emptied its queue in "
                  + drainMillis.stream().map(WarmUp::drained).toList()
                  + " ms",
          stable() ? "" : " (not yet quiet: read the figures as partly warm)");
    }
  }

  private WarmUp() {}

  /** A pause's length; one that reached {@link #DRAIN} did not see the queue empty. */
  private static String drained(long millis) {
    if (millis < 0) {
      return "n/a";
    }
    return millis >= DRAIN.toMillis() ? "≥" + millis + " (still queued)" : Long.toString(millis);
  }

  static boolean quiet(long added, long compiled) {
    return added >= 0 && compiled >= 0 && (added <= QUIET || added * QUIET_SHARE <= compiled);
  }

  static Done run(ServerJit jit, int batchOperations, int maxBatches, Batch batch)
      throws Exception {
    List<Long> added = new ArrayList<>();
    List<Long> drained = new ArrayList<>();
    jit.drain(DRAIN);
    long before = jit.compiled();
    long operations = 0;
    long deadline = System.nanoTime() + LIMIT.toNanos();
    for (int i = 0; i < maxBatches; i++) {
      batch.run(batchOperations);
      operations += batchOperations;
      drained.add(jit.drain(DRAIN));
      long now = jit.compiled();
      added.add(before < 0 || now < 0 ? -1 : now - before);
      before = now;
      boolean enough = operations >= MIN_OPERATIONS && quiet(added.get(i), now);
      if (i >= 1 && (enough || System.nanoTime() > deadline)) {
        break;
      }
    }
    return new Done(operations, added, before, drained);
  }
}
