package org.pkiaas.metrics.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PkiMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PkiMetrics metrics = new PkiMetrics(registry);

  @Test
  void countsEachOutcomeOnItsOwnMeter() {
    metrics.timestamp("granted");
    metrics.timestamp("granted");
    metrics.timestamp("rejected");

    assertEquals(
        2, registry.get(PkiMetrics.TIMESTAMPS).tag("outcome", "granted").counter().count());
    assertEquals(
        1, registry.get(PkiMetrics.TIMESTAMPS).tag("outcome", "rejected").counter().count());
  }

  @Test
  void holdsTheMeterItFoundOnce() {
    metrics.hsmSignature("ok", Duration.ofMillis(2));
    metrics.scepEnrollment("issued");
    Timer ok = registry.get(PkiMetrics.HSM_SIGNATURE_TIME).tag("outcome", "ok").timer();
    Counter issued = registry.get(PkiMetrics.SCEP_ENROLLMENTS).tag("outcome", "issued").counter();
    // a meter removed from the registry is still the one counted: it is not looked up again
    registry.remove(ok);
    registry.remove(issued);
    metrics.hsmSignature("ok", Duration.ofMillis(3));
    metrics.scepEnrollment("issued");

    assertEquals(2, ok.count());
    assertEquals(2, issued.count());
  }

  @Test
  void keepsTagsApart() {
    metrics.certificateIssued("rest", "ca-1");
    metrics.certificateIssued("rest", "ca-2");
    metrics.certificateIssued("acme", "ca-1");

    Counter rest1 = registry.get(PkiMetrics.ISSUED).tags("channel", "rest", "ca", "ca-1").counter();
    assertEquals(1, rest1.count());
    assertEquals(3, registry.get(PkiMetrics.ISSUED).counters().size());
    metrics.certificateIssued("rest", "ca-1");
    assertSame(
        rest1, registry.get(PkiMetrics.ISSUED).tags("channel", "rest", "ca", "ca-1").counter());
    assertEquals(2, rest1.count());
  }

  @Test
  void metersEachCtStepApart() {
    metrics.ctWork(PkiMetrics.CtStep.PRECERTIFICATE, Duration.ofMillis(2));
    metrics.ctWork(PkiMetrics.CtStep.LOGS, Duration.ofMillis(5));
    metrics.ctWork(PkiMetrics.CtStep.LOGS, Duration.ofMillis(4));

    Timer logs = registry.get(PkiMetrics.CT_CPU).tag("step", "logs").timer();
    assertEquals(2, logs.count());
    assertEquals(9, logs.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS), 1e-9);
    Timer precertificate = registry.get(PkiMetrics.CT_CPU).tag("step", "precertificate").timer();
    assertEquals(1, precertificate.count());
    assertEquals(2, registry.get(PkiMetrics.CT_CPU).timers().size());
    // the others are there from the start, so the benchmark and dashboards read zero
    metrics.registerCtSteps();
    assertEquals(3, registry.get(PkiMetrics.CT_CPU).timers().size());
    assertEquals(0, registry.get(PkiMetrics.CT_CPU).tag("step", "connector").timer().count());
    assertSame(logs, registry.get(PkiMetrics.CT_CPU).tag("step", "logs").timer());
    assertEquals(2, logs.count());
  }
}
