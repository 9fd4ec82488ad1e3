package org.pkiaas.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The test server's MicroProfile Health endpoints on its management interface, as a load balancer
 * asks them: {@code /health/live} and {@code /health/ready}, 200 when UP and 503 when DOWN.
 */
final class Health {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One answer: the HTTP status and the document. */
  record Answer(int status, JsonObject body) {

    String overall() {
      return body.getString("status");
    }

    /** The named check, if the answer has it. */
    Optional<JsonObject> check(String name) {
      return body.getJsonArray("checks").stream()
          .map(JsonObject.class::cast)
          .filter(check -> name.equals(check.getString("name")))
          .findFirst();
    }

    /** The named check's status, or "absent". */
    String status(String name) {
      return check(name).map(check -> check.getString("status")).orElse("absent");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private Health() {}

  static Answer ready() {
    return get("/health/ready");
  }

  static Answer live() {
    return get("/health/live");
  }

  private static Answer get(String path) {
    URI uri =
        URI.create(
            "http://127.0.0.1:" + Integer.getInteger("pkiaas.it.management-port", 10090) + path);
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(), Json.createReader(new StringReader(response.body())).readObject());
    } catch (IOException e) {
      throw new IllegalStateException("no answer from " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
