package org.pkiaas.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "log round trips" of issue 19's CT budget, measured: the CPU a client spends sending two
 * {@code add-pre-chain} requests at once (RFC 6962 §4.2) and reading their answers, as the server
 * does for each certificate: the JSON body with the base64 chain, {@link HttpClient} running its
 * tasks on the threads that hand them over, the answers' JSON read and their base64 fields decoded.
 * Two {@link Rfc6962Log}s in this process answer; only the client's threads are counted (the
 * calling thread, the client's selector thread and the common pool, where {@code sendAsync}
 * completes its answers), never the logs'. A pair waits some 30 ms for the in-process logs
 * (latency, not CPU), so the counts stay small: a few thousand pairs take minutes.
 */
final class CtRoundTrips {

  private static final int LOGS = 2;
  private static final int BATCH = 200;
  private static final int MAX_BATCHES = 8;

  /**
   * {@code sendAsync} completes every answer on {@code CompletableFuture}'s default executor, the
   * common pool, where the answer's JSON is then read: that hop is part of a round trip.
   */
  private static final String COMMON_POOL = "ForkJoinPool.commonPool-worker-";

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
    List<Rfc6962Log> logs = new ArrayList<>();
    try {
      for (int i = 0; i < LOGS; i++) {
        logs.add(new Rfc6962Log(0, chain.root()));
      }
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1) // as the server asks a cleartext log
              .executor(
                  Runnable::run) // as the server's CT client (which also catches a task's throw)
              .connectTimeout(Duration.ofSeconds(5))
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      List<URI> uris =
          logs.stream().map(l -> URI.create(l.url() + "/ct/v1/add-pre-chain")).toList();
      long warmUp = 0;
      for (int batch = 0; batch < MAX_BATCHES; batch++) {
        long jitBefore = jit.getTotalCompilationTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
          roundTrips(http, uris, chain.der());
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
      long before = clientCpu(threads);
      for (int c = 0; c < callers; c++) {
        Thread caller =
            new Thread(
                () -> {
                  long own = threads.getCurrentThreadCpuTime();
                  for (int i = 0; i < each; i++) {
                    roundTrips(http, uris, chain.der());
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
      double millis = (clientCpu(threads) - before + callersCpu.get()) / 1e6 / pairs;
      return new Cost(millis, pairs, warmUp, callers);
    } finally {
      logs.forEach(Rfc6962Log::close);
    }
  }

  /** Both logs asked at once, both answers read, as the server's submission does. */
  static void roundTrips(HttpClient http, List<URI> logs, List<byte[]> chain) {
    List<CompletableFuture<byte[]>> answers = new ArrayList<>();
    for (URI log : logs) {
      StringBuilder body = new StringBuilder("{\"chain\":[");
      for (int i = 0; i < chain.size(); i++) {
        body.append(i == 0 ? "\"" : ",\"")
            .append(Base64.getEncoder().encodeToString(chain.get(i)))
            .append('"');
      }
      HttpRequest request =
          HttpRequest.newBuilder(log)
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString()))
              .build();
      answers.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .thenApply(CtRoundTrips::signature));
    }
    answers.forEach(CompletableFuture::join);
  }

  private static byte[] signature(HttpResponse<String> answer) {
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("The log answered " + answer.statusCode());
    }
    try (var reader = JSON.createReader(new java.io.StringReader(answer.body()))) {
      var sct = reader.readObject();
      Base64.getDecoder().decode(sct.getString("id"));
      return Base64.getDecoder().decode(sct.getString("signature"));
    }
  }

  /**
   * The HTTP clients' selector threads' and the common pool's CPU (nanoseconds); the callers count
   * their own.
   */
  private static long clientCpu(ThreadMXBean threads) {
    long total = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("HttpClient-") || t.getName().startsWith(COMMON_POOL)) {
        total += Math.max(0, threads.getThreadCpuTime(t.getId()));
      }
    }
    return total;
  }
}
