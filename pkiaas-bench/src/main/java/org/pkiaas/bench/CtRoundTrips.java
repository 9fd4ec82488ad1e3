package org.pkiaas.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "log round trips" of issue 19's CT budget, measured: the CPU a client spends sending two
 * {@code add-pre-chain} requests (RFC 6962 §4.2) and reading their answers, as the server's log
 * client does for each certificate: the JSON body with the base64 chain sent to both logs from the
 * calling thread over {@link HttpURLConnection} (kept-alive connections, the body streamed), a
 * watchdog timer set and cancelled for each, then both answers read and their JSON and base64
 * fields decoded. Two {@link Rfc6962Log}s in this process answer; only the client's threads are
 * counted (the callers and the watchdog), never the logs'.
 */
final class CtRoundTrips {

  private static final int LOGS = 2;
  private static final int BATCH = 200;
  private static final int MAX_BATCHES = 8;
  private static final String WATCHDOG = "ct-round-trip-watchdog";

  /** Looked up once, as the server's CT client does. */
  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();

  /**
   * The client's CPU per certificate (both logs), after a warm-up of {@code warmUpOperations}, with
   * {@code callers} certificates' pairs in flight at once.
   */
  record Cost(double cpuMillis, long operations, long warmUpOperations, int callers) {}

  private CtRoundTrips() {}

  /**
   * @param callers threads that each send their share of {@code operations} pairs one after the
   *     other: 1 for the cost of a pair alone, the benchmark's clients for the server's situation,
   *     where that many issuances wait on the logs at once
   */
  static Cost measure(CtInMemory.Chain chain, int operations, int callers) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    var jit = ManagementFactory.getCompilationMXBean();
    ScheduledThreadPoolExecutor watchdog = watchdog();
    List<Rfc6962Log> logs = new ArrayList<>();
    try {
      for (int i = 0; i < LOGS; i++) {
        logs.add(new Rfc6962Log(0, chain.root()));
      }
      List<URI> uris =
          logs.stream().map(l -> URI.create(l.url() + "/ct/v1/add-pre-chain")).toList();
      long warmUp = 0;
      for (int batch = 0; batch < MAX_BATCHES; batch++) {
        long jitBefore = jit.getTotalCompilationTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
          roundTrips(watchdog, uris, chain.der());
        }
        warmUp += BATCH;
        long wallMillis = (System.nanoTime() - t0) / 1_000_000;
        if (batch >= 1 && (jit.getTotalCompilationTime() - jitBefore) * 100 <= wallMillis) {
          break;
        }
      }
      int each = Math.max(1, operations / callers);
      AtomicLong callersCpu = new AtomicLong();
      List<Thread> sending = new ArrayList<>();
      long before = watchdogCpu(threads);
      for (int c = 0; c < callers; c++) {
        Thread caller =
            new Thread(
                () -> {
                  long own = threads.getCurrentThreadCpuTime();
                  for (int i = 0; i < each; i++) {
                    roundTrips(watchdog, uris, chain.der());
                  }
                  callersCpu.addAndGet(threads.getCurrentThreadCpuTime() - own);
                },
                "ct-caller-" + c);
        sending.add(caller);
        caller.start();
      }
      for (Thread caller : sending) {
        caller.join();
      }
      long pairs = (long) each * callers;
      double millis = (watchdogCpu(threads) - before + callersCpu.get()) / 1e6 / pairs;
      return new Cost(millis, pairs, warmUp, callers);
    } finally {
      logs.forEach(Rfc6962Log::close);
      watchdog.shutdownNow();
    }
  }

  /** A timer thread such as the server's log client keeps for its deadlines. */
  static ScheduledThreadPoolExecutor watchdog() {
    ScheduledThreadPoolExecutor watchdog =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, WATCHDOG);
              t.setDaemon(true);
              return t;
            });
    watchdog.setRemoveOnCancelPolicy(true);
    return watchdog;
  }

  /** Both logs sent the chain, then both answers read, as the server's submission does. */
  static void roundTrips(ScheduledThreadPoolExecutor watchdog, List<URI> logs, List<byte[]> chain) {
    StringBuilder json = new StringBuilder("{\"chain\":[");
    for (int i = 0; i < chain.size(); i++) {
      json.append(i == 0 ? "\"" : ",\"")
          .append(Base64.getEncoder().encodeToString(chain.get(i)))
          .append('"');
    }
    byte[] body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    try {
      List<HttpURLConnection> sent = new ArrayList<>();
      List<ScheduledFuture<?>> timers = new ArrayList<>();
      for (URI log : logs) {
        HttpURLConnection connection =
            (HttpURLConnection) log.toURL().openConnection(Proxy.NO_PROXY);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(10_000);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body);
        }
        sent.add(connection);
        timers.add(watchdog.schedule(connection::disconnect, 10, TimeUnit.SECONDS));
      }
      for (int i = 0; i < sent.size(); i++) {
        HttpURLConnection connection = sent.get(i);
        int status = connection.getResponseCode();
        byte[] answer;
        try (InputStream in = connection.getInputStream()) {
          answer = in.readNBytes(16 * 1024 + 1);
        }
        timers.get(i).cancel(false);
        signature(status, new String(answer, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] signature(int status, String answer) {
    if (status != 200) {
      throw new IllegalStateException("The log answered " + status);
    }
    try (var reader = JSON.createReader(new java.io.StringReader(answer))) {
      var sct = reader.readObject();
      Base64.getDecoder().decode(sct.getString("id"));
      return Base64.getDecoder().decode(sct.getString("signature"));
    }
  }

  /** The watchdog's CPU (nanoseconds); the callers count their own. */
  private static long watchdogCpu(ThreadMXBean threads) {
    long total = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(WATCHDOG)) {
        total += Math.max(0, threads.getThreadCpuTime(t.getId()));
      }
    }
    return total;
  }
}
