package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HAProxy in front of the test server, configured as docs/operator-guide.md ("A load balancer in
 * front") shows: it checks the node's readiness on the management interface ({@code
 * /health/ready}), sets X-Forwarded-For and X-Forwarded-Proto, and the node trusts them on a
 * listener only the proxy reaches ({@code proxy-address-forwarding}). A client on another loopback
 * address (127.0.0.3) is who the audit log names for its failed sign-in, and its request counts as
 * HTTPS (the session cookie is Secure, HSTS is set).
 */
@RealClient
class HaproxyIT extends ServerIT {

  private static final String HAPROXY = "/usr/sbin/haproxy";
  private static final String CLIENT = "127.0.0.3";
  private static final int OFFSET = Integer.getInteger("pkiaas.it.port-offset", 100);
  private static final int PROXIED_PORT = 7081 + OFFSET;
  private static final int FRONT_PORT = 7085 + OFFSET;
  private static final int MANAGEMENT_PORT = Integer.getInteger("pkiaas.it.management-port", 10090);

  @TempDir Path dir;

  private final ServerCli cli = new ServerCli(System.getProperty("pkiaas.it.database", "h2"));
  private Process haproxy;

  @BeforeEach
  void start() throws Exception {
    cli.run(
        "/socket-binding-group=standard-sockets/socket-binding=pkiaas-proxied:add(port=7081)",
        "/subsystem=undertow/server=default-server/http-listener=pkiaas-proxied:add("
            + "socket-binding=pkiaas-proxied, proxy-address-forwarding=true)");
    String config =
        String.join(
            "\n",
            "global",
            "    stats socket " + dir.resolve("admin.sock") + " mode 600 level admin",
            "defaults",
            "    mode http",
            "    timeout connect 5s",
            "    timeout client 30s",
            "    timeout server 30s",
            "frontend pkiaas-front",
            "    bind 127.0.0.1:" + FRONT_PORT,
            "    option forwardfor",
            "    http-request set-header X-Forwarded-Proto https",
            "    default_backend pkiaas",
            "backend pkiaas",
            "    balance roundrobin",
            "    option httpchk GET /health/ready",
            "    http-check expect status 200",
            "    cookie SERVERID insert indirect nocache httponly secure",
            "    server node-a 127.0.0.1:"
                + PROXIED_PORT
                + " check port "
                + MANAGEMENT_PORT
                + " inter 1s fall 2 rise 2 cookie node-a",
            "");
    Path file = dir.resolve("haproxy.cfg");
    Files.writeString(file, config);
    haproxy =
        new ProcessBuilder(HAPROXY, "-db", "-f", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("haproxy.log").toFile())
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    if (haproxy != null) {
      haproxy.destroy();
      haproxy.waitFor(10, TimeUnit.SECONDS);
    }
    String state =
        cli.removeInPlace(
            "/subsystem=undertow/server=default-server/http-listener=pkiaas-proxied",
            "/socket-binding-group=standard-sockets/socket-binding=pkiaas-proxied");
    assertTrue(state.contains("\"running\""), state);
  }

  @Test
  void theNodeIsCheckedOnReadinessAndSeesTheForwardedClient() throws Exception {
    awaitChecked();

    String username = "haproxy-" + UUID.randomUUID().toString().substring(0, 8);
    String refused =
        throughProxy(
            "GET /api/v1/cas HTTP/1.1",
            "Authorization: Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":wrong").getBytes(StandardCharsets.UTF_8)));
    assertTrue(refused.startsWith("HTTP/1.1 401"), refused);
    assertSignInFailureNames(admin, username, CLIENT);

    String page = throughProxy("GET /login.xhtml HTTP/1.1");
    assertTrue(page.startsWith("HTTP/1.1 200"), page);
    String lower = page.toLowerCase(java.util.Locale.ROOT);
    assertTrue(
        lower
            .lines()
            .anyMatch(l -> l.startsWith("set-cookie: jsessionid=") && l.contains("secure")),
        () -> "X-Forwarded-Proto https makes the session cookie Secure: " + head(page));
    assertTrue(
        lower.contains("strict-transport-security: max-age=31536000"),
        () -> "and the answer carries HSTS: " + head(page));
  }

  /**
   * The audit log has one entry of {@code username}'s failed sign-in, and it names {@code client},
   * not the proxy in between.
   */
  static void assertSignInFailureNames(Api admin, String username, String client) {
    List<JsonObject> events =
        admin.get("/api/v1/audit?size=500").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(e -> "account.signin".equals(e.getString("action")))
            .filter(e -> e.getString("detail", "").contains(username))
            .toList();
    assertEquals(1, events.size(), events::toString);
    assertTrue(
        events.get(0).getString("detail").contains(client),
        () -> "the client's address, not the proxy's: " + events.get(0));
  }

  /** Waits until HAProxy's health check of the node passed: status UP, check L7OK (HTTP 200). */
  private void awaitChecked() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String stat = "";
    while (System.nanoTime() < deadline) {
      if (haproxy.isAlive() && Files.exists(dir.resolve("admin.sock"))) {
        stat = showStat();
        if (stat.lines().anyMatch(l -> l.startsWith("pkiaas,node-a,") && l.contains(",UP,"))
            && stat.contains("L7OK")) {
          return;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "HAProxy did not find the node ready: "
            + stat
            + Files.readString(dir.resolve("haproxy.log")));
  }

  private String showStat() throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(dir.resolve("admin.sock")));
      channel.write(ByteBuffer.wrap("show stat\n".getBytes(StandardCharsets.US_ASCII)));
      return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  /** One request to HAProxy from {@value #CLIENT}; the answer's head and body as text. */
  private static String throughProxy(String requestLine, String... headers) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(CLIENT), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), FRONT_PORT), 5000);
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder(requestLine).append("\r\n");
      request.append("Host: localhost:").append(FRONT_PORT).append("\r\n");
      request.append("Connection: close\r\n");
      for (String header : headers) {
        request.append(header).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String head(String answer) {
    int end = answer.indexOf("\r\n\r\n");
    return end < 0 ? answer : answer.substring(0, end);
  }
}
