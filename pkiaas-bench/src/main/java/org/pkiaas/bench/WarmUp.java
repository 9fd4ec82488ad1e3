package org.pkiaas.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Warm-up counted in operations: batches of a fixed number of operations, each followed by a pause
 * without load until the server's JIT queue is empty ({@link ServerJit#drain}), until, after at
 * least {@link #MIN_OPERATIONS}, the last {@link #QUIET_BATCHES} batches together made the server's
 * JIT compile at most one method per {@link #OPERATIONS_PER_COMPILATION} operations, or {@code
 * maxBatches} or {@link #LIMIT} is reached; then, for the request benchmarks, windows of continuous
 * load ({@link #settle}). What it reports is the evidence: the operations spent, the compilations
 * each batch and window added and how long the JIT took to empty its queue after each batch.
 */
final class WarmUp {

  /**
   * Operations per compilation a warm-up's last batches may still cause once the hot path is
   * compiled: at most one compilation per hundred operations, over {@link #QUIET_BATCHES} batches
   * together (a server always compiles a little: timers, GC, logging; a steady one-call issuance
   * window, 2026-12-05 11:49, compiled 0–2 methods per 200 certificates).
   */
  static final int OPERATIONS_PER_COMPILATION = 100;

  /**
   * Batches whose compilations together are judged. One quiet batch proved too little, and so did a
   * share of all compiled methods (one in 500, some 50) or 10 per batch of 200: issuance warm-ups
   * ended on batches adding 15–60, or on a lucky run of three quiet batches, and the measurement
   * then saw a thousand more compilations, the compiler threads taking 0.41–0.43 ms per
   * certificate; the same path measured again after another warm-up cost the server 1.79 ms per
   * certificate where the first window had measured 3.29 ms (2026-12-05 11:49). Under load HotSpot
   * raises its C2 thresholds with the length of its queue ({@code Tier4LoadFeedback}), so code that
   * runs once per request may need many times {@code Tier4InvocationThreshold} requests to be
   * compiled.
   */
  static final int QUIET_BATCHES = 3;

  /** Operations per batch of the request benchmarks (issuance, ACME, SCEP). */
  static final int BATCH = 200;

  /**
   * The most batches of {@link #BATCH} a request benchmark's warm-up runs; {@link #LIMIT} usually
   * ends it first.
   */
  static final int BATCHES = 400;

  /**
   * The longest run of batches; the windows of continuous load ({@link #settle}) come after it. A
   * warm-up that ends here without a quiet tail and without quiet windows is reported as partly
   * warm.
   */
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

  /**
   * The continuous load that follows the batches: windows of this length, as the measurement loads
   * the server (all clients at once, no pause), until {@link #QUIET_WINDOWS} in a row each compile
   * at most one method per {@link #OPERATIONS_PER_COMPILATION} operations. The batches end with a
   * pause each, for the JIT's queue to empty; the measurement has none, and under it the JIT found
   * more to compile: the SCEP window of 2026-12-05 13:05 compiled 113 methods after a warm-up of
   * 142 batches (28,400 enrollments) whose last batches had added 0–6 each, its compiler threads
   * taking 0.43 ms per enrollment, 9 % of the server's CPU.
   */
  static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(5);

  /** The most windows of {@link #SETTLE} after the batches. */
  static final int SETTLE_WINDOWS = 10;

  /**
   * Quiet windows in a row that end the continuous load. One proved too little: the one-call
   * issuance of 2026-12-05 15:16 ended on a window of 19 compilations in 2,030 certificates, and
   * its measurement then compiled 818 methods, its compiler threads taking 13 % of the server's
   * CPU: C2 works in bursts that one window of 5 s can miss.
   */
  static final int QUIET_WINDOWS = 2;

  /** Runs a number of operations against the server. */
  interface Batch {
    void run(int operations) throws Exception;
  }

  /** Loads the server continuously for {@link #SETTLE}; answers the operations done. */
  interface Window {
    long run() throws Exception;
  }

  /** One window of continuous load after the batches: its operations and compilations. */
  record Settled(long operations, long compilations) {

    /** At most one compilation per hundred operations; a window that did nothing is not quiet. */
    boolean quiet() {
      return operations > 0
          && compilations >= 0
          && compilations * OPERATIONS_PER_COMPILATION <= operations;
    }

    @Override
    public String toString() {
      return compilations + "/" + operations;
    }
  }

  /** The warm-up's evidence. */
  record Done(
      long operations,
      List<Long> compilationsPerBatch,
      long compiledAtEnd,
      List<Long> drainMillis,
      List<Settled> settled) {

    Done(long operations, List<Long> compilationsPerBatch, long compiledAtEnd) {
      this(operations, compilationsPerBatch, compiledAtEnd, List.of(), List.of());
    }

    /**
     * Whether the warm-up ended quiet: after {@link #MIN_OPERATIONS}, on {@link #QUIET_WINDOWS}
     * quiet windows of continuous load when it had any (the stricter test, whatever the batches
     * before it did), else on a quiet tail of batches.
     */
    boolean stable() {
      if (operations < MIN_OPERATIONS) {
        return false;
      }
      if (!settled.isEmpty()) {
        return quietWindows(settled);
      }
      return quietTail(
          compilationsPerBatch, batchOperations() / Math.max(1, compilationsPerBatch.size()));
    }

    /** The operations of the batches alone. */
    long batchOperations() {
      return operations - settled.stream().mapToLong(Settled::operations).sum();
    }

    @Override
    public String toString() {
      return String.format(
          "%d operations in %d batches; server JIT compilations per batch %s of %d in all%s%s%s",
          batchOperations(),
          compilationsPerBatch.size(),
          compilationsPerBatch,
          compiledAtEnd,
          drainMillis.isEmpty()
              ? ""
              : "; after each batch the JIT emptied its queue in "
                  + drainMillis.stream().map(WarmUp::drained).toList()
                  + " ms",
          settled.isEmpty()
              ? ""
              : "; then continuous load, "
                  + (operations - batchOperations())
                  + " operations in windows of "
                  + SETTLE.toSeconds()
                  + " s, compilations/operations "
                  + settled,
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

  /**
   * Whether the last {@link #QUIET_BATCHES} batches of {@code batchOperations} each added at most
   * one compilation per {@link #OPERATIONS_PER_COMPILATION} operations, all of them together.
   */
  static boolean quietTail(List<Long> addedPerBatch, long batchOperations) {
    int size = addedPerBatch.size();
    if (size < QUIET_BATCHES) {
      return false;
    }
    List<Long> last = addedPerBatch.subList(size - QUIET_BATCHES, size);
    return last.stream().allMatch(added -> added >= 0)
        && last.stream().mapToLong(Long::longValue).sum() * OPERATIONS_PER_COMPILATION
            <= QUIET_BATCHES * batchOperations;
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
      boolean enough = operations >= MIN_OPERATIONS && quietTail(added, batchOperations);
      if (enough || (i >= 1 && System.nanoTime() > deadline)) {
        break;
      }
    }
    return new Done(operations, added, before, drained, List.of());
  }

  /** Whether the last {@link #QUIET_WINDOWS} windows were each quiet. */
  static boolean quietWindows(List<Settled> settled) {
    int size = settled.size();
    return size >= QUIET_WINDOWS
        && settled.subList(size - QUIET_WINDOWS, size).stream().allMatch(Settled::quiet);
  }

  /**
   * After the batches of {@code done}, windows of continuous load ({@link #SETTLE}) until {@link
   * #QUIET_WINDOWS} in a row are quiet ({@link Settled#quiet}) or {@link #SETTLE_WINDOWS} have run.
   */
  static Done settle(ServerJit jit, Done done, Window window) throws Exception {
    List<Settled> settled = new ArrayList<>();
    long before = jit.compiled();
    for (int i = 0; i < SETTLE_WINDOWS; i++) {
      long operations = window.run();
      long now = jit.compiled();
      Settled one = new Settled(operations, before < 0 || now < 0 ? -1 : now - before);
      settled.add(one);
      before = now;
      if (quietWindows(settled)) {
        break;
      }
    }
    return new Done(
        done.operations() + settled.stream().mapToLong(Settled::operations).sum(),
        done.compilationsPerBatch(),
        before,
        done.drainMillis(),
        settled);
  }
}
