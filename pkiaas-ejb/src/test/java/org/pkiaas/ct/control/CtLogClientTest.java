package org.pkiaas.ct.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a local HTTP server: the route, the body, and each way a log can fail. */
class CtLogClientTest {

  private final ExecutorService connector = Executors.newCachedThreadPool();
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
  private final CtLogClient client = client(Duration.ofSeconds(2));
  private final AtomicReference<String> received = new AtomicReference<>();
  private final AtomicReference<String> protocol = new AtomicReference<>();
  private HttpServer server;

  /** More submissions at once than any pool's queue the client once had (256). */
  private static final int BURST = 400;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    client.close();
    connector.shutdownNow();
    watchdog.shutdownNow();
  }

  private CtLogClient client(Duration connectTimeout) {
    return new CtLogClient(
        connectTimeout, connector, watchdog, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  private String serve(int status, byte[] body, long delayMillis) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), BURST);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/log/ct/v1/",
        exchange -> {
          protocol.set(
              exchange.getProtocol()
                  + " Upgrade: "
                  + exchange.getRequestHeaders().getFirst("Upgrade"));
          received.set(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          try {
            Thread.sleep(delayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          // each answer closes its connection, so no request meets one the server has dropped
          // (it keeps at most 200 idle) and a POST, which is not retried, fails
          exchange.getResponseHeaders().set("Connection", "close");
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          } catch (IOException e) {
            // the client went away: what the deadline test wants
          }
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/log/";
  }

  @Test
  void addPreChainPostsTheChainAsJsonToItsRoute() throws Exception {
    String log = serve(200, "{\"ok\":1}".getBytes(StandardCharsets.UTF_8), 0);

    CtLogClient.Answer answer =
        client.addPreChain(log, List.of(new byte[] {1}), Duration.ofSeconds(5)).answer();

    assertTrue(answer.ok(), answer.summary());
    assertEquals("{\"ok\":1}", answer.body());
    assertEquals(
        "POST /log/ct/v1/add-pre-chain application/json {\"chain\":[\"AQ==\"]}", received.get());
    // cleartext: HTTP/1.1 from the start, no h2c upgrade attempted
    assertEquals("HTTP/1.1 Upgrade: null", protocol.get());
  }

  @Test
  void aLogErrorIsAnAnswerWithItsStatusAndBody() throws Exception {
    String log = serve(400, "{\"error\":\"bad chain\"}".getBytes(StandardCharsets.UTF_8), 0);

    CtLogClient.Answer answer =
        client.addChain(log, List.of(new byte[] {1}), Duration.ofSeconds(5)).answer();

    assertFalse(answer.ok());
    assertEquals("HTTP 400", answer.summary(), "the requester is not shown the body");
    assertEquals("HTTP 400: {\"error\":\"bad chain\"}", answer.withBody());
    assertTrue(received.get().startsWith("POST /log/ct/v1/add-chain "), received.get());
  }

  @Test
  void aSlowLogRunsIntoItsDeadline() throws Exception {
    String log = serve(200, "{}".getBytes(StandardCharsets.UTF_8), 3000);
    long start = System.nanoTime();

    CtLogClient.Answer answer =
        client.addPreChain(log, List.of(new byte[] {1}), Duration.ofMillis(300)).answer();

    assertEquals("no answer within 300 ms", answer.summary());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2500);
  }

  @Test
  void anOverlongAnswerIsCutOff() throws Exception {
    String log = serve(200, new byte[CtJson.MAX_ANSWER_BYTES + 1], 0);

    CtLogClient.Answer answer =
        client.addPreChain(log, List.of(new byte[] {1}), Duration.ofSeconds(5)).answer();

    assertFalse(answer.ok());
    assertEquals(
        "the answer is longer than " + CtJson.MAX_ANSWER_BYTES + " bytes", answer.summary());
  }

  @Test
  void aLogOnALinkLocalOrMetadataAddressIsNotContacted() {
    for (String log :
        List.of("http://169.254.169.254/log", "http://[fe80::1]/", "http://0.0.0.0/")) {
      CtLogClient.Answer answer =
          client.addPreChain(log, List.of(new byte[] {1}), Duration.ofSeconds(5)).answer();

      assertEquals("the log's address is not one the server connects to", answer.summary(), log);
    }
  }

  @Test
  void aLogUrlThatIsNotHttpIsRefusedTwiceAlike() {
    for (String log :
        List.of("ftp://log.example/", "log.example/ct", "http://[::1/", "ftp://log.example/")) {
      CtLogClient.Answer answer =
          client.addPreChain(log, List.of(new byte[] {1}), Duration.ofSeconds(5)).answer();

      assertEquals("the log URL is not an http or https URL", answer.summary(), log);
    }
  }

  @Test
  void aClosedPortIsConnectionRefused() throws Exception {
    String log = serve(200, new byte[0], 0);
    server.stop(0);
    server = null;

    CtLogClient.Answer answer =
        client.addPreChain(log, List.of(new byte[] {1}), Duration.ofSeconds(5)).answer();

    assertEquals("connection refused", answer.summary());
  }

  @Test
  void logsAskedTogetherAnswerTogether() throws Exception {
    String log = serve(200, "{}".getBytes(StandardCharsets.UTF_8), 600);
    long start = System.nanoTime();

    var first = client.addPreChain(log, List.of(new byte[] {1}), Duration.ofSeconds(5));
    var second = client.addPreChain(log, List.of(new byte[] {2}), Duration.ofSeconds(5));

    assertTrue(first.answer().ok());
    assertTrue(second.answer().ok());
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    assertTrue(millis < 1100, "both answered in " + millis + " ms: one after the other is 1200");
  }

  @Test
  void aBurstOfSubmissionsIsAnsweredAndTheClientGoesOn() throws Exception {
    String log = serve(200, "{}".getBytes(StandardCharsets.UTF_8), 200);
    // a connect refused by a full backlog is retried after a second or more: time enough for that
    CtLogClient patient = client(Duration.ofSeconds(20));
    List<CtLogClient.Submission> burst = new ArrayList<>();

    for (int i = 0; i < BURST; i++) {
      burst.add(patient.addPreChain(log, List.of(new byte[] {1}), Duration.ofSeconds(20)));
    }

    for (CtLogClient.Submission answer : burst) {
      assertEquals("HTTP 200", answer.answer().summary());
    }
    assertTrue(
        patient.addPreChain(log, List.of(new byte[] {2}), Duration.ofSeconds(5)).answer().ok());
  }

  @Test
  void aLogThatAnswersByTheByteStillEndsAtItsDeadlineAndLosesItsConnection() throws Exception {
    CountDownLatch dropped = new CountDownLatch(1);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/log/ct/v1/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, 100);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
              out.write(' ');
              out.flush();
              Thread.sleep(50);
            }
          } catch (IOException e) {
            dropped.countDown(); // the client closed the connection at its deadline
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
    String log = "http://127.0.0.1:" + server.getAddress().getPort() + "/log/";
    long start = System.nanoTime();

    CtLogClient.Answer answer =
        client.addPreChain(log, List.of(new byte[] {1}), Duration.ofMillis(400)).answer();

    assertEquals("no answer within 400 ms", answer.summary());
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    assertTrue(millis < 2000, "ended after " + millis + " ms; the whole answer takes 5,000");
    assertTrue(
        dropped.await(2, TimeUnit.SECONDS),
        "the log could still send its answer 2 s after the deadline: the connection stayed open");
  }
}
