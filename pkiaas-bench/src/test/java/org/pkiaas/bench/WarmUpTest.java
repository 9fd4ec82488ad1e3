package org.pkiaas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {

  @Test
  void oneQuietBatchDoesNotEndAWarmUp() {
    assertFalse(WarmUp.quietTail(List.of(40L, 35L, 0L), 200));
    assertFalse(WarmUp.quietTail(List.of(40L, 0L, 1L), 200));
    assertTrue(WarmUp.quietTail(List.of(40L, 0L, 1L, 2L), 200));
  }

  @Test
  void theLastBatchesTogetherMayAddOneCompilationPerHundredOperations() {
    assertTrue(WarmUp.quietTail(List.of(2L, 2L, 2L), 200)); // 6 in 600 operations
    assertFalse(WarmUp.quietTail(List.of(1L, 9L, 6L), 200)); // a run that looked quiet: 16
    assertTrue(WarmUp.quietTail(List.of(40L, 40L, 37L), 5_000)); // wrk's batches are larger
    assertFalse(WarmUp.quietTail(List.of(0L, -1L, 0L), 200)); // the JIT could not be asked
  }

  @Test
  void aQuietServerIsNotStableBeforeTheFewestOperations() {
    assertFalse(new WarmUp.Done(600, List.of(0L, 0L, 0L), 30_000).stable());
    assertTrue(new WarmUp.Done(WarmUp.MIN_OPERATIONS, fifty(1L), 30_000).stable());
    assertFalse(new WarmUp.Done(WarmUp.MIN_OPERATIONS, fifty(5L), 30_000).stable());
  }

  private static List<Long> fifty(long each) {
    return java.util.Collections.nCopies(50, each); // batches of 200
  }

  /** A server whose JIT adds {@code addedByBatch[i]} compilations in batch i. */
  private static WarmUp.Done warmUp(long[] addedByBatch, List<Integer> sizes) throws Exception {
    long[] compiled = {1000};
    int[] batch = {0};
    ServerJit jit =
        new ServerJit(-1) {
          @Override
          long compiled() {
            return compiled[0];
          }

          @Override
          long drain(java.time.Duration limit) {
            return 0;
          }
        };
    return WarmUp.run(
        jit,
        2_000,
        100,
        n -> {
          sizes.add(n);
          compiled[0] += addedByBatch[batch[0]++];
        });
  }

  @Test
  void aServerQuietFromTheStartStillGetsTheFewestOperations() throws Exception {
    List<Integer> sizes = new ArrayList<>();
    WarmUp.Done done = warmUp(new long[20], sizes);
    assertEquals(WarmUp.MIN_OPERATIONS, done.operations());
    assertEquals(5, sizes.size());
  }

  @Test
  void theWarmUpRunsUntilItsLastBatchesAreQuietTogether() throws Exception {
    List<Integer> sizes = new ArrayList<>();
    WarmUp.Done done = warmUp(new long[] {500, 200, 100, 90, 80, 30, 20, 5, 0, 0, 0, 0}, sizes);
    // batches of 2,000 operations: three may add 60 compilations together; 30, 20, 5 are the
    // first such three, in batches six to eight
    assertEquals(8, sizes.size());
    assertEquals(16_000, done.operations());
    assertTrue(done.stable());
  }
}
