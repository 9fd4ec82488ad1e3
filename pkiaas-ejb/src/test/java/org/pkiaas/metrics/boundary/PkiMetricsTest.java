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
}
