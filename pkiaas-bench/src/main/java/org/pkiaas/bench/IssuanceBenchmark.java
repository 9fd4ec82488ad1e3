package org.pkiaas.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Certificates issued per second through the REST API with a P-256 CA and N concurrent clients, two
 * ways: the one-call endpoint ({@code POST /api/v1/templates/{id}/certificates}) and the queue
 * (submit, then sign: two calls). Each path reports, from one run, the server's, MariaDB's and the
 * clients' CPU per certificate beside the in-memory CPU of the work that cannot be avoided (parse
 * and verify the CSR, build and sign the certificate with Bouncy Castle), see {@link Figures}.
 *
 * <p>With {@code ct}, the one-call path runs on a template with two Certificate Transparency logs
 * ({@link Rfc6962Log}, in this process) that both must answer, then plain again, then with CT
 * again, then plain with the logs' work beside it (the control: the same logs' CPU on the same
 * cores, no CT work in the server); the goal is judged on the CT row against the control, and the
 * extra over the plain row is shown beside it. The CT rows' in-memory figure adds, measured in the
 * same run, what CT cannot avoid ({@link CtInMemory}: the precertificate's signature and the two
 * SCT checks); its goal column and a line below the table set the server's extra CPU per
 * certificate against the budget of issue 19 ("the log round-trips plus one extra signature"):
 * those and the client CPU of the two {@code add-pre-chain} round trips ({@link CtRoundTrips}),
 * also measured in the same run. The system property {@code bench.label} names the server's
 * configuration in the path column (such as "audit sealing off").
 *
 * <p>Two floors follow, with the same clients: a signed-in read of the template (what any API call
 * costs) and the one call refused at its body's check (what it costs before any issuance work),
 * with a line that sets the one call's server CPU against the latter and the 3× goal.
 *
 * <p>Over 300 lines because every row of a run shares one server, one CA, one set of CSRs and the
 * plain one-call row that the CT rows and the floor line are counted from; split, each part would
 * need all of them passed in.
 *
 * <p>Usage: {@code IssuanceBenchmark BASE_URL ADMIN_USER ADMIN_PASSWORD WORK_DIR [clients]
 * [seconds] [ct]}; prints a Markdown section.
 */
public final class IssuanceBenchmark {

  private static final java.security.Provider BC = BenchApi.BC;

  private static final long TICKS = Long.getLong("bench.cpu.ticks", 100);

  private final BenchApi api;
  private final ServerJit jit = ServerJit.fromProperties();

  /** The server's, the database's and this process's CPU, read around each API measurement. */
  private final ProcessCpu[] processes = ProcessCpu.fromProperties("server", "database");

  /** The server's own meters (CT's steps); null without a metrics URL. */
  private final ServerMeters meters = ServerMeters.fromProperties();

  /** The audit sealer's own CPU, from those meters; null without them. */
  private final AuditSealing sealing = AuditSealing.of(meters);

  private Figures figures;

  /** The plain one-call row, which the CT row's extra CPU is counted from. */
  private Figures.Row plainOneCall;

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
    InMemory.Cost inMemory = InMemory.cpuPerOperation(IssuanceInMemory.work(), 5000);
    InMemory.Busy busy =
        InMemory.cpuPerOperationBusy(
            IssuanceInMemory::work,
            Runtime.getRuntime().availableProcessors(),
            Duration.ofSeconds(5));
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
      withCt(caId, templateId, csrs, clients, duration, inMemory, suffix);
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
    // The floor under the one call itself: the same clients posting the same body with one
    // override the body's constraints refuse (HTTP, sign-in, reading and checking the JSON, whose
    // CSR is checked for size and characters only, a problem+json answer): what the one call pays
    // before any issuance work, with no EJB, no transaction and no database.
    Figures.Row refused =
        measure(
            "floor: the one call refused at its body's check (`validityDays` 0, 400), no issuance, "
                + clients
                + " clients",
            clients,
            duration,
            inMemory,
            "what the one call's HTTP, sign-in and body cost",
            (client, i) -> refusedOneCall(templateId, csrs.get(i % csrs.size())));
    figures.add(refused);
    figures.note(
        Figures.floorNote(
            plainOneCall,
            refused,
            3,
            "certificate",
            "HTTP, sign-in, the JSON body read and checked, a problem+json answer"));
    figures.note(busy.note("the issuance's", inMemory, plainOneCall.cpuMillis(0)));
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
    if (sealing != null) {
      // the scrape before the window makes WildFly's management code hot: scraped once here, it is
      // compiled during the warm-up, not by the compiler threads inside the window
      sealing.now();
    }
    WarmUp.Done warmUp =
        Clients.warmUp(jit, clients, WarmUp.BATCH, WarmUp.BATCHES, processes, operation);
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

