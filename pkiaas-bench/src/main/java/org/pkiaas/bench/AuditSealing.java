package org.pkiaas.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

  private final URI metrics;
  private final HttpClient http = HttpClient.newHttpClient();

  private AuditSealing(URI metrics) {
    this.metrics = metrics;
  }

  /** From {@code bench.metrics.url}; null when it is not set. */
  static AuditSealing fromProperties() {
    String url = System.getProperty("bench.metrics.url", "");
    return url.isBlank() ? null : new AuditSealing(URI.create(url));
  }

  Totals now() throws IOException, InterruptedException {
    String text =
        http.send(
                HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return new Totals(
        sample(text, "pkiaas_audit_sealing_cpu_seconds_sum"),
        sample(text, "pkiaas_audit_events_sealed_total"));
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

  // the sum of a metric's samples over every label set (the deployment's tag among them)
  private static double sample(String text, String name) {
    double sum = 0;
    for (String line : text.lines().toList()) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }
}
