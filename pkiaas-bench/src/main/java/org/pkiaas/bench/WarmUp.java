package org.pkiaas.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Warm-up counted in operations: batches of a fixed number of operations, until a batch makes the
 * server's JIT compile at most {@link #QUIET} more methods, or at most one in {@link #QUIET_SHARE}
 * of all it has compiled (a server always compiles a little: timers, other deployments), with at
 * least two batches and at most {@code maxBatches} or {@link #LIMIT} (a loaded machine starves the
 * compiler threads, and a big server has tens of thousands of methods to compile: ten batches did
 * not reach quiet on the issuance path). What it reports is the evidence: the operations spent and
 * the compilations each batch added.
 */
final class WarmUp {

  /** Compilations a batch may still add once the hot path is compiled (timers, GC, logging). */
  static final int QUIET = 15;

  /** The share of all compiled methods a batch may add once the hot path is compiled. */
  static final int QUIET_SHARE = 500;

  /** The longest warm-up: past it, the figures are reported as partly warm. */
  static final java.time.Duration LIMIT = java.time.Duration.ofMinutes(3);

  /** Runs a number of operations against the server. */
  interface Batch {
    void run(int operations) throws Exception;
  }

  /** The warm-up's evidence. */
  record Done(long operations, List<Long> compilationsPerBatch, long compiledAtEnd) {

    boolean stable() {
      return !compilationsPerBatch.isEmpty()
          && quiet(compilationsPerBatch.get(compilationsPerBatch.size() - 1), compiledAtEnd);
    }

    @Override
    public String toString() {
      return String.format(
          "%d operations in %d batches; server JIT compilations per batch %s of %d in all%s",
          operations,
          compilationsPerBatch.size(),
          compilationsPerBatch,
          compiledAtEnd,
          stable() ? "" : " (not yet quiet: read the figures as partly warm)");
    }
  }

  private WarmUp() {}

  static boolean quiet(long added, long compiled) {
    return added >= 0 && compiled >= 0 && (added <= QUIET || added * QUIET_SHARE <= compiled);
  }

  static Done run(ServerJit jit, int batchOperations, int maxBatches, Batch batch)
      throws Exception {
    List<Long> added = new ArrayList<>();
    long before = jit.compiled();
    long operations = 0;
    long deadline = System.nanoTime() + LIMIT.toNanos();
    for (int i = 0; i < maxBatches; i++) {
      batch.run(batchOperations);
      operations += batchOperations;
      long now = jit.compiled();
      added.add(before < 0 || now < 0 ? -1 : now - before);
      before = now;
      if (i >= 1 && (quiet(added.get(i), now) || System.nanoTime() > deadline)) {
        break;
      }
    }
    return new Done(operations, added, before);
  }
}
