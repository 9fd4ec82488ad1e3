package org.pkiaas.metrics.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A latency histogram with fixed buckets, kept here because WildFly's registry publishes no
 * histogram for a deployment's timers. It is published through meter types that registry does pass
 * on: one function counter per bucket, {@code <name>_seconds_buckets_total{le="…"}} (cumulative,
 * ending with {@code le="+Inf"}), and a function timer, {@code <name>_seconds_count} and {@code
 * _sum}. Prometheus reserves the {@code _bucket} suffix, so the buckets cannot carry it; {@code
 * histogram_quantile} reads any series with an {@code le} label.
 *
 * <p>Recording costs a few comparisons and two {@link LongAdder} additions, no allocation.
 */
public final class LatencyHistogram {

  /** Upper bounds of the buckets, in seconds; a last bucket, {@code +Inf}, takes the rest. */
  public static final double[] BOUNDS =
      new double[] {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

  private final long[] boundNanos = new long[BOUNDS.length];

  /** Observations per bucket, not cumulative; the last one above every bound. */
  private final LongAdder[] counts = new LongAdder[BOUNDS.length + 1];

  private final LongAdder sumNanos = new LongAdder();

  public LatencyHistogram() {
    for (int i = 0; i < BOUNDS.length; i++) {
      boundNanos[i] = Math.round(BOUNDS[i] * 1e9);
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  public void record(long nanos) {
    int bucket = 0;
    while (bucket < boundNanos.length && nanos > boundNanos[bucket]) {
      bucket++;
    }
    counts[bucket].increment();
    sumNanos.add(nanos);
  }

  /** Observations at most {@code BOUNDS[bucket]}; {@code BOUNDS.length} counts them all. */
  public long cumulative(int bucket) {
    long sum = 0;
    for (int i = 0; i <= bucket; i++) {
      sum += counts[i].sum();
    }
    return sum;
  }

  public long count() {
    return cumulative(BOUNDS.length);
  }

  public double sumNanos() {
    return sumNanos.sum();
  }

  /**
   * Publishes this histogram under {@code name} with {@code tags}. The registry holds it weakly:
   * the caller keeps it.
   */
  public void publish(MeterRegistry registry, String name, Tags tags) {
    for (int i = 0; i <= BOUNDS.length; i++) {
      int bucket = i;
      registry
          .more()
          .counter(
              name + ".seconds.buckets",
              tags.and("le", le(bucket)),
              this,
              histogram -> histogram.cumulative(bucket));
    }
    registry
        .more()
        .timer(
            name,
            tags,
            this,
            LatencyHistogram::count,
            LatencyHistogram::sumNanos,
            TimeUnit.NANOSECONDS);
  }

  /** Prometheus's {@code le} label of a bucket: its bound in seconds, or {@code +Inf}. */
  static String le(int bucket) {
    if (bucket == BOUNDS.length) {
      return "+Inf";
    }
    return Double.toString(BOUNDS[bucket]);
  }
}
