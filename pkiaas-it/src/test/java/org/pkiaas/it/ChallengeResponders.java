package org.pkiaas.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a domain's owner runs for ACME validation, in the test: a web server on the port the
 * server's http-01 validation uses, and the DNS server it is configured to ask ({@link
 * ChallengeDns}, which resolves every name to 127.0.0.1).
 */
final class ChallengeResponders {

  private static final Map<String, String> HTTP = new ConcurrentHashMap<>();
  private static final Map<String, String> REDIRECTS = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
  private static HttpServer http;

  private ChallengeResponders() {}

  static synchronized void start() {
    try {
      if (http == null) {
        startHttp();
      }
      ChallengeDns.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void startHttp() throws IOException {
    http =
        HttpServer.create(
            new InetSocketAddress(
                InetAddress.getLoopbackAddress(),
                Integer.getInteger("pkiaas.it.acme.http01-port", 5102)),
            0);
    http.createContext(
        "/.well-known/acme-challenge/",
        exchange -> {
          String token =
              exchange.getRequestURI().getPath().substring("/.well-known/acme-challenge/".length());
          HITS.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
          String redirect = REDIRECTS.get(token);
          if (redirect != null) {
            exchange.getResponseHeaders().add("Location", redirect);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
          }
          String answer = HTTP.get(token);
          byte[] body =
              (answer == null ? "unknown token" : answer).getBytes(StandardCharsets.US_ASCII);
          exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    http.start();
  }

  /**
   * Frees the http-01 port for a real client's own responder (certbot --standalone); {@link #start}
   * takes it again.
   */
  static synchronized void stopHttp() {
    if (http != null) {
      http.stop(0);
      http = null;
    }
  }

  /** Answers {@code /.well-known/acme-challenge/<token>} with a 302 to {@code location}. */
  static void redirect(String token, String location) {
    REDIRECTS.put(token, location);
  }

  /** How often the validation asked for {@code token}, answered or not. */
  static int hits(String token) {
    AtomicInteger hits = HITS.get(token);
    return hits == null ? 0 : hits.get();
  }

  /** Serves {@code keyAuthorization} at {@code /.well-known/acme-challenge/<token>}. */
  static void http(String token, String keyAuthorization) {
    HTTP.put(token, keyAuthorization);
  }
}
