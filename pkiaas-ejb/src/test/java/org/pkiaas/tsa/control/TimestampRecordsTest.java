package org.pkiaas.tsa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pkiaas.tsa.entity.TimestampToken;

/** Tokens are committed before their callers return, many to a transaction under load. */
class TimestampRecordsTest {

  private final List<List<String>> batches = new ArrayList<>();
  private final Set<String> committed = ConcurrentHashMap.newKeySet();
  private final TimestampRecords records = new TimestampRecords();

  private static TimestampToken token(String serial) {
    return new TimestampToken(
        serial,
        "00000000-0000-0000-0000-000000000001",
        TimestampToken.Protocol.RFC3161,
        Instant.parse("2026-12-04T00:00:00Z"),
        "2.16.840.1.101.3.4.2.1",
        "00",
        null,
        "192.0.2.1");
  }

  @Test
  void aTokenAloneIsWrittenAtOnce() {
    records.store = store(null);
    records.record(token("01"));
    assertEquals(List.of(List.of("01")), batches);
  }

  @Test
  void callersWaitingMeanwhileShareOneTransactionAndReturnCommitted() throws Exception {
    CountDownLatch firstWriting = new CountDownLatch(1);
    CountDownLatch othersQueued = new CountDownLatch(1);
    records.store =
        store(
            tokens -> {
              if (batches.isEmpty()) {
                firstWriting.countDown();
                await(othersQueued);
              }
            });
    ExecutorService callers = Executors.newFixedThreadPool(9);
    try {
      Future<?> first = callers.submit(() -> records.record(token("00")));
      assertTrue(firstWriting.await(10, TimeUnit.SECONDS));
      List<Future<?>> others = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        String serial = "0" + i;
        others.add(
            callers.submit(
                () -> {
                  records.record(token(serial));
                  // returned only once committed
                  assertTrue(committed.contains(serial));
                }));
      }
      while (records.waiting() < 8) {
        Thread.sleep(5);
      }
      othersQueued.countDown();
      first.get(10, TimeUnit.SECONDS);
      for (Future<?> other : others) {
        other.get(10, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
    assertEquals(2, batches.size(), batches::toString);
    assertEquals(8, batches.get(1).size());
  }

  @Test
  void manyCallersAtOnceAllReturnCommittedEachOnce() throws Exception {
    records.store = store(null);
    int threads = 16;
    int each = 300;
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String prefix = "t" + t + "-";
        all.add(
            callers.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    String serial = prefix + i;
                    records.record(token(serial));
                    assertTrue(committed.contains(serial), serial + " returned uncommitted");
                  }
                }));
      }
      for (Future<?> caller : all) {
        // a token left in the queue with no writer would hang its caller here
        caller.get(60, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
    assertEquals(threads * each, committed.size());
    assertEquals(0, records.waiting());
    int written;
    synchronized (batches) {
      written = batches.stream().mapToInt(List::size).sum();
    }
    assertEquals(threads * each, written, "each token written once");
  }

  @Test
  void aFailedBatchFailsItsCallersAndNotTheNext() {
    records.store =
        store(
            tokens -> {
              throw new IllegalStateException("database down");
            });
    assertThrows(IllegalStateException.class, () -> records.record(token("01")));
    records.store = store(null);
    records.record(token("02"));
    assertEquals(Set.of("02"), committed);
  }

  private interface Hook {
    void accept(List<TimestampToken> tokens);
  }

  private TimestampTokens store(Hook hook) {
    return new TimestampTokens() {
      @Override
      public void recordAll(List<TimestampToken> tokens) {
        if (hook != null) {
          hook.accept(tokens);
        }
        synchronized (batches) {
          batches.add(tokens.stream().map(TimestampToken::serialNumber).toList());
        }
        tokens.forEach(token -> committed.add(token.serialNumber()));
      }
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
