package org.pkiaas.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  private static final long MS = 1_000_000;

  @Test
  void bucketsAreCumulativeAndTheLastCountsEverything() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.record(MS / 2); // 0.5 ms: in every bucket
    histogram.record(MS); // exactly the first bound: still in it (le is "at most")
    histogram.record(7 * MS); // above 5 ms, at most 10 ms
    histogram.record(60_000 * MS); // a minute: only +Inf

    assertEquals(2, histogram.cumulative(0));
    assertEquals(2, histogram.cumulative(2)); // 5 ms
    assertEquals(3, histogram.cumulative(3)); // 10 ms
    assertEquals(3, histogram.cumulative(LatencyHistogram.BOUNDS.length - 1));
    assertEquals(4, histogram.cumulative(LatencyHistogram.BOUNDS.length));
    assertEquals(4, histogram.count());
    assertEquals(60_008.5 * MS, histogram.sumNanos());
  }

  @Test
  void publishedAsCountersWithAnLeLabelAndAFunctionTimer() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.publish(registry, "x.latency", Tags.of("source", "signed"));
    histogram.record(3 * MS);
    histogram.record(30 * MS);

    FunctionCounter fiveMs =
        registry.get("x.latency.seconds.buckets").tags("le", "0.005").functionCounter();
    FunctionCounter all =
        registry.get("x.latency.seconds.buckets").tags("le", "+Inf").functionCounter();
    FunctionTimer timer = registry.get("x.latency").tags("source", "signed").functionTimer();
    assertEquals(1, fiveMs.count());
    assertEquals(2, all.count());
    assertEquals(2, timer.count());
    assertEquals(33, timer.totalTime(TimeUnit.MILLISECONDS), 1e-9);
    assertEquals(
        LatencyHistogram.BOUNDS.length + 1,
        registry.find("x.latency.seconds.buckets").functionCounters().size());
  }
}
