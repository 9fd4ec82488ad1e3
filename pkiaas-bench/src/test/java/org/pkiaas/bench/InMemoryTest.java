package org.pkiaas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
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
              };
            },
            2,
            Duration.ofMillis(300));
    assertEquals(2, made.get(), "one work per thread");
    assertEquals(2, threads.size(), "each work on its own thread");
    assertEquals(2, busy.threads());
    assertTrue(busy.operations() > 2, "operations " + busy.operations());
    // CPU per operation, not wall time: far under the window divided by the operations' count
    assertTrue(
        busy.cpuMillis() > 0 && busy.cpuMillis() < 600.0 / busy.operations() * 2,
        "cpu per operation " + busy.cpuMillis());
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
