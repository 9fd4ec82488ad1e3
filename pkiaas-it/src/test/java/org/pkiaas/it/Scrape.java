package org.pkiaas.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * One scrape of the test server's Prometheus endpoint ({@code /prometheus} on the management
 * interface), read as Prometheus would: a sample is a metric name, its labels and a value.
 */
final class Scrape {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String text;

  private Scrape(String text) {
    this.text = text;
  }

  static Scrape now() {
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + Integer.getInteger("pkiaas.it.management-port", 10090)
                + "/prometheus");
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("scrape of " + uri + ": " + response.statusCode());
      }
      return new Scrape(response.body());
    } catch (IOException e) {
      throw new AssertionError("no answer from " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  String text() {
    return text;
  }

  /**
   * The sum of the samples named {@code name} whose labels include every one of {@code labels}
   * (other labels, such as WildFly's deployment labels, may be there too); 0 when there is none.
   */
  /** How much the samples named {@code name} with these labels grew since {@code before}. */
  double grewSince(Scrape before, String name, Map<String, String> labels) {
    return value(name, labels) - before.value(name, labels);
  }

  double value(String name, Map<String, String> labels) {
    double sum = 0;
    for (String line : text.lines().toList()) {
      if (line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      String sampleName =
          brace < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, brace);
      if (!sampleName.equals(name)) {
        continue;
      }
      String labelText = brace < 0 ? "" : line.substring(brace, line.lastIndexOf('}') + 1);
      boolean all =
          labels.entrySet().stream()
              .allMatch(l -> labelText.contains(l.getKey() + "=\"" + l.getValue() + "\""));
      if (all) {
        sum += Double.parseDouble(line.substring(space + 1));
      }
    }
    return sum;
  }

  boolean has(String name) {
    return text.lines()
        .anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
  }
}
