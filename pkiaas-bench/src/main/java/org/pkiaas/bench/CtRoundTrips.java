package org.pkiaas.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocketFactory;
import org.pkiaas.ct.control.CtJson;
import org.pkiaas.ct.control.CtLogClient;

/**
 * The "log round trips" of issue 19's CT budget, measured: the CPU a client spends sending two
 * {@code add-pre-chain} requests at once (RFC 6962 §4.2) and reading their answers, as the server
 * does for each certificate, with the server's own client ({@link CtLogClient}): the JSON body with
 * the base64 chain, both requests written, then both answers read on the calling thread, their JSON
 * parsed into SCTs. Two {@link Rfc6962Log}s in this process answer; only the client's threads are
 * counted (the callers, and the threads that open new connections), never the logs'. A pair waits
 * some 30 ms for the in-process logs (latency, not CPU), so the counts stay small: a few thousand
 * pairs take minutes.
 */
final class CtRoundTrips {

  private static final int LOGS = 2;
  private static final int BATCH = 200;
  private static final int MAX_BATCHES = 8;

  /** The threads that open the client's connections, named so that their CPU is counted. */
  private static final String CONNECTOR = "ct-bench-connector-";

  /** The clients' watchdog (TLS deadlines, idle connections), counted as theirs. */
  private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, CONNECTOR + "watchdog");
            thread.setDaemon(true);
            return thread;
          });

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
    ExecutorService connector = connector();
    CtLogClient client = client(connector);
    try {
      for (int i = 0; i < LOGS; i++) {
        logs.add(new Rfc6962Log(0, chain.root()));
      }
      List<String> urls = logs.stream().map(Rfc6962Log::url).toList();
      long warmUp = 0;
      for (int batch = 0; batch < MAX_BATCHES; batch++) {
        long jitBefore = jit.getTotalCompilationTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
          roundTrips(client, urls, chain.der(), true);
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
                    roundTrips(client, urls, chain.der(), true);
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
      client.close();
      connector.shutdownNow();
    }
  }

  /** A client as the server's, whose connections are opened on threads named for counting. */
  static CtLogClient client(ExecutorService connector) {
    return new CtLogClient(
        Duration.ofSeconds(5),
        connector,
        WATCHDOG,
        (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  static ExecutorService connector() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(
        task -> {
          Thread thread = new Thread(task, CONNECTOR + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Both logs asked at once, then both answers read and their SCTs parsed, as the server's
   * submission does ({@code add-pre-chain}), or a final certificate's {@code add-chain}.
   */
  static void roundTrips(CtLogClient client, List<String> logs, List<byte[]> chain, boolean pre) {
    List<CtLogClient.Submission> sent = new ArrayList<>();
    for (String log : logs) {
      sent.add(
          pre
              ? client.addPreChain(log, chain, Duration.ofSeconds(10))
              : client.addChain(log, chain, Duration.ofSeconds(10)));
    }
    for (CtLogClient.Submission submission : sent) {
      CtLogClient.Answer answer = submission.answer();
      if (!answer.ok()) {
        throw new IllegalStateException("The log answered " + answer.summary());
      }
      CtJson.sct(answer.body());
    }
  }

  /** The CPU of the threads that open the client's connections (nanoseconds). */
  private static long clientCpu(ThreadMXBean threads) {
    long total = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(CONNECTOR)) {
        total += Math.max(0, threads.getThreadCpuTime(t.getId()));
      }
    }
    return total;
  }
}
