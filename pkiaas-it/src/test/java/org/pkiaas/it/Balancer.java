package org.pkiaas.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load balancer in front of the two nodes, in the test: an HTTP reverse proxy on the address
 * both nodes take as their public URL. It spreads requests over the nodes in turn (skipping one
 * that refuses connections), or sends every request to the node a test pins. Each answer says which
 * node gave it ({@value #NODE_HEADER}), so a test can show where its requests went.
 */
final class Balancer implements AutoCloseable {

  static final String NODE_HEADER = "X-Test-Node";

  /** Headers the JDK's client sets itself, and hop-by-hop ones. */
  private static final Set<String> NOT_FORWARDED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private final List<ClusterNode> nodes;
  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final AtomicInteger turn = new AtomicInteger();
  private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
  private final ExecutorService workers = Executors.newFixedThreadPool(16);
  private volatile ClusterNode pinned;

  Balancer(int port, List<ClusterNode> nodes) throws IOException {
    this.nodes = List.copyOf(nodes);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    server.setExecutor(workers);
    server.createContext("/", this::forward);
    server.start();
  }

  /** Sends every request to {@code node} until {@link #spread} (or another pin). */
  void pin(ClusterNode node) {
    pinned = node;
  }

  /** Spreads requests over the nodes again. */
  void spread() {
    pinned = null;
  }

  /** How many requests each node answered so far. */
  Map<String, Integer> served() {
    Map<String, Integer> counts = new HashMap<>();
    nodes.forEach(node -> counts.put(node.name(), 0));
    served.forEach((name, count) -> counts.put(name, count.get()));
    return counts;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      HttpResponse<byte[]> answer = null;
      ClusterNode node = null;
      ClusterNode chosen = pinned;
      int tries = chosen == null ? nodes.size() : 1;
      for (int i = 0; i < tries && answer == null; i++) {
        node =
            chosen != null
                ? chosen
                : nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
        try {
          answer =
              client.send(request(exchange, node, body), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
          // the next node, as a balancer's health check would have it
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (answer == null) {
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      exchange.getResponseHeaders().set(NODE_HEADER, node.name());
      served.computeIfAbsent(node.name(), n -> new AtomicInteger()).incrementAndGet();
      byte[] content = answer.body();
      boolean empty =
          content.length == 0
              || "HEAD".equals(exchange.getRequestMethod())
              || answer.statusCode() == 204
              || answer.statusCode() == 304;
      exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : content.length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(content);
        }
      }
    }
  }

  private static HttpRequest request(HttpExchange exchange, ClusterNode node, byte[] body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(node.url() + exchange.getRequestURI()))
            .timeout(Duration.ofSeconds(120))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    return builder.build();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
