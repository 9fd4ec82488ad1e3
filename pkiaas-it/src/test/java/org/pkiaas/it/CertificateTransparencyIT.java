package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertInvalid;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pkiaas.bench.Rfc6962Log;

/**
 * Certificate Transparency end to end: templates with CT logs issue precertificates to two logs of
 * the tests' own ({@link Rfc6962Log}) and embed the SCTs, which PKI.js verifies and OpenSSL decodes
 * (neither written here); logs that fail make issuance refuse with a problem that names them, and
 * the administrator sees what each log answered.
 *
 * <p>Over 300 lines: every case of the issue (two logs, a log down with one or two SCTs needed, a
 * bad signature, a deadline, the admin's record, the precertificate's revocation) shares the two
 * logs and the helpers here, and reads the certificates with its own code, not the product's.
 */
class CertificateTransparencyIT extends ServerIT {

  static final ASN1ObjectIdentifier SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");

  private static final int OFFSET = Integer.getInteger("pkiaas.it.port-offset", 100);
  private static Rfc6962Log one;
  private static Rfc6962Log two;

  private final Api owner = Api.newUser();
  private final JsonObject ca =
      owner
          .post("/api/v1/cas", CertificateAuthoritiesIT.ca("CT Root").add("keyType", "EC").build())
          .json();
  private final String caId = ca.getString("id");
  private final X509CertificateHolder caCertificate =
      Pki.certificate(ca.getString("certificatePem"));

  @TempDir Path dir;

  @BeforeAll
  static void startLogs() {
    one = new Rfc6962Log(5060 + OFFSET);
    two = new Rfc6962Log(5061 + OFFSET);
  }

  @AfterAll
  static void stopLogs() {
    one.close();
    two.close();
  }

  @BeforeEach
  void honestLogsThatKnowThisCa() {
    for (Rfc6962Log log : List.of(one, two)) {
      log.mode(Rfc6962Log.Mode.HONEST);
      log.accept(caCertificate);
    }
  }

  private String template(Integer sctsRequired, JsonObject... logs) {
    JsonObject template =
        owner
            .post(
                "/api/v1/cas/" + caId + "/templates",
                Json.createObjectBuilder()
                    .add("name", "CT " + System.nanoTime())
                    .add("starter", "WEB_SERVER")
                    .build())
            .json();
    Api.Reply updated = useLogs(owner, template.getString("id"), sctsRequired, logs);
    assertEquals(200, updated.status(), updated::toString);
    return template.getString("id");
  }

