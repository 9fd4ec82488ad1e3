package org.pkiaas.bench;

import java.net.URI;
import java.security.KeyPair;
import java.security.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;

/**
 * Complete ACME orders per second (RFC 8555 §7.4: new order, finalize, certificate download) for
 * names the policy pre-approves, so no challenge is involved, from N accounts at once, each driven
 * by acme4j on a thread of its own — beside the in-memory rate of the signing work every order
 * needs, measured in the same run (see {@link IssuanceBenchmark#signingBaseline}).
 *
 * <p>Usage: {@code AcmeBenchmark BASE_URL ADMIN_USER ADMIN_PASSWORD [accounts] [seconds]}; prints a
 * Markdown section.
 */
public final class AcmeBenchmark {

  private static final String DOMAIN = "bench.test";
  private static final Duration WARM_UP = Duration.ofSeconds(20);
  private final BenchApi api;

  private AcmeBenchmark(String base, String user, String password) {
    this.api = new BenchApi(base, user, password);
  }

  public static void main(String[] args) throws Exception {
    // acme4j signs every request (jose4j, ES256) with the first provider that takes the key;
    // Bouncy Castle's P-256 signing costs a fraction of SunEC's, CPU the server shares here
    Security.insertProviderAt(BenchApi.BC, 1);
    AcmeBenchmark benchmark = new AcmeBenchmark(args[0], args[1], args[2]);
    int accounts = args.length > 3 ? Integer.parseInt(args[3]) : 16;
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    System.out.println(benchmark.run(accounts, Duration.ofSeconds(seconds)));
  }

  private record Result(
      long orders,
      Duration elapsed,
      List<Long> micros,
      int failures,
      String firstFailure,
      double[] cpuSeconds) {

    double perSecond() {
      return orders / (elapsed.toNanos() / 1e9);
    }

    /** Milliseconds of CPU per order of each measured process. */
    String cpuPerOrder(ProcessCpu[] processes) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < processes.length; i++) {
        parts.add(String.format("%s %.1f ms", processes[i].name(), 1000 * cpuSeconds[i] / orders));
      }
      return String.join(", ", parts);
    }
  }

  private String run(int accounts, Duration duration) throws Exception {
    String caId = api.createCa("ACME Benchmark CA " + Instant.now());
    String templateId = BenchApi.id(api.get("/api/v1/cas/" + caId + "/templates"));
    String policyId =
        BenchApi.id(
            api.post(
                "/api/v1/cas/" + caId + "/acme-policies",
                "{\"name\":\"Benchmark\",\"templateId\":\""
                    + templateId
                    + "\",\"preApprovedDomains\":\"*."
                    + DOMAIN
                    + "\"}"));
    String eab =
        api.post(
            "/api/v1/acme-policies/" + policyId + "/eabs",
            "{\"name\":\"benchmark\",\"allowedUses\":" + accounts + "}");
    String kid =
        BenchApi.field(eab, java.util.regex.Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]+)\""));
    String hmac =
        BenchApi.field(eab, java.util.regex.Pattern.compile("\"hmacKey\"\\s*:\\s*\"([^\"]+)\""));
    URI directory = URI.create(api.base + "/pki/acme/directory");
    List<Login> logins = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      logins.add(
          new AccountBuilder()
              .agreeToTermsOfService()
              .withKeyIdentifier(kid, hmac)
              .useKeyPair(BenchApi.p256())
              .createLogin(new Session(directory)));
    }
    List<Csr> csrs = csrs(2000);
    ProcessCpu[] processes = ProcessCpu.fromProperties("server", "database");
    Result warmUp = measure(logins, csrs, WARM_UP, processes);
    Result acme = measure(logins, csrs, duration, processes);
    int threads = Math.min(accounts, Runtime.getRuntime().availableProcessors());
    InMemory.Count baseline = IssuanceBenchmark.signingBaseline(threads, duration);
    return report(accounts, duration, warmUp, acme, threads, baseline, processes);
  }

  /**
   * A CSR for one pre-approved name, made before the measurement so the clients' key generation is
   * not timed.
   */
  private record Csr(String domain, byte[] der) {}

  private static List<Csr> csrs(int count) throws Exception {
    List<Csr> csrs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String domain = "host" + i + "." + DOMAIN;
      KeyPair keys = BenchApi.p256();
      ExtensionsGenerator extensions = new ExtensionsGenerator();
      extensions.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, domain)));
      byte[] der =
          new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + domain), keys.getPublic())
              .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
              .build(
                  new JcaContentSignerBuilder("SHA256withECDSA")
                      .setProvider(BenchApi.BC)
                      .build(keys.getPrivate()))
              .getEncoded();
      csrs.add(new Csr(domain, der));
    }
    return csrs;
  }

  private static Result measure(
      List<Login> logins, List<Csr> csrs, Duration duration, ProcessCpu[] processes)
      throws InterruptedException {
    double[] cpuBefore = ProcessCpu.snapshot(processes);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
    Instant start = Instant.now();
    Instant end = start.plus(duration);
    CountDownLatch done = new CountDownLatch(logins.size());
    for (Login login : logins) {
      new Thread(
              () -> {
                try {
                  while (Instant.now().isBefore(end)) {
                    Csr csr = csrs.get(next.getAndIncrement() % csrs.size());
                    long t0 = System.nanoTime();
                    try {
                      Order order = login.newOrder().domain(csr.domain()).create();
                      order.execute(csr.der());
                      if (order.getStatus() != Status.VALID
                          && order.waitForCompletion(Duration.ofSeconds(30)) != Status.VALID) {
                        throw new IllegalStateException(
                            "order " + order.getLocation() + " is " + order.getStatus());
                      }
                      order.getCertificate().download();
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
    double[] cpu = ProcessCpu.snapshot(processes);
    for (int i = 0; i < cpu.length; i++) {
      cpu[i] -= cpuBefore[i];
    }
    return new Result(
        micros.size(), elapsed, new ArrayList<>(micros), failures.get(), firstFailure.get(), cpu);
  }

  private static double percentileMillis(List<Long> micros, double p) {
    return IssuanceBenchmark.percentile(micros, p) / 1000.0;
  }

  private static String report(
      int accounts,
      Duration duration,
      Result warmUp,
      Result acme,
      int threads,
      InMemory.Count baseline,
      ProcessCpu[] processes) {
    return String.format(
        """
                | measure | result |
                |---|---|
                | complete ACME orders (new order, finalize, download) for pre-approved names, %d accounts, %d s | **%.1f /s** (%d orders, %d failed) |
                | in-memory baseline: build and sign a comparable certificate with BC, P-256, %d threads | %.0f /s |
                | ACME rate as a share of the in-memory rate | %.1f %% |
                | order latency, new order to downloaded certificate (p50 / p99) | %.1f ms / %.1f ms |
                | CPU per order during the measurement (%d cores shared by all three) | %s |
                | warm-up run before the measurement (%d s) | %.1f /s |
                %s""",
        accounts,
        duration.toSeconds(),
        acme.perSecond(),
        acme.orders(),
        acme.failures(),
        threads,
        baseline.perSecond(),
        100 * acme.perSecond() / baseline.perSecond(),
        percentileMillis(acme.micros(), 0.5),
        percentileMillis(acme.micros(), 0.99),
        Runtime.getRuntime().availableProcessors(),
        acme.cpuPerOrder(processes),
        WARM_UP.toSeconds(),
        warmUp.perSecond(),
        acme.firstFailure() == null ? "" : "\nFirst failure: `" + acme.firstFailure() + "`\n");
  }
}
