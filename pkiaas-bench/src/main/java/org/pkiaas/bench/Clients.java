package org.pkiaas.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N client threads doing operations against the server, until a number of operations is done
 * (warm-up) or a duration has passed (measurement), with the CPU every measured process used
 * meanwhile.
 */
final class Clients {

  /** One operation; {@code client} is the thread's number, {@code index} the operation's. */
  interface Operation {
    void run(int client, int index) throws Exception;
  }

  /** What one run did. */
  record Outcome(
      long operations,
      Duration elapsed,
      double p50Millis,
      double p99Millis,
      int failures,
      String firstFailure,
      double[] cpuSeconds,
      ServerThreads.Window serverThreads,
      DatabaseStatements.Window statements) {

    double perSecond() {
      return operations / (elapsed.toNanos() / 1e9);
    }
  }

  private Clients() {}

  /** Exactly {@code operations} operations (failed ones included) on {@code clients} threads. */
  static Outcome count(int clients, long operations, ProcessCpu[] processes, Operation operation)
      throws InterruptedException {
    return run(clients, Duration.ofDays(1), operations, processes, operation);
  }

  /** As many operations as {@code clients} threads do in {@code duration}. */
  static Outcome during(int clients, Duration duration, ProcessCpu[] processes, Operation operation)
      throws InterruptedException {
    return run(clients, duration, Long.MAX_VALUE, processes, operation);
  }

  /**
   * How a benchmark loads the server: {@code clients} threads for {@code duration}, after batches
   * of {@code batch} operations (at most {@code batches}) until the server's JIT is quiet; the
   * processes whose CPU is counted, and the in-memory cost the rows are set beside.
   */
  record Load(
      int clients,
      Duration duration,
      int batch,
      int batches,
      ProcessCpu[] processes,
      ServerJit jit,
      InMemory.Cost inMemory) {

    /** One row of figures for {@code operation}, its window recorded as {@code recording}. */
    Figures.Row row(String path, String goal, String recording, Operation operation)
        throws Exception {
      WarmUp.Done warmUp = warmUp(jit, clients, batch, batches, processes, operation);
      long compiled = jit.compiled();
      jit.startRecording(recording);
      Outcome outcome = during(clients, duration, processes, operation);
      jit.stopRecording(recording);
      return new Figures.Row(path, outcome, inMemory, warmUp, jit.compiled() - compiled, goal);
    }
  }

  /**
   * The warm-up of a request benchmark: batches of {@code batch} operations on {@code clients}
   * threads ({@link WarmUp#run}), then windows of the measurement's continuous load ({@link
   * WarmUp#settle}).
   */
  static WarmUp.Done warmUp(
      ServerJit jit,
      int clients,
      int batch,
      int batches,
      ProcessCpu[] processes,
      Operation operation)
      throws Exception {
    return WarmUp.settle(
        jit,
        WarmUp.run(jit, batch, batches, n -> count(clients, n, processes, operation)),
        () -> during(clients, WarmUp.SETTLE, processes, operation).operations());
  }

  private static Outcome run(
      int clients, Duration duration, long limit, ProcessCpu[] processes, Operation operation)
      throws InterruptedException {
    AtomicLong next = new AtomicLong();
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
    double[] cpuBefore = ProcessCpu.snapshot(processes);
    ServerThreads.Snapshot threadsBefore = ServerThreads.snapshot(processes[0].pid());
    DatabaseStatements.Snapshot statementsBefore = DatabaseStatements.snapshot();
    Instant start = Instant.now();
    Instant end = start.plus(duration);
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      int client = c;
      new Thread(
              () -> {
                try {
                  long index;
                  while (Instant.now().isBefore(end) && (index = next.getAndIncrement()) < limit) {
                    long t0 = System.nanoTime();
                    try {
                      operation.run(client, (int) index);
                      micros.add((System.nanoTime() - t0) / 1000);
                    } catch (Exception e) {
                      failures.incrementAndGet();
                      firstFailure.compareAndSet(null, e.toString());
                    }
                  }
                } finally {
                  done.countDown();
                }
              })
          .start();
    }
    done.await();
    Duration elapsed = Duration.between(start, Instant.now());
    double[] cpu = ProcessCpu.since(processes, cpuBefore);
    ServerThreads.Window threads =
        ServerThreads.window(threadsBefore, ServerThreads.snapshot(processes[0].pid()));
    DatabaseStatements.Window statements =
        DatabaseStatements.window(statementsBefore, DatabaseStatements.snapshot());
    List<Long> latencies = new ArrayList<>(micros);
    return new Outcome(
        latencies.size(),
        elapsed,
        IssuanceBenchmark.percentile(latencies, 0.5) / 1000.0,
        IssuanceBenchmark.percentile(latencies, 0.99) / 1000.0,
        failures.get(),
        firstFailure.get(),
        cpu,
        threads,
        statements);
  }
}
