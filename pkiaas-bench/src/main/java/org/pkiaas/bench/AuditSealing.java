package org.pkiaas.bench;

import java.io.IOException;
import java.util.Locale;

/**
 * What the audit chain's sealer spent while a path was measured, from the server's own meters
 * ({@code pkiaas_audit_sealing_cpu_seconds_sum}, {@code pkiaas_audit_events_sealed_total} on the
 * management interface's {@code /prometheus}, URL in {@code bench.metrics.url}). The sealer runs
 * every five seconds behind the requests; over a measurement of many such periods the events it
 * seals equal, on average, those the measured operations write.
 */
final class AuditSealing {

  /** The sealer's totals at one moment. */
  record Totals(double cpuSeconds, double events) {}

  private final ServerMeters meters;

  private AuditSealing(ServerMeters meters) {
    this.meters = meters;
  }

  /** Read from {@code meters}; null when there are none. */
  static AuditSealing of(ServerMeters meters) {
    return meters == null ? null : new AuditSealing(meters);
  }

  Totals now() throws IOException, InterruptedException {
    String text = meters.scrape();
    return new Totals(
        ServerMeters.sum(text, "pkiaas_audit_sealing_cpu_seconds_sum"),
        ServerMeters.sum(text, "pkiaas_audit_events_sealed_total"));
  }

  /** One line of the report: the sealer's CPU per operation beside the server's. */
  static String line(String path, Totals before, Totals after, long operations, double serverMs) {
    double cpuMs = 1000 * (after.cpuSeconds() - before.cpuSeconds());
    double events = after.events() - before.events();
    double perOperation = operations == 0 ? 0 : cpuMs / operations;
    return String.format(
        Locale.ROOT,
        "- audit sealing during \"%s\": %,.0f events sealed, %.0f ms of the sealer's CPU"
            + " (%.3f ms per event): %.3f ms per operation, %.1f %% of the server's %.2f ms.",
        path,
        events,
        cpuMs,
        events == 0 ? 0 : cpuMs / events,
        perOperation,
        serverMs == 0 ? 0 : 100 * perOperation / serverMs,
        serverMs);
  }
}
