package org.pkiaas.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The server's own meters, scraped in the Prometheus text format from the management interface's
 * {@code /prometheus} (URL in {@code bench.metrics.url}), for what the server counts itself: the
 * audit sealer's CPU, the CPU of Certificate Transparency's steps.
 */
final class ServerMeters {

  private final URI metrics;
  private final HttpClient http = HttpClient.newHttpClient();

  private ServerMeters(URI metrics) {
    this.metrics = metrics;
  }

  /** From {@code bench.metrics.url}; null when it is not set. */
  static ServerMeters fromProperties() {
    String url = System.getProperty("bench.metrics.url", "");
    return url.isBlank() ? null : new ServerMeters(URI.create(url));
  }

  /** Every meter's samples now, as the text format has them. */
  String scrape() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(metrics + " answered " + response.statusCode());
    }
    return response.body();
  }

  /**
   * Whether {@code text} has any sample of {@code name}: a meter at zero is there, one unknown not.
   */
  static boolean has(String text, String name) {
    return text.lines().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " "));
  }

  /**
   * The sum of the samples of {@code name} over every label set that holds each of {@code labels}
   * ({@code step="logs"}): the deployment's own tag among the rest is summed over.
   */
  static double sum(String text, String name, String... labels) {
    double sum = 0;
    for (String line : text.lines().toList()) {
      if (line.startsWith(name + " ")) {
        if (labels.length == 0) {
          sum += value(line);
        }
      } else if (line.startsWith(name + "{")) {
        String set = line.substring(name.length(), line.lastIndexOf('}') + 1);
        boolean all = true;
        for (String label : labels) {
          all &= set.contains("{" + label) || set.contains("," + label);
        }
        if (all) {
          sum += value(line);
        }
      }
    }
    return sum;
  }

  // the value follows the name and its labels; a timestamp may follow it
  private static double value(String line) {
    int labels = line.lastIndexOf('}');
    String rest = line.substring(labels >= 0 ? labels + 1 : line.indexOf(' ')).strip();
    int end = rest.indexOf(' ');
    return Double.parseDouble(end < 0 ? rest : rest.substring(0, end));
  }
}