  /** Makes {@code logs} (and {@code sctsRequired}, when not null) the CT logs of a template. */
  static Api.Reply useLogs(Api api, String templateId, Integer sctsRequired, JsonObject... logs) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (JsonObject log : logs) {
      list.add(log);
    }
    var ct = Json.createObjectBuilder().add("logs", list);
    if (sctsRequired != null) {
      ct.add("sctsRequired", sctsRequired);
    }
    return api.put(
        "/api/v1/templates/" + templateId,
        Json.createObjectBuilder().add("certificateTransparency", ct).build());
  }

  private static JsonObject log(Rfc6962Log log) {
    return Json.createObjectBuilder()
        .add("url", log.url())
        .add("publicKey", log.publicKey())
        .build();
  }

  private static JsonObject log(Rfc6962Log log, int timeoutMillis) {
    return Json.createObjectBuilder(log(log)).add("timeoutMillis", timeoutMillis).build();
  }

  private record Issued(Api.Reply reply, String requestId) {}

  private Issued issue(String templateId, String host) {
    Api.Reply submitted =
        owner.post(
            "/api/v1/templates/" + templateId + "/requests",
            Json.createObjectBuilder()
                .add("csr", Csrs.csr(Csrs.keys("EC"), "CN=" + host, List.of(host)))
                .build());
    assertEquals(201, submitted.status(), submitted::toString);
    String requestId = submitted.json().getString("id");
    return new Issued(
        owner.post("/api/v1/requests/" + requestId + "/sign", Json.createObjectBuilder().build()),
        requestId);
  }

  static List<String> sctLogIds(X509CertificateHolder certificate) {
    String text = certificate.getExtension(SCT_LIST) == null ? null : "present";
    assertNotNull(text, "no SCT list in the certificate");
    // read by the test itself: uint16 list length, then uint16 length + SCT (version, log id, ...)
    byte[] list =
        org.bouncycastle.asn1.ASN1OctetString.getInstance(
                certificate.getExtension(SCT_LIST).getParsedValue())
            .getOctets();
    java.util.ArrayList<String> ids = new java.util.ArrayList<>();
    int i = 2;
    while (i < list.length) {
      int length = ((list[i] & 0xff) << 8) | (list[i + 1] & 0xff);
      ids.add(HexFormat.of().formatHex(list, i + 3, i + 35));
      i += 2 + length;
    }
    return ids;
  }

  static String logId(Rfc6962Log log) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256")
                .digest(Base64.getDecoder().decode(log.publicKey())));
  }

  @Test
  void twoLogsGiveTwoSctsThatOpenSslVerifies() throws Exception {
    String templateId = template(2, log(one), log(two));
    Scrape before = Scrape.now();

    Issued issued = issue(templateId, "two-logs.ct.test");

    assertEquals(200, issued.reply().status(), issued.reply()::toString);
    // what CT cost the server, on its own meter: one precertificate signed, the logs asked once
    Scrape after = Scrape.now();
    for (String step : List.of("precertificate", "logs")) {
      Map<String, String> labels = Map.of("step", step);
      assertEquals(1, after.grewSince(before, "pkiaas_ct_cpu_seconds_count", labels), step);
      assertTrue(after.grewSince(before, "pkiaas_ct_cpu_seconds_sum", labels) > 0, after::text);
    }
    X509CertificateHolder certificate =
        Pki.certificate(issued.reply().json().getString("certificatePem"));
    assertFalse(certificate.getExtension(SCT_LIST).isCritical());
    assertEquals(List.of(logId(one), logId(two)), sctLogIds(certificate));
    var shown =
        owner
            .get("/api/v1/certificates/" + issued.reply().json().getString("id"))
            .json()
            .getJsonArray("signedCertificateTimestamps");
    assertEquals(2, shown.size(), shown::toString);
    for (int i = 0; i < 2; i++) {
      JsonObject sct = shown.getJsonObject(i);
      Rfc6962Log log = i == 0 ? one : two;
      assertEquals(log.url(), sct.getString("logUrl"));
      assertEquals(logId(log), sct.getString("logId"));
      assertTrue(sct.getBoolean("verified"), sct::toString);
      assertFalse(sct.getString("timestamp").isEmpty());
    }
    assertEquals(shown, issued.reply().json().getJsonArray("signedCertificateTimestamps"));
    // the round that stopped for the logs is not an outcome: one sign, a success, is audited
    List<JsonObject> signs =
        owner.get("/api/v1/audit?size=500").array().getValuesAs(JsonObject.class).stream()
            .filter(e -> "request.sign".equals(e.getString("action")))
            .filter(
                e ->
                    List.of(issued.requestId(), issued.reply().json().getString("id"))
                        .contains(e.getString("objectId", "")))
            .toList();
    assertEquals(1, signs.size(), signs::toString);
    assertEquals("SUCCESS", signs.get(0).getString("outcome").toUpperCase(Locale.ROOT));

    // each log saw the precertificate: same serial, poison instead of the SCTs, same order
    for (Rfc6962Log log : List.of(one, two)) {
      List<byte[]> chain = log.submissions().get(log.submissions().size() - 1);
      X509CertificateHolder precert = new X509CertificateHolder(chain.get(0));
      assertArrayEquals(Pki.der(caCertificate), chain.get(1));
      assertEquals(certificate.getSerialNumber(), precert.getSerialNumber());
      assertTrue(precert.getExtension(Rfc6962Log.POISON).isCritical());
      assertTrue(Pki.signedBy(precert, caCertificate));
      assertArrayEquals(
          Rfc6962Log.tbsWithout(precert, Rfc6962Log.POISON),
          Rfc6962Log.tbsWithout(certificate, SCT_LIST));
      assertEquals(
          oids(precert).stream().map(o -> o.equals(Rfc6962Log.POISON) ? SCT_LIST : o).toList(),
          oids(certificate));
    }

    String pem = issued.reply().json().getString("certificatePem");
    Files.writeString(dir.resolve("leaf.pem"), pem);
    String text =
        Tools.ok(dir, "openssl", "x509", "-in", "leaf.pem", "-noout", "-text")
            .replace(":", "")
            .replaceAll("\\s+", "")
            .toLowerCase(Locale.ROOT);
    assertTrue(text.contains("ctprecertificatescts"), text);
    assertTrue(text.contains(logId(one)) && text.contains(logId(two)), text);

    verifiedByPkiJs(certificate);
    Files.writeString(dir.resolve("ca.pem"), Pki.pem(caCertificate));

    // the precertificate shares the certificate's serial: revoking one revokes both (§3.1)
    Files.writeString(
        dir.resolve("precert.pem"),
        Pki.pem(
            new X509CertificateHolder(one.submissions().get(one.submissions().size() - 1).get(0))));
    Api.Reply revoked =
        owner.post(
            "/api/v1/certificates/" + issued.reply().json().getString("id") + "/revoke",
            Json.createObjectBuilder().add("reason", "keyCompromise").build());
    assertEquals(200, revoked.status(), revoked::toString);
    String ocsp =
        Tools.ok(
            dir,
            "openssl",
            "ocsp",
            "-issuer",
            "ca.pem",
            "-cert",
            "precert.pem",
            "-url",
            Api.BASE_URL + "/pki/ocsp/" + caId,
            "-noverify");
    assertTrue(ocsp.contains("precert.pem: revoked"), ocsp);
  }

  /**
   * PKI.js (a CT implementation nobody here wrote, run by node) rebuilds the precertificate entry
   * from the certificate and its issuer and checks each SCT with its log's key. OpenSSL cannot be
   * the judge here: {@code s_client -ct} validates permissively and prints no SCT's status.
   */
  private void verifiedByPkiJs(X509CertificateHolder certificate) throws Exception {
    Files.write(dir.resolve("leaf.der"), Pki.der(certificate));
    Files.write(dir.resolve("ca.der"), Pki.der(caCertificate));
    Path script = Path.of(System.getProperty("pkiaas.it.js"), "verify-scts.mjs");
    String output =
        Tools.ok(
            dir,
            "node",
            script.toAbsolutePath().toString(),
            "leaf.der",
            "ca.der",
            one.publicKey(),
            two.publicKey());
    assertEquals(
        List.of(b64(logId(one)) + " valid", b64(logId(two)) + " valid"), output.lines().toList());
    Tools.Run wrongIssuer =
        Tools.run(
            dir,
            "node",
            script.toAbsolutePath().toString(),
            "leaf.der",
            "leaf.der",
            one.publicKey(),
            two.publicKey());
    assertEquals(1, wrongIssuer.exitCode(), wrongIssuer.output());
    assertTrue(wrongIssuer.output().contains(b64(logId(one)) + " invalid"), wrongIssuer.output());
  }

  private static String b64(String hex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }

  private static List<ASN1ObjectIdentifier> oids(X509CertificateHolder certificate) {
    return List.of(certificate.getExtensions().getExtensionOIDs());
  }

  /**
   * While a log holds submissions, at most {@code pkiaas.ct.transactions-waiting} issuing
   * transactions stay open, each waiting with its database connection; every issuance beyond that
   * waits with no transaction open and runs its transaction again once the logs answered. The H2
   * server allows none (src/test/resources/arquillian.xml), so its one issuance takes the two-round
   * path; the MariaDB server allows one, so of two issuances held at once the first waits inside
   * its transaction and the second between two rounds. WildFly's own count of transactions in
   * flight, read while the log sits on the submissions, is that bound; its count of all
   * transactions then grows, so the statistics were live. The one call signs with no transaction
   * open at all, so none is in flight while the log holds its submissions, whichever path it takes.
   * Both certificates carry both SCTs.
   */
  @Test
  void noMoreTransactionsThanAllowedStayOpenWhileALogAnswers() throws Exception {
    String templateId = template(null, log(one), log(two, 60_000));
    int allowed = "mariadb".equals(System.getProperty("pkiaas.it.database", "h2")) ? 1 : 0;
    // the queue's sign, then the one-call endpoint
    transactionsOpenWhileALogAnswers(allowed, allowed, host -> issue(templateId, host), 200);
    transactionsOpenWhileALogAnswers(allowed, 0, host -> issueAtOnce(templateId, host), 201);
  }

  private Issued issueAtOnce(String templateId, String host) {
    return new Issued(
        owner.post(
            "/api/v1/templates/" + templateId + "/certificates",
            Json.createObjectBuilder()
                .add("csr", Csrs.csr(Csrs.keys("EC"), "CN=" + host, List.of(host)))
                .build()),
        null);
  }

  /**
   * Sends {@code allowed + 1} issuances at once to a log that holds them, and reads the
   * transactions in flight while it does: {@code open} of them.
   */
  private void transactionsOpenWhileALogAnswers(
      int allowed, int open, java.util.function.Function<String, Issued> issue, int status)
      throws Exception {
    ServerCli cli = new ServerCli(System.getProperty("pkiaas.it.database", "h2"));
    String inFlight =
        "/subsystem=transactions:read-attribute(name=number-of-inflight-transactions)";
    String total = "/subsystem=transactions:read-attribute(name=number-of-transactions)";
    cli.run("/subsystem=transactions:write-attribute(name=statistics-enabled,value=true)");
    try {
      List<CompletableFuture<Issued>> issuing = List.of();
      String during = null;
      // The check only means something while the log still holds the submissions, before the
      // template's 60 s deadline for them: on a machine so loaded that jboss-cli takes longer than
      // that to answer, the attempt is void and made again (at most three times).
      for (int attempt = 1; attempt <= 3; attempt++) {
        two.mode(Rfc6962Log.Mode.HELD);
        List<CompletableFuture<Issued>> sent = new java.util.ArrayList<>();
        for (int i = 0; i <= allowed; i++) {
          int before = two.arrivals();
          String host = "patient" + attempt + "-" + i + "-" + status + ".ct.test";
          sent.add(CompletableFuture.supplyAsync(() -> issue.apply(host)));
          // one after the other, so the first takes the place inside its transaction
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (two.arrivals() == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
          }
          assertTrue(two.arrivals() > before, "the submission never reached the log");
        }
        issuing = sent;
        long asked = System.nanoTime();
        during = cli.run(inFlight, inFlight, total);
        long answeredAfter = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - asked);
        if (issuing.stream().noneMatch(CompletableFuture::isDone)
            || answeredAfter < 50
            || attempt == 3) {
          break;
        }
        System.out.println(
            "CertificateTransparencyIT: jboss-cli answered after " + answeredAfter + " s; again");
        two.release();
        for (CompletableFuture<Issued> each : issuing) {
          each.get(60, TimeUnit.SECONDS);
        }
      }
      assertTrue(
          issuing.stream().noneMatch(CompletableFuture::isDone),
          "the log holds the submissions: " + during);
      List<String> results = results(during);
      String expected = Integer.toString(open);
      assertTrue(
          results.get(0).equals(expected) || results.get(1).equals(expected),
          open
              + " transaction(s) may stay open while the log is answering, not more or less: "
              + during);

      two.release();
      for (CompletableFuture<Issued> each : issuing) {
        Issued issued = each.get(60, TimeUnit.SECONDS);
        assertEquals(status, issued.reply().status(), issued.reply()::toString);
        X509CertificateHolder certificate =
            Pki.certificate(issued.reply().json().getString("certificatePem"));
        assertEquals(List.of(logId(one), logId(two)), sctLogIds(certificate));
      }
      long after = Long.parseLong(results(cli.run(total)).get(0));
      assertTrue(
          after > Long.parseLong(results.get(2)), "the statistics count transactions: " + after);
    } finally {
      two.release();
      cli.run("/subsystem=transactions:write-attribute(name=statistics-enabled,value=false)");
    }
  }

  /** The {@code result} values of jboss-cli's answers, in order. */
  private static List<String> results(String cliOutput) {
    return cliOutput
        .lines()
        .map(String::strip)
        .filter(l -> l.startsWith("\"result\" => "))
        .map(l -> l.substring("\"result\" => ".length()).replaceAll("[L,]", ""))
        .toList();
  }

  @Test
  void oneLogDownStillIssuesWhenOneSctIsEnough() throws Exception {
    two.mode(Rfc6962Log.Mode.SERVER_ERROR);
    String templateId = template(1, log(one), log(two));

    Issued issued = issue(templateId, "one-of-two.ct.test");

    assertEquals(200, issued.reply().status(), issued.reply()::toString);
    X509CertificateHolder certificate =
        Pki.certificate(issued.reply().json().getString("certificatePem"));
    assertEquals(List.of(logId(one)), sctLogIds(certificate));
  }

  @Test
  void oneLogDownIssuesNothingWhenTwoSctsAreNeeded() {
    two.mode(Rfc6962Log.Mode.SERVER_ERROR);
    String templateId = template(null, log(one), log(two));

    Issued issued = issue(templateId, "two-needed.ct.test");

    JsonObject problem = assertProblem(issued.reply(), 503);
    String detail = problem.getString("detail");
    assertTrue(detail.contains("1 valid SCT(s), 2 required"), detail);
    assertTrue(detail.contains(two.url() + ": HTTP 500"), detail);
    assertFalse(detail.contains(one.url() + ":"), "the log that answered is not blamed: " + detail);
    assertEquals(
        "PENDING", owner.get("/api/v1/requests/" + issued.requestId()).json().getString("status"));
    // the administrator sees the precertificate and what each log answered
    var attempts = owner.get("/api/v1/requests/" + issued.requestId() + "/ct-attempts").array();
    assertEquals(1, attempts.size(), attempts::toString);
    JsonObject attempt = attempts.getJsonObject(0);
    assertEquals("admin_csr", attempt.getString("channel"), attempt::toString);
    List<String> answers =
        attempt.getJsonArray("answers").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList();
    assertTrue(answers.get(0).startsWith(one.url() + ": SCT verified"), answers::toString);
    assertTrue(
        answers.get(1).contains(two.url() + ": HTTP 500")
            && answers.get(1).contains("switched to fail"),
        answers::toString);
    X509CertificateHolder precert = Pki.certificate(attempt.getString("precertificatePem"));
    assertTrue(precert.getExtension(Rfc6962Log.POISON).isCritical());
    assertTrue(Pki.signedBy(precert, caCertificate));
    assertProblem(
        Api.newUser().get("/api/v1/requests/" + issued.requestId() + "/ct-attempts"), 404);
    assertEquals(
        0, owner.get("/api/v1/cas/" + caId + "/certificates?issuedTo=subscriber").array().size());
  }

  @Test
  void anSctWithABadSignatureIsRefused() {
    one.mode(Rfc6962Log.Mode.BAD_SIGNATURE);
    String templateId = template(null, log(one));

    Issued issued = issue(templateId, "bad-signature.ct.test");

    String detail = assertProblem(issued.reply(), 503).getString("detail");
    assertTrue(detail.contains(one.url() + ": invalid SCT: the signature does not verify"), detail);
  }

  @Test
  void aSlowLogRunsIntoItsDeadlineAndARefusingOneIsNamed() throws Exception {
    two.mode(Rfc6962Log.Mode.TOO_SLOW);
    String slow = template(1, log(one), log(two, 1000));
    long start = System.nanoTime();

    Issued issued = issue(slow, "slow.ct.test");

    assertEquals(200, issued.reply().status(), issued.reply()::toString);
    assertTrue(
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 10_000,
        "the slow log cost its deadline, not its 15 s");
    one.mode(Rfc6962Log.Mode.BAD_REQUEST);
    String detail =
        assertProblem(issue(template(null, log(one)), "refused.ct.test").reply(), 503)
            .getString("detail");
    assertTrue(detail.contains(one.url() + ": HTTP 400"), detail);
  }

  @Test
  void logsWithoutAUsableKeyAreRefusedWhenTheTemplateIsSaved() {
    String templateId =
        owner
            .post(
                "/api/v1/cas/" + caId + "/templates",
                Json.createObjectBuilder()
                    .add("name", "CT bad")
                    .add("starter", "WEB_SERVER")
                    .build())
            .json()
            .getString("id");
    assertInvalid(
        owner.put(
            "/api/v1/templates/" + templateId,
            Json.createObjectBuilder()
                .add(
                    "certificateTransparency",
                    Json.createObjectBuilder()
                        .add(
                            "logs",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("url", one.url())
                                        .add("publicKey", "bm90IGEga2V5"))))
                .build()),
        "certificateTransparency.logs[0].publicKey");
  }
}
