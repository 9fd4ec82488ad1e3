package org.pkiaas.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Runs one piece of in-memory work on several threads for a while: the baselines' loop. */
final class InMemory {

  /** One unit of work. */
  interface Work {
    void run() throws Exception;
  }

  /** How many units were done, in how long. */
  record Count(long operations, Duration elapsed) {

    double perSecond() {
      return operations / (elapsed.toNanos() / 1e9);
    }
  }

  private InMemory() {}

  static Count repeat(int threads, Duration duration, Work work) throws InterruptedException {
    AtomicLong count = new AtomicLong();
    Instant start = Instant.now();
    Instant end = start.plus(duration);
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      new Thread(
              () -> {
                try {
                  while (Instant.now().isBefore(end)) {
                    work.run();
                    count.incrementAndGet();
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                } finally {
                  done.countDown();
                }
              })
          .start();
    }
    done.await();
    return new Count(count.get(), Duration.between(start, Instant.now()));
  }
}
