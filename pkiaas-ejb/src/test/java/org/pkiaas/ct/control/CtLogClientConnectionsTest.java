package org.pkiaas.ct.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's HTTP/1.1 against a log that answers byte for byte as scripted: kept connections, the
 * ways an answer's body can end (RFC 9112 §6.3), interim answers, a kept connection the log has
 * closed, and TLS with the log's name checked.
 */
class CtLogClientConnectionsTest {

  private static final String SCT = "{\"sct_version\":0}";

  private final ExecutorService connector = Executors.newCachedThreadPool();
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
  private ScriptedLog log;
  private HttpsServer https;

  @AfterEach
  void stop() throws IOException {
    if (log != null) {
      log.close();
    }
    if (https != null) {
      https.stop(0);
    }
    connector.shutdownNow();
    watchdog.shutdownNow();
  }

  private CtLogClient client(SSLSocketFactory tls) {
    return new CtLogClient(Duration.ofSeconds(2), connector, watchdog, tls);
  }

  private CtLogClient client() {
    return client((SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  private static CtLogClient.Answer submit(CtLogClient client, String url) {
    return send(client, url, 5000).answer();
  }

  /** A one-byte chain to {@code url}'s add-pre-chain, with a deadline. */
  private static CtLogClient.Submission send(CtLogClient client, String url, long millis) {
    return client.addPreChain(url, List.of(new byte[] {1}), Duration.ofMillis(millis));
  }

  private static String withLength(String body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length()
        + "\r\n\r\n"
        + body;
  }

  @Test
  void aConnectionIsKeptForTheNextSubmission() throws Exception {
    log = new ScriptedLog(withLength(SCT), withLength(SCT), withLength(SCT));
    CtLogClient client = client();

    for (int i = 0; i < 3; i++) {
      CtLogClient.Answer answer = submit(client, log.url());
      assertEquals(SCT, answer.body(), answer.summary());
    }

    assertEquals(1, log.connections.get(), "three submissions, one connection");
    assertEquals(
        "POST /log/ct/v1/add-pre-chain HTTP/1.1|Host: 127.0.0.1:" + log.port(),
        log.requests.peek().lines().limit(2).reduce((a, b) -> a + "|" + b).orElseThrow());
    assertTrue(log.requests.peek().endsWith("\r\n\r\n{\"chain\":[\"AQ==\"]}"));
  }

  @Test
  void aChunkedAnswerIsJoinedAndItsConnectionKept() throws Exception {
    String chunked =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "6\r\n{\"sct_\r\n"
            + "b;name=value\r\nversion\":0}\r\n"
            + "0\r\nTrailer-Field: x\r\n\r\n";
    log = new ScriptedLog(chunked, withLength(SCT));
    CtLogClient client = client();

    assertEquals(SCT, submit(client, log.url()).body());
    assertEquals(SCT, submit(client, log.url()).body());
    assertEquals(1, log.connections.get());
  }

  @Test
  void anAnswerThatEndsWithItsConnectionIsReadToTheEnd() throws Exception {
    log = new ScriptedLog("HTTP/1.1 200 OK\r\n\r\n" + SCT + ScriptedLog.CLOSE, withLength(SCT));
    CtLogClient client = client();

    assertEquals(SCT, submit(client, log.url()).body());
    assertEquals(SCT, submit(client, log.url()).body());
    assertEquals(2, log.connections.get(), "the first connection cannot carry a second answer");
  }

  @Test
  void interimAnswersAreSkipped() throws Exception {
    log = new ScriptedLog("HTTP/1.1 100 Continue\r\n\r\n" + withLength(SCT));

    CtLogClient.Answer answer = submit(client(), log.url());

    assertEquals(200, answer.httpStatus());
    assertEquals(SCT, answer.body());
  }

  @Test
  void aKeptConnectionTheLogHasClosedIsReplacedOnce() throws Exception {
    log = new ScriptedLog(withLength(SCT) + ScriptedLog.CLOSE, withLength(SCT));
    CtLogClient client = client();
    assertEquals(SCT, submit(client, log.url()).body());
    assertTrue(log.closed.await(2, TimeUnit.SECONDS));

    CtLogClient.Answer again = submit(client, log.url());

    assertEquals(SCT, again.body(), again.summary());
    assertEquals(2, log.connections.get());
    assertEquals(2, log.requests.size(), "the request went out again on the new connection");
  }

  @Test
  void bytesAfterAnAnswerOrAnAmbiguousLengthCostTheConnection() throws Exception {
    log =
        new ScriptedLog(
            withLength(SCT) + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}",
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(SCT.length())
                + "\r\n"
                + SCT
                + "\r\n0\r\n\r\n",
            withLength(SCT));
    CtLogClient client = client();

    for (int i = 0; i < 3; i++) {
      assertEquals(SCT, submit(client, log.url()).body());
    }
    assertEquals(3, log.connections.get(), "neither of the first two connections was kept");
  }

  @Test
  void chunkSizesAreHeldToTheLimit() throws Exception {
    String head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    log =
        new ScriptedLog(
            head + "1\r\nx\r\n7fffffffffffffff\r\n",
            head + "1\r\nx\r\n" + Integer.toHexString(CtJson.MAX_ANSWER_BYTES) + "\r\n",
            head + "-1\r\n");
    CtLogClient client = client();

    assertEquals(
        "no proper HTTP answer: a chunk size that is not a size",
        submit(client, log.url()).summary());
    assertEquals(
        "the answer is longer than " + CtJson.MAX_ANSWER_BYTES + " bytes",
        submit(client, log.url()).summary());
    assertEquals(
        "no proper HTTP answer: a chunk size that is not a size",
        submit(client, log.url()).summary());
  }

  @Test
  void anAnswerThatArrivedWhileAnotherLogWasReadIsTakenPastItsDeadline() throws Exception {
    log =
        new ScriptedLog("HTTP/1.1 200 OK\r\nContent-Length: 17\r\n\r\n" + ScriptedLog.PAUSE + SCT);
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      CtLogClient client = client();
      CtLogClient.Submission first =
          send(client, "http://127.0.0.1:" + silent.getLocalPort() + "/log", 1000);
      CtLogClient.Submission second = send(client, log.url(), 200);

      // read after the first's deadline, well past its own and the grace after it
      assertEquals("no answer within 1000 ms", first.answer().summary());
      CtLogClient.Answer answer = second.answer();

      assertEquals(SCT, answer.body(), answer.summary());
      assertTrue(answer == second.answer(), "asked again, the same answer");
    }
  }

  @Test
  void aTlsLogTricklingItsAnswerIsCutOffAtItsDeadline() throws Exception {
    KeyStore identity = identityFor("localhost");
    CountDownLatch arrived = new CountDownLatch(1);
    int logPort = serveOverTls(identity, 300, arrived);
    try (TricklingProxy proxy = new TricklingProxy(logPort, arrived)) {
      long start = System.nanoTime();

      CtLogClient.Answer answer =
          client(trusting(identity))
              .addPreChain(
                  "https://localhost:" + proxy.port() + "/log",
                  List.of(new byte[] {1}),
                  Duration.ofMillis(700))
              .answer();

      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals("no answer within 700 ms", answer.summary());
      assertEquals(0, arrived.getCount(), "the handshake and the request went through at once");
      assertTrue(millis < 700 + LogConnection.GRACE.toMillis() + 500, "ended after " + millis);
      assertTrue(proxy.clientLeft.await(2, TimeUnit.SECONDS), "the connection stayed open");
    }
  }

  @Test
  void aLogThatDoesNotAcceptHoldsAtMostItsShareOfTheConnector() throws Exception {
    log = new ScriptedLog(withLength(SCT));
    AtomicInteger running = new AtomicInteger();
    Executor counting =
        task ->
            connector.execute(
                () -> {
                  running.incrementAndGet();
                  try {
                    task.run();
                  } finally {
                    running.decrementAndGet();
                  }
                });
    // a backlog of one that is never accepted: past two connections, connects wait for the SYN
    // retries, as with a log whose host does not answer
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CtLogClient client =
          new CtLogClient(
              Duration.ofSeconds(2),
              counting,
              watchdog,
              (SSLSocketFactory) SSLSocketFactory.getDefault());
      List<CtLogClient.Submission> stuck = new java.util.ArrayList<>();
      for (int i = 0; i < 30; i++) {
        stuck.add(send(client, "http://127.0.0.1:" + full.getLocalPort() + "/log", 1500));
      }
      long start = System.nanoTime();
      assertEquals(SCT, submit(client, log.url()).body());
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis < 1000, "the other log answered after " + millis + " ms");
      Thread.sleep(Math.max(0, 750 - millis)); // the stuck connects are still waiting
      int opening = running.get();
      assertTrue(
          opening >= 1 && opening <= LogDialer.OPENING_PER_LOG,
          opening + " connector threads at once, " + LogDialer.OPENING_PER_LOG + " allowed");

      for (CtLogClient.Submission submission : stuck) {
        assertEquals("no answer within 1500 ms", submission.answer().summary());
      }
      long ended = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(ended < 3000, "the stuck submissions ended after " + ended + " ms");
      assertTrue(ended < 3000, "the stuck submissions ended after " + ended + " ms");
    }
  }

  @Test
  void anAnswerWithoutAnEndIsNotAnAnswer() throws Exception {
    log =
        new ScriptedLog(
            "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"sct" + ScriptedLog.CLOSE,
            "not http\r\n\r\n");
    CtLogClient client = client();

    assertEquals(
        "no proper HTTP answer: the connection closed within the answer",
        submit(client, log.url()).summary());
    assertEquals(
        "no proper HTTP answer: not an HTTP/1.1 answer", submit(client, log.url()).summary());
  }

  @Test
  void anHttpsLogIsAskedOverTlsUnderItsName() throws Exception {
    KeyStore identity = identityFor("localhost");
    int port = serveOverTls(identity, 0, new CountDownLatch(1));
    CtLogClient client = client(trusting(identity));

    assertEquals(SCT, submit(client, "https://localhost:" + port + "/log").body());
    assertEquals(SCT, submit(client, "https://localhost:" + port + "/log").body());
    String other = submit(client, "https://127.0.0.1:" + port + "/log").summary();
    assertEquals("TLS failed (SSLHandshakeException)", other);
    CtLogClient.Answer untrusted =
        send(client(), "https://localhost:" + port + "/log", 5000).answer();
    assertEquals("TLS failed (SSLHandshakeException)", untrusted.summary());
    assertTrue(
        untrusted.withBody().contains("PKIX"), "the record says why: " + untrusted.withBody());
  }

  @Test
  void aLogThatStallsItsHandshakeHoldsBackNoOtherLog() throws Exception {
    log = new ScriptedLog(withLength(SCT));
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread accepting =
          new Thread(
              () -> {
                try (Socket held = silent.accept()) {
                  held.getInputStream().readAllBytes(); // never a byte of TLS back
                } catch (IOException e) {
                  // the client gave up
                }
              });
      accepting.setDaemon(true);
      accepting.start();
      CtLogClient client = client();
      long start = System.nanoTime();

      CtLogClient.Submission stalled =
          send(client, "https://localhost:" + silent.getLocalPort() + "/log", 800);
      CtLogClient.Submission other = send(client, log.url(), 5000);

      assertEquals("no answer within 800 ms", stalled.answer().summary());
      assertEquals(SCT, other.answer().body());
      long requested = TimeUnit.NANOSECONDS.toMillis(log.firstRequest - start);
      assertTrue(requested < 500, "the other log had its request after " + requested + " ms");
    }
  }

  /** A log over TLS with {@code identity} that answers each request after {@code delay} ms. */
  private int serveOverTls(KeyStore identity, long delay, CountDownLatch arrived) throws Exception {
    https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(serverContext(identity)));
    https.createContext(
        "/log/ct/v1/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          arrived.countDown();
          try {
            Thread.sleep(delay);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body = SCT.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    https.start();
    return https.getAddress().getPort();
  }

  /** A log on a plain server socket that answers the n-th request with the n-th script. */
  private static final class ScriptedLog implements AutoCloseable {

    /** Ends a script: the log closes the connection after writing it. */
    static final String CLOSE = "\u0000close";

    /** Within a script: the log waits 30 ms before it writes the rest. */
    static final String PAUSE = "\u0000pause";

    final AtomicInteger connections = new AtomicInteger();
    final Queue<String> requests = new ConcurrentLinkedQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile long firstRequest;
    private final Queue<String> scripts = new ConcurrentLinkedQueue<>();
    private final ServerSocket server;

    ScriptedLog(String... scripts) throws IOException {
      this.scripts.addAll(List.of(scripts));
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread accepting = new Thread(this::accept, "scripted-log");
      accepting.setDaemon(true);
      accepting.start();
    }

    String url() {
      return "http://127.0.0.1:" + port() + "/log/";
    }

    int port() {
      return server.getLocalPort();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket connection = server.accept();
          connections.incrementAndGet();
          Thread serving = new Thread(() -> serve(connection));
          serving.setDaemon(true);
          serving.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private void serve(Socket connection) {
      try (connection) {
        InputStream in = connection.getInputStream();
        OutputStream out = connection.getOutputStream();
        while (true) {
          String request = request(in);
          if (request == null) {
            return;
          }
          if (requests.isEmpty()) {
            firstRequest = System.nanoTime();
          }
          requests.add(request);
          String script = scripts.remove();
          boolean close = script.endsWith(CLOSE);
          String[] parts =
              script
                  .substring(0, close ? script.length() - CLOSE.length() : script.length())
                  .split(PAUSE, -1);
          for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
              Thread.sleep(30);
            }
            out.write(parts[i].getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
          if (close) {
            closed.countDown();
            return;
          }
        }
      } catch (IOException e) {
        // the client went away
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** A request's head and its Content-Length body, or null at the end of the connection. */
    private static String request(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          return null;
        }
        head.write(b);
      }
      String text = head.toString(StandardCharsets.ISO_8859_1);
      int length =
          text.lines()
              .filter(l -> l.toLowerCase().startsWith("content-length:"))
              .mapToInt(l -> Integer.parseInt(l.substring(15).trim()))
              .findFirst()
              .orElse(0);
      return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  /**
   * Passes a TLS log's bytes on: at once until the request has reached the log (the handshake),
   * then the log's bytes one by one, 30 ms apart, so that one TLS record takes seconds to arrive.
   */
  private static final class TricklingProxy implements AutoCloseable {

    final CountDownLatch clientLeft = new CountDownLatch(1);
    private final ServerSocket server;

    TricklingProxy(int logPort, CountDownLatch arrived) throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread accepting =
          new Thread(
              () -> {
                try (Socket client = server.accept();
                    Socket log = new Socket(InetAddress.getLoopbackAddress(), logPort)) {
                  Thread up =
                      new Thread(
                          () -> {
                            try {
                              client.getInputStream().transferTo(log.getOutputStream());
                            } catch (IOException e) {
                              // either side closed
                            }
                            clientLeft.countDown();
                          });
                  up.setDaemon(true);
                  up.start();
                  InputStream fromLog = log.getInputStream();
                  OutputStream toClient = client.getOutputStream();
                  for (int b = fromLog.read(); b >= 0; b = fromLog.read()) {
                    toClient.write(b);
                    toClient.flush();
                    if (arrived.getCount() == 0) {
                      Thread.sleep(30);
                    }
                  }
                } catch (IOException e) {
                  clientLeft.countDown(); // the client closed its side
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      accepting.setDaemon(true);
      accepting.start();
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  private static KeyStore identityFor(String name) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair key = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=" + name);
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        subject,
                        BigInteger.TEN,
                        Date.from(Instant.now().minusSeconds(60)),
                        Date.from(Instant.now().plusSeconds(3600)),
                        subject,
                        key.getPublic())
                    .addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, name)))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "log", key.getPrivate(), "changeit".toCharArray(), new Certificate[] {certificate});
    return store;
  }

  private static SSLContext serverContext(KeyStore identity) throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(identity, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static SSLSocketFactory trusting(KeyStore identity) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("log", identity.getCertificate("log"));
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context.getSocketFactory();
  }
}
