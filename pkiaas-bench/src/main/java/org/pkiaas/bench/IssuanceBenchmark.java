package org.pkiaas.bench;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates issued per second through the REST API (CSR submit, then sign: two calls, as an
 * integrator does), with a P-256 CA and N concurrent clients, beside the in-memory rate of the work
 * that cannot be avoided: building and signing a comparable certificate with Bouncy Castle and a
 * P-256 key, on as many threads. Both run in the same process, one after the other, so the
 * machine's load affects them alike.
 *
 * <p>With {@code ct}, the same measure runs a second time on a template with two Certificate
 * Transparency logs ({@link Rfc6962Log}, in this process) that both must answer: what a
 * precertificate, two log round-trips and the SCT checks add to each certificate.
 *
 * <p>Over 300 lines: the plain and the CT measurement share the clients, the CSRs, the CPU readings
 * and the report's table, and the in-memory baseline runs in the same process on purpose.
 *
 * <p>Usage: {@code IssuanceBenchmark BASE_URL ADMIN_USER ADMIN_PASSWORD [clients] [seconds] [ct]};
 * prints a Markdown section.
 */
public final class IssuanceBenchmark {

  private static final java.security.Provider BC = BenchApi.BC;

  private final BenchApi api;

  /** The server's, the database's and this process's CPU, read around each API measurement. */
  private final ProcessCpu[] processes = ProcessCpu.fromProperties("server", "database");

  private IssuanceBenchmark(String base, String user, String password) {
    this.api = new BenchApi(base, user, password);
  }

  public static void main(String[] args) throws Exception {
    IssuanceBenchmark benchmark = new IssuanceBenchmark(args[0], args[1], args[2]);
    int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    boolean ct = args.length > 5 && "ct".equals(args[5]);
    System.out.println(benchmark.run(clients, Duration.ofSeconds(seconds), ct));
  }

  private String run(int clients, Duration duration, boolean ct) throws Exception {
    String caId =
        id(
            post(
                "/api/v1/cas",
                "{\"name\":\"Benchmark CA "
                    + Instant.now()
                    + "\",\"subject\":{\"commonName\":\"Benchmark CA\"},"
                    + "\"keyType\":\"EC\",\"curve\":\"P-256\"}"));
    String templateId = id(get("/api/v1/cas/" + caId + "/templates"));
    List<String> csrs = csrs(4000);
    Result warmUp = measureApi(templateId, csrs, clients, Duration.ofSeconds(10));
    Result api = measureApi(templateId, csrs, clients, duration);
    Result baseline =
        measureBaseline(Math.min(clients, Runtime.getRuntime().availableProcessors()), duration);
    Result baselineOne = measureBaseline(1, Duration.ofSeconds(10));
    String report =
        report(
            clients,
            duration,
            warmUp,
            api,
            baseline,
            baselineOne,
            api.cpuPerCertificate(processes));
    return ct ? report + withCt(caId, csrs, clients, duration, api) : report;
  }

  /** The same measure on a template whose two CT logs must both give an SCT. */
  private String withCt(
      String caId, List<String> csrs, int clients, Duration duration, Result plain)
      throws Exception {
    org.bouncycastle.cert.X509CertificateHolder ca =
        BenchApi.caCertificate(get("/api/v1/cas/" + caId));
    // PKIAAS_BENCH_CT_PORT: the first log's port (the second's is the next); unset: any free ports
    String port = System.getenv("PKIAAS_BENCH_CT_PORT");
    int first = port == null || port.isBlank() ? 0 : Integer.parseInt(port);
    try (Rfc6962Log one = new Rfc6962Log(first, ca);
        Rfc6962Log two = new Rfc6962Log(first == 0 ? 0 : first + 1, ca)) {
      String templateId =
          id(
              post(
                  "/api/v1/cas/" + caId + "/templates",
                  "{\"name\":\"CT benchmark\",\"starter\":\"WEB_SERVER\"}"));
      this.api.put(
          "/api/v1/templates/" + templateId,
          "{\"certificateTransparency\":{\"logs\":["
              + one.asTemplateLog()
              + ","
              + two.asTemplateLog()
              + "],\"sctsRequired\":2}}");
      measureApi(templateId, csrs, clients, Duration.ofSeconds(10));
      Result ct = measureApi(templateId, csrs, clients, duration);
      return String.format(
          """
                  | with CT: 2 logs in this process, 2 SCTs required, %d clients, %d s | **%.0f /s** (%d certificates, %d client errors; the logs logged %d and %d entries) |
                  | latency of sign with CT (p50 / p99) | %.1f ms / %.1f ms |
                  | CPU per certificate with CT (the client's includes the two logs) | %s |
                  | CT rate as a share of the plain rate above | %.1f %% |
                  """,
          clients,
          duration.toSeconds(),
          ct.perSecond(),
          ct.operations(),
          ct.failures(),
          one.treeSize(),
          two.treeSize(),
          percentile(ct.signMicros(), 0.5) / 1000.0,
          percentile(ct.signMicros(), 0.99) / 1000.0,
          ct.cpuPerCertificate(processes),
          100 * ct.perSecond() / plain.perSecond());
    }
  }

