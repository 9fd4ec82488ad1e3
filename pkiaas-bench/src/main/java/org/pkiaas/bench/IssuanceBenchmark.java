package org.pkiaas.bench;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Certificates issued per second through the REST API with a P-256 CA and N concurrent clients, two
 * ways: the one-call endpoint ({@code POST /api/v1/templates/{id}/certificates}) and the queue
 * (submit, then sign: two calls). Each path reports, from one run, the server's, MariaDB's and the
 * clients' CPU per certificate beside the in-memory CPU of the work that cannot be avoided (parse
 * and verify the CSR, build and sign the certificate with Bouncy Castle), see {@link Figures}.
 *
 * <p>With {@code ct}, the one-call path runs a third time on a template with two Certificate
 * Transparency logs ({@link Rfc6962Log}, in this process) that both must answer; its in-memory
 * figure adds, measured in the same run, what CT cannot avoid ({@link CtInMemory}: the
 * precertificate's signature and the two SCT checks); its goal column and a line below the table
 * set the server's extra CPU per certificate against the budget of issue 19 ("the log round-trips
 * plus one extra signature"): those and the client CPU of the two {@code add-pre-chain} round trips
 * ({@link CtRoundTrips}), also measured in the same run. The system property {@code bench.label}
 * names the server's configuration in the path column (such as "audit sealing off").
 *
 * <p>Usage: {@code IssuanceBenchmark BASE_URL ADMIN_USER ADMIN_PASSWORD WORK_DIR [clients]
 * [seconds] [ct]}; prints a Markdown section.
 */
public final class IssuanceBenchmark {

  private static final java.security.Provider BC = BenchApi.BC;
  private static final int WARM_UP_BATCH = 200;
  private static final int WARM_UP_BATCHES = 40;

  private final BenchApi api;
  private final ServerJit jit = ServerJit.fromProperties();

  /** The server's, the database's and this process's CPU, read around each API measurement. */
  private final ProcessCpu[] processes = ProcessCpu.fromProperties("server", "database");

  /** The audit sealer's own CPU, from the server's meters; null without a metrics URL. */
  private final AuditSealing sealing = AuditSealing.fromProperties();

  private Figures figures;

  /** The plain one-call row, which the CT row's extra CPU is counted from. */
  private Figures.Row plainOneCall;

  /** The CT row, the in-memory cost CT adds, and how many entries each log logged. */
  private Figures.Row ctRow;

  private InMemory.Cost ctExtra;
  private CtRoundTrips.Cost ctRoundTrips;
  private CtRoundTrips.Cost ctRoundTripsAlone;
  private String ctEntries;

  private IssuanceBenchmark(String base, String user, String password) {
    this.api = new BenchApi(base, user, password);
  }

  public static void main(String[] args) throws Exception {
    IssuanceBenchmark benchmark = new IssuanceBenchmark(args[0], args[1], args[2]);
    Path work = Path.of(args[3]);
    int clients = args.length > 4 ? Integer.parseInt(args[4]) : 16;
    int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;
    boolean ct = args.length > 6 && "ct".equals(args[6]);
    System.out.println(benchmark.run(work, clients, Duration.ofSeconds(seconds), ct));
  }

  private String run(Path work, int clients, Duration duration, boolean ct) throws Exception {
    String label = System.getProperty("bench.label", "");
    String suffix = label.isBlank() ? "" : ", " + label;
    String caId = api.createCa("Benchmark CA " + Instant.now());
    String templateId = BenchApi.id(api.get("/api/v1/cas/" + caId + "/templates"));
    List<String> csrs = csrs(4000);
    InMemory.Cost inMemory = InMemory.cpuPerOperation(issuanceWork(), 5000);
    figures = Figures.start(work);
    plainOneCall =
        measure(
            "one call (`POST /templates/{id}/certificates`), " + clients + " clients" + suffix,
            clients,
            duration,
            inMemory,
            "≥ 1,000/s; server ÷ in-memory ≤ 3",
            (client, i) -> oneCall(templateId, csrs.get(i % csrs.size())));
    figures.add(plainOneCall);
    figures.add(
        measure(
            "queue (submit + sign, 2 calls), " + clients + " clients" + suffix,
            clients,
            duration,
            inMemory,
            "",
            (client, i) -> api.issue(templateId, csrs.get(i % csrs.size()))));
    if (ct) {
      withCt(caId, csrs, clients, duration, inMemory);
      // the plain one call again, as warm as the CT run: the first one may still be warming up
      Figures.Row again =
          measure(
              "one call again, after the CT run, " + clients + " clients" + suffix,
              clients,
              duration,
              inMemory,
              "",
              (client, i) -> oneCall(templateId, csrs.get(i % csrs.size())));
      figures.add(again);
      CtInMemory.Budget budget = new CtInMemory.Budget(ctRoundTrips, ctExtra);
      figures.replace(ctRow, CtInMemory.withBudget(ctRow, again, budget));
      figures.note(
          CtInMemory.note(ctRow, again, plainOneCall, budget, ctRoundTripsAlone, ctEntries));
    }
    // The floor under every API call: the same clients reading the template (HTTP, sign-in,
    // JAX-RS, a transaction with one read, JSON) and issuing nothing; its ratio is to the
    // issuance's in-memory cost, so it shows how much of the goal the platform alone takes.
    figures.add(
        measure(
            "floor: a signed-in read (`GET /templates/{id}`), no issuance, " + clients + " clients",
            clients,
            duration,
            inMemory,
            "what any API call costs",
            (client, i) -> api.get("/api/v1/templates/" + templateId)));
    return figures.report();
  }

  private Figures.Row measure(
      String path,
      int clients,
      Duration duration,
      InMemory.Cost inMemory,
      String goal,
      Clients.Operation operation)
      throws Exception {
    WarmUp.Done warmUp =
        WarmUp.run(
            jit,
            WARM_UP_BATCH,
            WARM_UP_BATCHES,
            n -> Clients.count(clients, n, processes, operation));
    long compiled = jit.compiled();
    String recording = "issuance-" + path.replaceAll("[^a-z0-9]+", "-").replaceAll("-+$", "");
    jit.startRecording(recording);
    AuditSealing.Totals sealedBefore = sealing == null ? null : sealing.now();
    Clients.Outcome outcome = Clients.during(clients, duration, processes, operation);
    AuditSealing.Totals sealedAfter = sealing == null ? null : sealing.now();
    jit.stopRecording(recording);
    Figures.Row row =
        new Figures.Row(path, outcome, inMemory, warmUp, jit.compiled() - compiled, goal);
    if (sealing != null) {
      figures.note(
          AuditSealing.line(
              path, sealedBefore, sealedAfter, outcome.operations(), row.cpuMillis(0)));
    }
    return row;
  }

  private void oneCall(String templateId, String csrPem) throws Exception {
    api.post(
        "/api/v1/templates/" + templateId + "/certificates",
        "{\"csr\":\"" + csrPem.replace("\n", "\\n") + "\"}");
  }

  /** The same one-call measure on a template whose two CT logs must both give an SCT. */
  private void withCt(
      String caId, List<String> csrs, int clients, Duration duration, InMemory.Cost inMemory)
      throws Exception {
    X509CertificateHolder ca = BenchApi.caCertificate(api.get("/api/v1/cas/" + caId));
    InMemory.Cost extra = InMemory.cpuPerOperation(CtInMemory.work(), 5000);
    // the round trips' CPU on a client of the same make as the server's, before the CT run
    ctRoundTripsAlone = CtRoundTrips.measure(CtInMemory.chain(), 1000, 1);
    ctRoundTrips = CtRoundTrips.measure(CtInMemory.chain(), 1000, clients);
    InMemory.Cost withExtra =
        new InMemory.Cost(
            inMemory.cpuMillis() + extra.cpuMillis(),
            extra.operations(),
            extra.warmUpOperations(),
            extra.batch(),
            extra.compilationMillis(),
            inMemory.gcMillis() + extra.gcMillis());
    // PKIAAS_BENCH_CT_PORT: the first log's port (the second's is the next); unset: any free ports
    String port = System.getenv("PKIAAS_BENCH_CT_PORT");
    int first = port == null || port.isBlank() ? 0 : Integer.parseInt(port);
    try (Rfc6962Log one = new Rfc6962Log(first, ca);
        Rfc6962Log two = new Rfc6962Log(first == 0 ? 0 : first + 1, ca)) {
      String templateId =
          BenchApi.id(
              api.post(
                  "/api/v1/cas/" + caId + "/templates",
                  "{\"name\":\"CT benchmark\",\"starter\":\"WEB_SERVER\"}"));
      api.put(
          "/api/v1/templates/" + templateId,
          "{\"certificateTransparency\":{\"logs\":["
              + one.asTemplateLog()
              + ","
              + two.asTemplateLog()
              + "],\"sctsRequired\":2}}");
      Figures.Row row =
          measure(
              "one call with CT (2 logs in the load generator, 2 SCTs required), "
                  + clients
                  + " clients",
              clients,
              duration,
              withExtra,
              "extra server CPU ≤ log round trips + precertificate signature + SCT checks",
              (client, i) -> oneCall(templateId, csrs.get(i % csrs.size())));
      figures.add(row);
      ctRow = row;
      ctExtra = extra;
      ctEntries = one.treeSize() + " and " + two.treeSize();
    }
  }

  /**
   * What issuing one certificate cannot avoid, in memory with Bouncy Castle and a P-256 CA key:
   * parse the CSR and verify its signature, build a Web Server certificate (key usages, EKU, SAN,
   * key identifiers), sign and encode it.
   */
  static InMemory.Work issuanceWork() throws Exception {
    KeyPair ca = BenchApi.p256();
    byte[] csr = PemText.der(BenchApi.csr("host.example.test"), "CERTIFICATE REQUEST");
    SecureRandom random = new SecureRandom();
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    return () -> {
      PKCS10CertificationRequest request = new PKCS10CertificationRequest(csr);
      if (!InMemory.csrVerifies(request)) {
        throw new IllegalStateException("CSR signature");
      }
      X509v3CertificateBuilder builder =
          new X509v3CertificateBuilder(
              new X500Name("CN=Benchmark CA"),
              new BigInteger(127, random),
              new Date(),
              new Date(System.currentTimeMillis() + 86_400_000L),
              request.getSubject(),
              request.getSubjectPublicKeyInfo());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, "host.example.test")));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          extensions.createSubjectKeyIdentifier(request.getSubjectPublicKeyInfo()));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          extensions.createAuthorityKeyIdentifier(
              org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                  ca.getPublic().getEncoded())));
      ContentSigner signer =
          new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(ca.getPrivate());
      builder.build(signer).getEncoded();
    };
  }

  private static List<String> csrs(int count) throws Exception {
    List<String> csrs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      csrs.add(BenchApi.csr("host" + i + ".example.test"));
    }
    return csrs;
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
}
