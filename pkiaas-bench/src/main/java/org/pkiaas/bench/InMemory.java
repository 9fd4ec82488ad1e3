package org.pkiaas.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one piece of in-memory work, the baselines' loop: for a while on a thread per core at once
 * (CPU time per operation with every core busy), or a counted number of times on one thread (CPU
 * time per operation, the figure a server's CPU per operation is divided by; the CPU this JVM's
 * garbage collector spent on the work meanwhile is reported beside it, not in it).
 */
final class InMemory {

  private static final int BATCH = 2000;
  private static final int MAX_BATCHES = 15;

  /** One unit of work. */
  interface Work {
    void run() throws Exception;
  }

  /**
   * CPU time per operation on one thread, after {@code warmUpOperations} spent until a batch cost
   * this JVM's JIT under 1 % of the batch's time ({@code compilationMillis} per batch, as {@link
   * CompilationMXBean} counts it).
   */
  record Cost(
      double cpuMillis,
      long operations,
      long warmUpOperations,
      int batch,
      List<Long> compilationMillis,
      double gcMillis) {

    String warmUp() {
      return String.format(
          Locale.ROOT,
          "%d operations; JIT milliseconds per batch of %d %s",
          warmUpOperations,
          batch,
          compilationMillis);
    }
  }

  private InMemory() {}

  /** The CPU one operation of {@code work} costs on this thread, once the JIT is done with it. */
  static Cost cpuPerOperation(Work work, int operations) throws Exception {
    return cpuPerOperation(work, operations, BATCH);
  }

  /** As {@link #cpuPerOperation(Work, int)}, warming up in batches of {@code batchOperations}. */
  static Cost cpuPerOperation(Work work, int operations, int batchOperations) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    List<Long> compiling = new ArrayList<>();
    long warmUp = 0;
    for (int batch = 0; batch < MAX_BATCHES; batch++) {
      long jitBefore = jit.getTotalCompilationTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < batchOperations; i++) {
        work.run();
      }
      long wallMillis = (System.nanoTime() - t0) / 1_000_000;
      long jitMillis = jit.getTotalCompilationTime() - jitBefore;
      compiling.add(jitMillis);
      warmUp += batchOperations;
      if (batch >= 1 && jitMillis * 100 <= wallMillis) {
        break;
      }
    }
    ProcessCpu gc =
        ProcessCpu.threads(
            "in-memory GC",
            ProcessHandle.current().pid(),
            Long.getLong("bench.cpu.ticks", 100),
            ProcessCpu.GC_THREADS);
    double gc0 = gc.seconds();
    long cpu0 = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < operations; i++) {
      work.run();
    }
    double millis = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / operations;
    double gcMillis = (gc.seconds() - gc0) * 1000 / operations;
    return new Cost(millis, operations, warmUp, batchOperations, compiling, gcMillis);
  }

  /** CPU time per operation on each of {@code threads} threads working at once. */
  record Busy(double cpuMillis, int threads, long operations) {

    /**
     * A sentence for the figures: this against the one-thread {@code alone}, and what the server's
     * {@code serverMillis} per operation is against this.
     */
    String note(String work, Cost alone, double serverMillis) {
      return String.format(
          Locale.ROOT,
          "In memory with every core busy (%s work on %d threads at once, %,d operations): %.3f ms per"
              + " operation on each thread, %.2f× the one-thread %.3f ms; the server's %.3f ms is"
              + " %.1f× that.",
          work,
          threads,
          operations,
          cpuMillis,
          cpuMillis / alone.cpuMillis(),
          alone.cpuMillis(),
          serverMillis,
          serverMillis / cpuMillis);
    }
  }

  /**
   * The CPU one operation costs while {@code threads} threads run it at once for {@code duration},
   * each with its own work from {@code works}: the same work with every core busy, as the server's
   * cores are during a window (the shared caches, the memory bus and the host's clock then serve
   * them all). Each thread first runs a batch of its own; call it after {@link #cpuPerOperation},
   * which waits for the JIT.
   */
  static Busy cpuPerOperationBusy(Callable<Work> works, int threads, Duration duration)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      AtomicBoolean failed = new AtomicBoolean();
      List<Future<long[]>> each = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Work work = works.call(); // made here: a work that cannot be made fails before any thread
        each.add(
            pool.submit(
                () -> {
                  try {
                    for (int i = 0; i < BATCH; i++) {
                      work.run();
                    }
                  } catch (Exception | Error e) {
                    failed.set(true);
                    ready.countDown(); // the others start, see the failure and stop
                    throw e;
                  }
                  ThreadMXBean threadCpu = ManagementFactory.getThreadMXBean();
                  ready.countDown();
                  ready.await();
                  if (failed.get()) {
                    throw new IllegalStateException("The work failed on another thread");
                  }
                  long end = System.nanoTime() + duration.toNanos();
                  long cpu0 = threadCpu.getCurrentThreadCpuTime();
                  long operations = 0;
                  while (System.nanoTime() < end) {
                    work.run();
                    operations++;
                  }
                  return new long[] {threadCpu.getCurrentThreadCpuTime() - cpu0, operations};
                }));
      }
      long nanos = 0;
      long operations = 0;
      for (Future<long[]> thread : each) {
        nanos += thread.get()[0];
        operations += thread.get()[1];
      }
      if (operations == 0) {
        throw new IllegalStateException("No operation finished in " + duration);
      }
      return new Busy(nanos / 1e6 / operations, threads, operations);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The CSR's signature checked once, as the server's {@code SignatureChecks} does for RSA and
   * ECDSA (Bouncy Castle's JCA verifier builder checks those a second time with a raw signature).
   */
  static boolean csrVerifies(org.bouncycastle.pkcs.PKCS10CertificationRequest csr)
      throws Exception {
    java.security.Signature signature =
        java.security.Signature.getInstance(
            csr.getSignatureAlgorithm().getAlgorithm().getId(), BenchApi.BC);
    signature.initVerify(
        new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter()
            .setProvider(BenchApi.BC)
            .getPublicKey(csr.getSubjectPublicKeyInfo()));
    signature.update(csr.toASN1Structure().getCertificationRequestInfo().getEncoded("DER"));
    return signature.verify(csr.getSignature());
  }
}
