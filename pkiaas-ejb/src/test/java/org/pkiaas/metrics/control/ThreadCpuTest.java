package org.pkiaas.metrics.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void countsWorkButNotWaiting() throws InterruptedException {
    long start = ThreadCpu.nanos();
    Thread.sleep(300);
    Duration waited = ThreadCpu.since(start);
    assertTrue(waited.toMillis() < 100, "sleeping spent " + waited);

    long busy = ThreadCpu.nanos();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long sink = 0;
    while (ThreadCpu.since(busy).toMillis() < 20 && System.nanoTime() < deadline) {
      for (int i = 0; i < 10_000; i++) {
        sink += i * 31L ^ sink;
      }
    }
    Duration worked = ThreadCpu.since(busy);
    assertTrue(worked.toMillis() >= 20, "working spent " + worked + " (" + sink + ")");
  }
}
