package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WildFly's own Undertow reverse proxy in front of the test server, configured with the CLI
 * commands of docs/operator-guide.md ("A load balancer in front"), read from the guide itself: a
 * plain WildFly (no PKIaaS) balances over AJP to the node, whose AJP listener is added with the
 * guide's command. A client on another loopback address (127.0.0.3) talks HTTPS to the balancer;
 * OCSP, CRL and API requests pass, the audit log names that client for its failed sign-in, and the
 * node counts the request as HTTPS (AJP carries both). The guide's {@code instance-id} needs a
 * reload of the node, which the shared test server does not get: stickiness is not checked here.
 */
@RealClient
class UndertowBalancerIT extends ServerIT {

  private static final String CLIENT = "127.0.0.3";
  private static final int OFFSET = Integer.getInteger("pkiaas.it.port-offset", 100);

  /** Above the test server's and every other helper's offsets. */
  private static final int BALANCER_OFFSET = OFFSET + 65;

  private static final int NODE_AJP_PORT = 8009 + OFFSET;
  private static final Path GUIDE = Path.of("../docs/operator-guide.md");

  @TempDir Path dir;

  private final ServerCli cli = new ServerCli(System.getProperty("pkiaas.it.database", "h2"));
  private ClusterNode balancer;
  private boolean ajpAdded;

  @AfterEach
  void stop() throws Exception {
    if (balancer != null) {
      balancer.stop();
    }
    if (ajpAdded) {
      String state =
          cli.removeInPlace("/subsystem=undertow/server=default-server/ajp-listener=ajp");
      assertTrue(state.contains("\"running\""), state);
    }
  }