  private record Result(
      long operations,
      Duration elapsed,
      List<Long> submitMicros,
      List<Long> signMicros,
      int failures,
      double[] cpuSeconds) {

    double perSecond() {
      return operations / (elapsed.toNanos() / 1e9);
    }

    /** Milliseconds of CPU per certificate of each measured process. */
    String cpuPerCertificate(ProcessCpu[] processes) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < processes.length; i++) {
        parts.add(
            String.format("%s %.1f ms", processes[i].name(), 1000 * cpuSeconds[i] / operations));
      }
      return String.join(", ", parts);
    }
  }

  private Result measureApi(String templateId, List<String> csrs, int clients, Duration duration)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ConcurrentLinkedQueue<Long> submit = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> sign = new ConcurrentLinkedQueue<>();
    double[] cpuBefore = ProcessCpu.snapshot(processes);
    Instant start = Instant.now();
    Instant end = start.plus(duration);
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      new Thread(
              () -> {
                try {
                  while (Instant.now().isBefore(end)) {
                    String csr = csrs.get(next.getAndIncrement() % csrs.size());
                    long t0 = System.nanoTime();
                    String request =
                        id(
                            post(
                                "/api/v1/templates/" + templateId + "/requests",
                                "{\"csr\":\"" + csr.replace("\n", "\\n") + "\"}"));
                    long t1 = System.nanoTime();
                    post("/api/v1/requests/" + request + "/sign", "{}");
                    long t2 = System.nanoTime();
                    submit.add((t1 - t0) / 1000);
                    sign.add((t2 - t1) / 1000);
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                } finally {
                  done.countDown();
                }
              })
          .start();
    }
    done.await();
    Duration elapsed = Duration.between(start, Instant.now());
    double[] cpu = ProcessCpu.snapshot(processes);
    for (int i = 0; i < cpu.length; i++) {
      cpu[i] -= cpuBefore[i];
    }
    return new Result(
        sign.size(), elapsed, new ArrayList<>(submit), new ArrayList<>(sign), failures.get(), cpu);
  }

  private static Result measureBaseline(int threads, Duration duration) throws Exception {
    InMemory.Count count = signingBaseline(threads, duration);
    return new Result(count.operations(), count.elapsed(), List.of(), List.of(), 0, new double[0]);
  }

  /**
   * Builds and signs end-entity certificates in memory with a P-256 key: the floor of what issuance
   * costs.
   */
  static InMemory.Count signingBaseline(int threads, Duration duration) throws Exception {
    KeyPair ca = p256();
    KeyPair subject = p256();
    SecureRandom random = new SecureRandom();
    InMemory.Count count =
        InMemory.repeat(
            threads,
            duration,
            () -> {
              X509v3CertificateBuilder builder =
                  new X509v3CertificateBuilder(
                      new X500Name("CN=Benchmark CA"),
                      new BigInteger(127, random),
                      new Date(),
                      new Date(System.currentTimeMillis() + 86_400_000L),
                      new X500Name("CN=host.example.test"),
                      SubjectPublicKeyInfo.getInstance(subject.getPublic().getEncoded()));
              builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
              builder.addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
              ContentSigner signer =
                  new JcaContentSignerBuilder("SHA256withECDSA")
                      .setProvider(BC)
                      .build(ca.getPrivate());
              builder.build(signer).getEncoded();
            });
    return count;
  }

  private static List<String> csrs(int count) throws Exception {
    List<String> csrs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      csrs.add(BenchApi.csr("host" + i + ".example.test"));
    }
    return csrs;
  }

  private static KeyPair p256() throws Exception {
    return BenchApi.p256();
  }

  private String get(String path) throws Exception {
    return api.get(path);
  }

  private String post(String path, String json) throws Exception {
    return api.post(path, json);
  }

  private static String id(String json) {
    return BenchApi.id(json);
  }

  /** The p-quantile (0 < p ≤ 1) of {@code values}, nearest rank; 0 for none. */
  static long percentile(List<Long> values, double p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static String report(
      int clients,
      Duration duration,
      Result warmUp,
      Result api,
      Result baseline,
      Result one,
      String cpu) {
    return String.format(
        """
                | measure | result |
                |---|---|
                | certificates issued through the REST API (submit + sign), %d clients, %d s | **%.0f /s** (%d certificates, %d client errors) |
                | in-memory baseline: build and sign a comparable certificate with BC, P-256, %d threads | %.0f /s |
                | in-memory baseline, 1 thread | %.0f /s |
                | API rate as a share of the in-memory rate | %.1f %% |
                | latency of CSR submit (p50 / p99) | %.1f ms / %.1f ms |
                | latency of sign (p50 / p99) | %.1f ms / %.1f ms |
                | CPU per certificate during the measurement (2 calls; all processes share the machine) | %s |
                | warm-up run before the measurement (10 s) | %.0f /s |
                """,
        clients,
        duration.toSeconds(),
        api.perSecond(),
        api.operations(),
        api.failures(),
        Math.min(clients, Runtime.getRuntime().availableProcessors()),
        baseline.perSecond(),
        one.perSecond(),
        100 * api.perSecond() / baseline.perSecond(),
        percentile(api.submitMicros(), 0.5) / 1000.0,
        percentile(api.submitMicros(), 0.99) / 1000.0,
        percentile(api.signMicros(), 0.5) / 1000.0,
        percentile(api.signMicros(), 0.99) / 1000.0,
        cpu,
        warmUp.perSecond());
  }
}
