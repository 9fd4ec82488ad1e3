package org.pkiaas.hsm.adapter;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pkiaas.hsm.HsmConnection;
import org.pkiaas.hsm.HsmConnectionFactory;
import org.pkiaas.hsm.link.LinkIdentity;
import org.pkiaas.hsm.link.SignatureScheme;

/**
 * Signatures per second through the link (P-256 on SoftHSM2, an agent process, the broker, the
 * adapter) beside the direct PKCS#11 rate of the same token in the same run, and the latency each
 * adds. Measured, not asserted: it runs only when named ({@code bin/pkiaas-bench hsm}), and writes
 * a Markdown section to {@code target/hsm-benchmark.md}.
 */
class HsmLinkBenchmark {

  private static final String BROKER = System.getProperty("it.mqtt.broker", "tcp://127.0.0.1:1883");
  private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 20);

  private static final int MAX_WARM_UP_ROUNDS = 20;
  private static final long QUIET_COMPILER_MILLIS = 40;

  /** sysconf(_SC_CLK_TCK): 100 on Linux on every architecture the JDK runs on. */
  private static final long CLOCK_TICKS = 100;

  @TempDir Path work;

  private interface Signer {
    void sign(byte[] data) throws Exception;
  }

  /**
   * One measurement; {@code selfCpuMillis} is this JVM's CPU (clients and, through the link, the
   * adapter), {@code agentCpuMillis} the agent process's and {@code brokerCpuMillis} Mosquitto's (0
   * for direct signing; the broker's includes whatever else uses it meanwhile).
   */
  private record Run(
      double perSecond,
      double p50Millis,
      double p99Millis,
      long count,
      double selfCpuMillis,
      double agentCpuMillis,
      double brokerCpuMillis,
      Map<String, Long> selfThreadNanos,
      Map<String, Long> agentThreadMillis,
      long[] batchSizes) {

    double brokerCpuPerSignature() {
      return brokerCpuMillis / count;
    }

    double selfCpuPerSignature() {
      return selfCpuMillis / count;
    }

    double agentCpuPerSignature() {
      return agentCpuMillis / count;
    }
  }

  @Test
  void linkBesideDirectPkcs11() throws Exception {
    AgentProcesses agents = new AgentProcesses(work);
    String slot = agents.initToken("bench");
    LinkIdentity server = LinkPki.serverIdentity();
    Path state = work.resolve("state");
    PublicKey caKey =
        agents
            .provisionRoot(
                "root", "p-256", LinkPki.template("CN=Bench Root"), server.certificate(), state)
            .getPublicKey();
    String lib = AgentProcesses.LIBRARY;

    Provider pkcs11 =
        Security.getProvider("SunPKCS11")
            .configure("--name = bench\nlibrary = " + lib + "\nslot = " + slot + "\n");
    java.security.KeyStore tokenStore = java.security.KeyStore.getInstance("PKCS11", pkcs11);
    tokenStore.load(null, AgentProcesses.PIN.toCharArray());
    PrivateKey tokenKey = (PrivateKey) tokenStore.getKey("root", null);
    Signer direct =
        data -> {
          Signature signature = Signature.getInstance("NONEwithECDSA", pkcs11);
          signature.initSign(tokenKey);
          signature.update(MessageDigest.getInstance("SHA-256").digest(data));
          signature.sign();
        };
    int directWarmUp = warmUp(direct, null, null);
    Run directRun = run(direct, SECONDS, null, null);
    double checkMillis = checkCpuMillis(pkcs11, tokenKey, caKey);

    HsmResourceAdapter adapter = new HsmResourceAdapter();
    adapter.setBrokerUrl(BROKER);
    adapter.setLinkIdentityFile(HsmResourceAdapterIT.writePkcs12(server, work).toString());
    adapter.setLinkIdentityPasswordFile(
        Files.writeString(work.resolve("p12-pass"), HsmResourceAdapterIT.PASSWORD).toString());
    adapter.start(null);
    HsmManagedConnectionFactory factory = new HsmManagedConnectionFactory();
    factory.setResourceAdapter(adapter);
    HsmConnectionFactory connections = (HsmConnectionFactory) factory.createConnectionFactory();
    Process agent = agents.startLink("root", state, BROKER);
    try (HsmConnection connection = connections.getConnection()) {
      while (!connection.linkState(caKey).online()) {
        Thread.sleep(50);
      }
      PublicKey key = caKey;
      Signer linked = data -> connection.sign(key, "SHA256withECDSA", data);
      LinkBatches batches = adapter.link().orElseThrow().batches();
      int linkWarmUp = warmUp(linked, agent, batches);
      Run linkRun = run(linked, SECONDS, agent, batches);
      report(directRun, linkRun, directWarmUp, linkWarmUp, checkMillis);
    } finally {
      agent.destroy();
      agent.waitFor();
      adapter.stop();
    }
  }

  /**
   * Signs in 2-second rounds until the JIT compilers of this JVM and of the agent spend under
   * {@value #QUIET_COMPILER_MILLIS} ms of CPU in a round (at most {@value #MAX_WARM_UP_ROUNDS}
   * rounds), so that neither column is measured while one side still compiles its path.
   *
   * @return the seconds spent warming up
   */
  private static int warmUp(Signer signer, Process agent, LinkBatches batches) throws Exception {
    int rounds = 0;
    while (rounds < MAX_WARM_UP_ROUNDS) {
      long before = compilerMillis(agent);
      run(signer, 2, agent, batches);
      rounds++;
      if (compilerMillis(agent) - before < QUIET_COMPILER_MILLIS) {
        break;
      }
    }
    return 2 * rounds;
  }

  /** CPU time of the JIT compiler threads of this JVM and of the agent, if any, from /proc. */
  private static long compilerMillis(Process agent) throws Exception {
    long millis = compilerMillis(ProcessHandle.current().pid());
    return agent == null ? millis : millis + compilerMillis(agent.pid());
  }

  private static long compilerMillis(long pid) throws Exception {
    return threadMillis(pid).entrySet().stream()
        .filter(kind -> kind.getKey().contains("Compiler"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static Run run(Signer signer, int seconds, Process agent, LinkBatches batches)
      throws Exception {
    long selfBefore = selfCpuNanos();
    long agentBefore = agent == null ? 0 : cpuMillis(agent.pid());
    long broker = agent == null ? -1 : brokerPid();
    long brokerBefore = broker < 0 ? 0 : cpuMillis(broker);
    Map<String, Long> selfThreadsBefore = selfThreadNanos();
    Map<String, Long> agentThreadsBefore = agent == null ? Map.of() : threadMillis(agent.pid());
    long[] sizesBefore = batches == null ? new long[0] : batches.sizesSent();
    AtomicInteger clientNumber = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            CLIENTS, task -> new Thread(task, "bench-client-" + clientNumber.incrementAndGet()));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<List<Long>>> results = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      results.add(
          pool.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                byte[] data = new byte[512];
                for (int n = 0; System.nanoTime() < end; n++) {
                  data[0] = (byte) client;
                  data[1] = (byte) n;
                  long started = System.nanoTime();
                  signer.sign(data);
                  latencies.add(System.nanoTime() - started);
                }
                return latencies;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> result : results) {
      all.addAll(result.get());
    }
    double selfCpu = (selfCpuNanos() - selfBefore) / 1e6;
    double agentCpu = agent == null ? 0 : cpuMillis(agent.pid()) - agentBefore;
    double brokerCpu = broker < 0 ? 0 : cpuMillis(broker) - brokerBefore;
    Map<String, Long> selfThreads = minus(selfThreadNanos(), selfThreadsBefore);
    Map<String, Long> agentThreads =
        agent == null ? Map.of() : minus(threadMillis(agent.pid()), agentThreadsBefore);
    long[] sizes = batches == null ? new long[0] : batches.sizesSent();
    for (int size = 0; size < sizesBefore.length; size++) {
      sizes[size] -= sizesBefore[size];
    }
    pool.shutdown();
    Collections.sort(all);
    return new Run(
        all.size() / (double) seconds,
        all.get(all.size() / 2) / 1e6,
        all.get((int) (all.size() * 0.99)) / 1e6,
        all.size(),
        selfCpu,
        agentCpu,
        brokerCpu,
        selfThreads,
        agentThreads,
        sizes);
  }

  /** CPU of this JVM's live threads by kind (the name with its numbers as #), in nanoseconds. */
  private static Map<String, Long> selfThreadNanos() {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> byKind = new TreeMap<>();
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      long nanos = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
      if (nanos > 0) {
        byKind.merge(kind(info.getThreadName()), nanos, Long::sum);
      }
    }
    return byKind;
  }

  /** CPU of a process's threads by kind (its {@code comm}, numbers as #), in milliseconds. */
  private static Map<String, Long> threadMillis(long pid) throws Exception {
    Map<String, Long> byKind = new TreeMap<>();
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (java.io.IOException ended) {
          continue;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        byKind.merge(kind(name), ticks * 1000 / CLOCK_TICKS, Long::sum);
      }
    }
    return byKind;
  }

  private static String kind(String threadName) {
    return threadName.replaceAll(":.*", "").replaceAll("\\d+", "#").trim();
  }

  private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> spent = new TreeMap<>();
    after.forEach((kind, value) -> spent.put(kind, value - before.getOrDefault(kind, 0L)));
    return spent;
  }

  /** The local Mosquitto's process id, or -1 if it is not visible (another broker, a container). */
  private static long brokerPid() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/mosquitto")).orElse(false))
        .mapToLong(ProcessHandle::pid)
        .findFirst()
        .orElse(-1);
  }

  private static long selfCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** utime + stime of a process (proc(5), fields 14 and 15), in milliseconds. */
  private static long cpuMillis(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 1000 / CLOCK_TICKS;
  }

  /**
   * The CPU of the check every signature from the device gets before the server uses it ({@link
   * SignatureScheme#verifies}, issue 20: the CA's public key, Bouncy Castle), on one thread after a
   * warm-up: work the link adds that no batching or transport can remove.
   */
  private static double checkCpuMillis(Provider pkcs11, PrivateKey tokenKey, PublicKey caKey)
      throws Exception {
    byte[] data = "a TBS certificate".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Signature signature = Signature.getInstance("SHA256withECDSA", pkcs11);
    signature.initSign(tokenKey);
    signature.update(data);
    byte[] signed = signature.sign();
    var thread = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 20_000; i++) {
      if (!SignatureScheme.SHA256_WITH_ECDSA.verifies(caKey, data, signed)) {
        throw new IllegalStateException("the token's signature does not verify");
      }
    }
    long before = thread.getCurrentThreadCpuTime();
    int checks = 5_000;
    for (int i = 0; i < checks; i++) {
      SignatureScheme.SHA256_WITH_ECDSA.verifies(caKey, data, signed);
    }
    return (thread.getCurrentThreadCpuTime() - before) / 1e6 / checks;
  }

  private static void report(
      Run direct, Run link, int directWarmUp, int linkWarmUp, double checkMillis) throws Exception {
    // server, agent and broker share these cores: the link signs at most at the direct rate times
    // this share, which counts only the token's signature and the server's check of it
    double bound = direct.selfCpuPerSignature() / (direct.selfCpuPerSignature() + checkMillis);
    String section =
        String.format(
            Locale.ROOT,
            "| measure | direct PKCS#11 | through the link |%n"
                + "|---|---|---|%n"
                + "| warm-up until the JITs are quiet (< 40 ms compiling in 2 s) | %d s | %d s |%n"
                + "| signatures per second, %d clients, %d s | %.0f /s (%d) | **%.0f /s** (%d) |%n"
                + "| latency p50 / p99 | %.2f ms / %.2f ms | %.2f ms / %.2f ms |%n"
                + "| link rate as a share of the direct rate | | %.0f %% |%n"
                + "| latency the link adds, p50 / p99 | | %.2f ms / %.2f ms |%n"
                + "| CPU per signature: this JVM (clients; with the link, the adapter) | %.3f ms"
                + " | %.3f ms |%n"
                + "| CPU per signature: agent process | | %.3f ms |%n"
                + "| CPU per signature: Mosquitto (with any other traffic it carried) | | %.3f ms |%n"
                + "| CPU of the server's check of one device signature (BC, 1 thread) | | %.3f ms"
                + " |%n"
                + "| link share possible on these shared cores with no transport cost at all:"
                + " direct CPU ÷ (direct CPU + check) | | %.0f %% |%n",
            directWarmUp,
            linkWarmUp,
            CLIENTS,
            SECONDS,
            direct.perSecond(),
            direct.count(),
            link.perSecond(),
            link.count(),
            direct.p50Millis(),
            direct.p99Millis(),
            link.p50Millis(),
            link.p99Millis(),
            100 * link.perSecond() / direct.perSecond(),
            link.p50Millis() - direct.p50Millis(),
            link.p99Millis() - direct.p99Millis(),
            direct.selfCpuPerSignature(),
            link.selfCpuPerSignature(),
            link.agentCpuPerSignature(),
            link.brokerCpuPerSignature(),
            checkMillis,
            100 * bound);
    section += System.lineSeparator() + breakdown(link);
    Files.writeString(Path.of("target", "hsm-benchmark.md"), section);
    System.out.println(section);
  }

  /**
   * Where the link run's CPU went, per signature: each thread kind of this JVM and of the agent
   * that spent at least 0.002 ms, and the sizes of the batches the adapter sent.
   */
  private static String breakdown(Run link) {
    StringBuilder out = new StringBuilder();
    long batches = 0;
    long requests = 0;
    long[] sizes = link.batchSizes();
    for (int size = 1; size < sizes.length; size++) {
      batches += sizes[size];
      requests += size * sizes[size];
    }
    out.append(
        String.format(
            Locale.ROOT,
            "Batches sent: %d, %.1f requests each on average; requests by the size of their"
                + " batch:",
            batches,
            batches == 0 ? 0.0 : requests / (double) batches));
    int[] bounds = {1, 2, 4, 8, 16, 24, 32};
    int low = 1;
    for (int high : bounds) {
      long inRange = 0;
      for (int size = low; size <= high && size < sizes.length; size++) {
        inRange += size * sizes[size];
      }
      out.append(
          String.format(
              Locale.ROOT,
              " %s %.0f %%%s",
              low == high ? String.valueOf(low) : low + "–" + high,
              requests == 0 ? 0.0 : 100.0 * inRange / requests,
              high == 32 ? "." : ","));
      low = high + 1;
    }
    out.append(System.lineSeparator()).append(System.lineSeparator());
    out.append("| CPU per signature by thread (link run) | ms |")
        .append(System.lineSeparator())
        .append("|---|---|")
        .append(System.lineSeparator());
    link.selfThreadNanos()
        .forEach((kind, nanos) -> row(out, "adapter JVM: " + kind, nanos / 1e6 / link.count()));
    long javaThreads = link.selfThreadNanos().values().stream().mapToLong(Long::longValue).sum();
    row(
        out,
        "adapter JVM: GC, JIT and the VM's other threads",
        (link.selfCpuMillis() - javaThreads / 1e6) / link.count());
    link.agentThreadMillis()
        .forEach((kind, millis) -> row(out, "agent: " + kind, millis / (double) link.count()));
    return out.toString();
  }

  private static void row(StringBuilder out, String kind, double millisPerSignature) {
    if (millisPerSignature >= 0.002) {
      out.append(String.format(Locale.ROOT, "| %s | %.3f |%n", kind, millisPerSignature));
    }
  }
}