  @Test
  void theGuidesBalancerPassesProtocolsAndTheApiWithTheClientsAddress() throws Exception {
    String guide = Files.readString(GUIDE);
    cli.run(nodeListener(guide));
    ajpAdded = true;
    startBalancer(balancerCommands(guide));

    StatusPki pki = new StatusPki(Api.newUser(), "Balanced Root");
    BigInteger serial = StatusPki.serial(pki.issue("balanced.example.test"));
    String encoded =
        URLEncoder.encode(
            Base64.getEncoder().encodeToString(pki.request(null, serial)), StandardCharsets.UTF_8);
    Answer ocsp = throughBalancer("GET /pki/ocsp/" + pki.caId + "/" + encoded);
    assertEquals(200, ocsp.status(), ocsp::head);
    OCSPResp response = new OCSPResp(ocsp.body());
    assertEquals(OCSPResp.SUCCESSFUL, response.getStatus());
    Answer crl = throughBalancer("GET /pki/crl/" + pki.caId + ".crl");
    assertEquals(200, crl.status(), crl::head);
    assertEquals(0x30, crl.body()[0] & 0xff, "a DER CRL");

    String username = "balanced-" + UUID.randomUUID().toString().substring(0, 8);
    Answer refused =
        throughBalancer(
            "GET /api/v1/cas",
            "Authorization: Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":wrong").getBytes(StandardCharsets.UTF_8)));
    assertEquals(401, refused.status(), refused::head);
    HaproxyIT.assertSignInFailureNames(admin, username, CLIENT);
    String adminCredentials =
        "admin:" + System.getProperty("pkiaas.it.admin-password", "it-admin-password-1");
    Answer signedIn =
        throughBalancer(
            "GET /api/v1/accounts/me",
            "Authorization: Basic "
                + Base64.getEncoder()
                    .encodeToString(adminCredentials.getBytes(StandardCharsets.UTF_8)));
    assertEquals(200, signedIn.status(), "the API answers, over HTTPS as the node sees it");

    Answer page = throughBalancer("GET /login.xhtml");
    assertEquals(200, page.status(), page::head);
    String head = page.head().toLowerCase(Locale.ROOT);
    assertTrue(
        head.lines().anyMatch(l -> l.startsWith("set-cookie: jsessionid=") && l.contains("secure")),
        () -> "the node knows the client used HTTPS: " + page.head());
  }

  /** The node's AJP listener, as the guide's text gives it. */
  private static String nodeListener(String guide) {
    Matcher matcher =
        Pattern.compile("`(/subsystem=undertow/server=default-server/ajp-listener=[^`]+)`")
            .matcher(guide);
    assertTrue(matcher.find(), "the guide adds an AJP listener on each node");
    return matcher.group(1);
  }

  /**
   * The balancer's CLI block, the first after "WildFly itself can be the balancer", for the one
   * node there is: node-b's lines dropped, node-a's address and AJP port this machine's.
   */
  private static List<String> balancerCommands(String guide) {
    int intro = guide.indexOf("WildFly itself can be the balancer");
    assertTrue(intro > 0, "the guide describes WildFly as a balancer");
    int start = guide.indexOf("```\n", intro) + 4;
    String block = guide.substring(start, guide.indexOf("```", start));
    List<String> commands = new ArrayList<>();
    for (String line : block.lines().toList()) {
      if (!line.isBlank() && !line.contains("node-b")) {
        commands.add(
            line.replace("host=10.0.0.11", "host=127.0.0.1")
                .replace("port=8009", "port=" + NODE_AJP_PORT));
      }
    }
    assertTrue(commands.size() >= 4, () -> "the guide's commands: " + block);
    return commands;
  }

  /** A plain WildFly from the test distribution, configured offline, then started. */
  private void startBalancer(List<String> commands) throws Exception {
    Path base = dir.resolve("balancer");
    String config = "standalone-ha.xml"; // as WildFly ships it: no PKIaaS, a "/" location
    balancer =
        new ClusterNode(
            "h2",
            "balancer",
            base,
            BALANCER_OFFSET,
            List.of("jboss.server.default.config=" + config),
            Map.of());
    List<String> script = new ArrayList<>();
    script.add("embed-server --server-config=" + config + " --std-out=discard");
    script.addAll(commands);
    script.add("stop-embedded-server");
    Path file = dir.resolve("balancer.cli");
    Files.write(file, script);
    Path home =
        Path.of(System.getProperty("pkiaas.it.servers", "target/servers"), "h2").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + file)
            .redirectErrorStream(true);
    builder.environment().put("JAVA_OPTS", "-Xmx256m -Djboss.server.base.dir=" + base);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(
        process.waitFor(2, TimeUnit.MINUTES) && process.exitValue() == 0,
        () -> "the guide's commands fail: " + script + "\n" + output);
    balancer.start();
    balancer.awaitLog("WFLYSRV0025", Duration.ofMinutes(2));
  }

  /** An answer's status, head and body (bytes). */
  private record Answer(int status, String head, byte[] body) {}

  /** One request over HTTPS to the balancer from {@value #CLIENT}. */
  private static Answer throughBalancer(String requestLine, String... headers) throws Exception {
    int port = 8443 + BALANCER_OFFSET;
    try (Socket plain = new Socket()) {
      plain.bind(new InetSocketAddress(InetAddress.getByName(CLIENT), 0));
      plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      plain.setSoTimeout(30_000);
      try (SSLSocket socket =
          (SSLSocket)
              AnyServerCertificate.context()
                  .getSocketFactory()
                  .createSocket(plain, "localhost", port, true)) {
        StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
        request.append("Host: localhost:").append(port).append("\r\n");
        request.append("Connection: close\r\n");
        for (String header : headers) {
          request.append(header).append("\r\n");
        }
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return answer(socket.getInputStream().readAllBytes());
      }
    }
  }

  private static Answer answer(byte[] whole) throws IOException {
    String text = new String(whole, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String head = text.substring(0, end);
    byte[] body = java.util.Arrays.copyOfRange(whole, end + 4, whole.length);
    if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
      body = dechunk(body);
    }
    return new Answer(Integer.parseInt(head.split(" ")[1]), head, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    String text = new String(chunked, StandardCharsets.ISO_8859_1);
    int at = 0;
    while (true) {
      int lineEnd = text.indexOf("\r\n", at);
      int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
  }
}
