package org.pkiaas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ServerMetersTest {

  // as WildFly's Micrometer subsystem writes them: the deployment's tag beside ours
  private static final String SCRAPE =
      """
      # HELP pkiaas_ct_cpu_seconds
      # TYPE pkiaas_ct_cpu_seconds summary
      pkiaas_ct_cpu_seconds_count{app="pkiaas.ear",step="logs"} 10.0
      pkiaas_ct_cpu_seconds_sum{app="pkiaas.ear",step="logs"} 0.0045
      pkiaas_ct_cpu_seconds_sum{app="pkiaas.ear",step="precertificate"} 0.0007
      pkiaas_ct_cpu_seconds_sum{step="logs",app="other.war"} 0.0005
      pkiaas_ct_cpu_seconds_sum{app="pkiaas.ear",step="logsx"} 9.0
      pkiaas_audit_events_sealed_total 12.0
      pkiaas_audit_events_sealed_total{app="pkiaas.ear"} 30.0 1733500000000
      """;

  @Test
  void sumsTheSamplesWhoseLabelsMatch() {
    assertEquals(
        0.005, ServerMeters.sum(SCRAPE, "pkiaas_ct_cpu_seconds_sum", "step=\"logs\""), 1e-12);
    assertEquals(
        0.0007,
        ServerMeters.sum(SCRAPE, "pkiaas_ct_cpu_seconds_sum", "step=\"precertificate\""),
        1e-12);
    assertEquals(0, ServerMeters.sum(SCRAPE, "pkiaas_ct_cpu_seconds_sum", "step=\"connector\""));
    assertEquals(42, ServerMeters.sum(SCRAPE, "pkiaas_audit_events_sealed_total"), 1e-12);
  }

  @Test
  void ctStepsAreCountedPerCertificate() {
    // no such meter: no reading, rather than zero
    assertNull(CtSteps.totals("pkiaas_audit_events_sealed_total 12.0\n"));
    CtSteps.Totals before = CtSteps.totals("pkiaas_ct_cpu_seconds_count{step=\"logs\"} 0.0\n");
    CtSteps.Totals after = CtSteps.totals(SCRAPE);
    assertNull(CtSteps.between(null, after, 10));
    CtSteps.PerCertificate each = CtSteps.between(before, after, 10);

    assertEquals(0.07, each.millis()[0], 1e-9);
    assertEquals(0.5, each.millis()[1], 1e-9);
    assertEquals(0.57, each.budgetSteps(), 1e-9);
    assertEquals("precertificate 0.070, logs 0.500, connector 0.000", each.byStep());
  }
}