  private String oneCall(String templateId, String csrPem) throws Exception {
    return api.post(
        "/api/v1/templates/" + templateId + "/certificates",
        "{\"csr\":\"" + csrPem.replace("\n", "\\n") + "\"}");
  }

  private String refusedOneCall(String templateId, String csrPem) throws Exception {
    return api.postRefused(
        "/api/v1/templates/" + templateId + "/certificates",
        "{\"csr\":\"" + csrPem.replace("\n", "\\n") + "\",\"overrides\":{\"validityDays\":0}}",
        400);
  }

  /**
   * The same one-call measure on a template whose two CT logs must both give an SCT, three times
   * over: with CT (which warms the CT path up: its HTTP client alone adds thousands of methods for
   * the JIT), plain again, and with CT again. The goal is judged on the last two, which are equally
   * warm: measured right after the first CT run, the CT row was still paying for compilations
   * (hundreds in its window) and for code that the new path had sent back to the interpreter.
   */
  private void withCt(
      String caId,
      String plainTemplateId,
      List<String> csrs,
      int clients,
      Duration duration,
      InMemory.Cost inMemory,
      String suffix)
      throws Exception {
    X509CertificateHolder ca = BenchApi.caCertificate(api.get("/api/v1/cas/" + caId));
    InMemory.Cost extra = InMemory.cpuPerOperation(CtInMemory.work(), 5000);
    // the round trips' CPU on a client of the same make as the server's, before the CT run
    CtRoundTrips.Cost alone = CtRoundTrips.measure(CtInMemory.chain(), 1000, 1);
    CtRoundTrips.Cost roundTrips = CtRoundTrips.measure(CtInMemory.chain(), 1000, clients);
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
      String ctPath =
          "one call with CT (2 logs in the load generator, 2 SCTs required), "
              + clients
              + " clients";
      Clients.Operation withCt = (client, i) -> oneCall(templateId, csrs.get(i % csrs.size()));
      figures.add(measure(ctPath + ", first run", clients, duration, withExtra, "", withCt));
      Figures.Row plain =
          measure(
              "one call again, after the first CT run, " + clients + " clients" + suffix,
              clients,
              duration,
              inMemory,
              "",
              (client, i) -> oneCall(plainTemplateId, csrs.get(i % csrs.size())));
      figures.add(plain);
      Figures.Row again = measure(ctPath + ", again", clients, duration, withExtra, "", withCt);
      CtInMemory.Budget budget = new CtInMemory.Budget(roundTrips, extra);
      java.util.concurrent.ExecutorService pool = CtRoundTrips.connector();
      try {
        Clients.Operation control =
            besideTheLogs(List.of(one, two), ca, plainTemplateId, csrs, pool);
        Figures.Row beside =
            measure(
                "one call again, the logs' work beside it (each certificate sent to both logs by"
                    + " its client), "
                    + clients
                    + " clients",
                clients,
                duration,
                inMemory,
                "",
                control);
        List<CtPairs.Pair> pairs = CtPairs.run(clients, processes, withCt, control, meters);
        figures.add(CtInMemory.withBudget(again, plain, beside, budget, pairs));
        figures.add(beside);
        figures.note(
            CtInMemory.note(
                again,
                plain,
                plainOneCall,
                budget,
                alone,
                one.treeSize() + " and " + two.treeSize()));
        figures.note(CtInMemory.contention(again, plain, beside, budget));
        CtPairs.notes(pairs, budget.millis()).forEach(figures::note);
        figures.note(
            ServerThreads.extra(
                again.outcome().serverThreads(),
                again.outcome().operations(),
                plain.outcome().serverThreads(),
                plain.outcome().operations(),
                TICKS));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * The control for the CT rows: the plain one call while the same two logs do the same work beside
   * it. Each client sends the certificate it was issued, with the CA, to both logs' {@code
   * add-chain} (RFC 6962 §4.1) at once, as the server sends a precertificate, so the two cores
   * carry the logs' CPU as in the CT rows while the server does no CT work. Its server CPU against
   * the plain row's is what that contention alone costs the server.
   *
   * @param pool the threads that open the client's connections to the logs, as the server has
   */
  private Clients.Operation besideTheLogs(
      List<Rfc6962Log> logs,
      X509CertificateHolder ca,
      String templateId,
      List<String> csrs,
      java.util.concurrent.ExecutorService pool)
      throws Exception {
    org.pkiaas.ct.control.CtLogClient logClient = CtRoundTrips.client(pool);
    List<String> urls = logs.stream().map(Rfc6962Log::url).toList();
    byte[] caDer = ca.getEncoded();
    return (client, i) -> {
      String issued = oneCall(templateId, csrs.get(i % csrs.size()));
      byte[] leaf = BenchApi.caCertificate(issued).getEncoded();
      CtRoundTrips.roundTrips(logClient, urls, List.of(leaf, caDer), false);
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
