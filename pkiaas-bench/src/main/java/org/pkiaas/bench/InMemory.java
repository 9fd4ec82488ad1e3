package org.pkiaas.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one piece of in-memory work, the baselines' loop: for a while on several threads (a rate),
 * or a counted number of times on one thread (CPU time per operation, the figure a server's CPU per
 * operation is divided by; the CPU this JVM's garbage collector spent on the work meanwhile is
 * reported beside it, not in it).
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
