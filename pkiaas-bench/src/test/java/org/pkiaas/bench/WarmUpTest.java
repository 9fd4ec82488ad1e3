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

  /** A server whose JIT has compiled {@code compiled[0]} methods, with an empty queue. */
  private static ServerJit counting(long[] compiled) {
    return new ServerJit(-1) {
      @Override
      long compiled() {
        return compiled[0];
      }

      @Override
      long drain(java.time.Duration limit) {
        return 0;
      }
    };
  }

  /** A server whose JIT adds {@code addedByBatch[i]} compilations in batch i. */
  private static WarmUp.Done warmUp(long[] addedByBatch, List<Integer> sizes) throws Exception {
    long[] compiled = {1000};
    int[] batch = {0};
    return WarmUp.run(
        counting(compiled),
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

  /**
   * A server whose JIT adds {@code addedByWindow[i]} compilations in window i of 1,000 operations.
   */
  private static WarmUp.Done settled(long[] addedByWindow) throws Exception {
    return settled(new WarmUp.Done(WarmUp.MIN_OPERATIONS, fifty(0L), 1000), addedByWindow);
  }

  private static WarmUp.Done settled(WarmUp.Done batches, long[] addedByWindow) throws Exception {
    long[] compiled = {1000};
    int[] window = {0};
    return WarmUp.settle(
        counting(compiled),
        batches,
        () -> {
          compiled[0] += addedByWindow[window[0]++];
          return 1_000;
        });
  }

  @Test
  void continuousLoadRunsUntilTwoWindowsInARowAreQuiet() throws Exception {
    // 10 in 1,000 operations is quiet, 11 is not; the quiet 10 alone does not end it
    WarmUp.Done done = settled(new long[] {113, 40, 11, 10, 30, 10, 0, 0, 0, 0});
    assertEquals(7, done.settled().size());
    assertEquals(WarmUp.MIN_OPERATIONS + 7_000, done.operations());
    assertEquals(WarmUp.MIN_OPERATIONS, done.batchOperations());
    assertEquals(1000 + 214, done.compiledAtEnd());
    assertTrue(done.stable());
    assertTrue(
        done.toString().contains("10000 operations in 50 batches")
            && done.toString().contains("7000 operations in windows of 5 s")
            && done.toString().contains("[113/1000, 40/1000, 11/1000, 10/1000, 30/1000, 10/1000,"),
        done::toString);
  }

  @Test
  void oneQuietWindowIsNotEnough() {
    WarmUp.Settled quiet = new WarmUp.Settled(1_000, 10);
    WarmUp.Settled busy = new WarmUp.Settled(1_000, 11);
    assertFalse(WarmUp.quietWindows(List.of(quiet)));
    assertFalse(WarmUp.quietWindows(List.of(quiet, busy, quiet)));
    assertTrue(WarmUp.quietWindows(List.of(busy, quiet, quiet)));
    assertFalse(new WarmUp.Settled(0, 0).quiet()); // a window whose operations all failed
    assertFalse(new WarmUp.Settled(1_000, -1).quiet()); // the JIT could not be asked
  }

  @Test
  void aWindowThatNeverQuietensLeavesTheFiguresPartlyWarm() throws Exception {
    long[] busy = new long[WarmUp.SETTLE_WINDOWS];
    java.util.Arrays.fill(busy, 50);
    WarmUp.Done done = settled(busy);
    assertEquals(WarmUp.SETTLE_WINDOWS, done.settled().size());
    assertFalse(done.stable());
    assertTrue(done.toString().contains("partly warm"));
  }

  @Test
  void quietWindowsEndAWarmUpWhoseBatchesRanOutOfTime() throws Exception {
    // the batches stopped at the time limit still adding 6-17 per 200 operations (14:50)
    WarmUp.Done batches = new WarmUp.Done(34_000, fifty(12L), 28_000);
    assertFalse(batches.stable());
    WarmUp.Done done = settled(batches, new long[] {28, 10, 11, 5, 4, 0, 0, 0, 0, 0});
    assertEquals(5, done.settled().size());
    assertTrue(done.stable());
  }
}
