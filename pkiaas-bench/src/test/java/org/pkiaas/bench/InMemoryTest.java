package org.pkiaas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryTest {

  @Test
  void busyCoresRunEachThreadsOwnWorkAndCountItsCpu() throws Exception {
    AtomicLong made = new AtomicLong();
    ConcurrentHashMap<Thread, Boolean> threads = new ConcurrentHashMap<>();
    InMemory.Busy busy =
        InMemory.cpuPerOperationBusy(
            () -> {
              made.incrementAndGet();
              long[] sum = {0};
              return () -> {
                threads.put(Thread.currentThread(), true);
                for (int i = 0; i < 2_000; i++) {
                  sum[0] += i * 31L;
                }
                Thread.sleep(2); // wall time that is no CPU time
              };
            },
            2,
            Duration.ofMillis(300));
    assertEquals(2, made.get(), "one work per thread");
    assertEquals(2, threads.size(), "each work on its own thread");
    assertEquals(2, busy.threads());
    assertTrue(busy.operations() > 2, "operations " + busy.operations());
    // CPU per operation, not wall time: each operation sleeps 2 ms and computes far less than that
    assertTrue(
        busy.cpuMillis() > 0 && busy.cpuMillis() < 1.0, "cpu per operation " + busy.cpuMillis());
  }

  @Test
  void aWorkThatFailsOnOneThreadEndsTheMeasureAtOnce() {
    AtomicLong made = new AtomicLong();
    long start = System.nanoTime();
    ExecutionException failure =
        assertThrows(
            ExecutionException.class,
            () ->
                InMemory.cpuPerOperationBusy(
                    () -> {
                      boolean broken = made.incrementAndGet() == 1;
                      return () -> {
                        if (broken) {
                          throw new IllegalStateException("broken work");
                        }
                      };
                    },
                    2,
                    Duration.ofSeconds(30)));
    assertTrue(failure.getCause().getMessage().contains("work"), failure.getCause().getMessage());
    // neither the other thread's 30 s window nor a wait for the failed one
    assertTrue(System.nanoTime() - start < 10_000_000_000L, "took too long");
  }

  @Test
  void theNoteSetsBusyCoresAgainstOneThreadAndTheServer() {
    InMemory.Cost alone = new InMemory.Cost(0.250, 5000, 18_000, 2000, List.of(0L), 0.006);
    InMemory.Busy busy = new InMemory.Busy(0.275, 2, 36_000);
    assertEquals(
        "In memory with every core busy (the issuance's work on 2 threads at once, 36,000 operations):"
            + " 0.275 ms per operation on each thread, 1.10× the one-thread 0.250 ms; the server's"
            + " 0.825 ms is 3.0× that.",
        busy.note("the issuance's", alone, 0.825));
  }
}
