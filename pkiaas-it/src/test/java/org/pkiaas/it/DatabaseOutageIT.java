package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back (issue 13). On MariaDB the server is pointed at a MariaDB
 * of the test's own, which is killed under load: every interface answers "try again" in its own
 * language (REST 503 problem with Retry-After, OCSP tryLater except for cached answers, the CRL the
 * node holds in memory while it is valid, AIA 503, ACME serverInternal with Retry-After),
 * server.log grows by a line per failure, not a stack trace nor Hibernate's copies of it; after the
 * database is started again, the server answers normally within 10 s, without a restart. On the
 * embedded H2, which cannot be stopped from outside the server's JVM, the test checks the settings
 * that give the same recovery (validation on borrow) and bounded logs. Readiness (MicroProfile
 * Health, issue 16) goes DOWN within seconds of the outage, naming the database, and UP again
 * within the same 10 s of its return.
 */
class DatabaseOutageIT extends ServerIT {

  private static final String DATABASE = System.getProperty("pkiaas.it.database", "h2");
  private static final String DS = "/subsystem=datasources/data-source=PkiaasDS";
  private static final Duration RECOVERY = Duration.ofSeconds(10);

  private final ServerCli cli = new ServerCli(DATABASE);

  /** A log record's first line: date, time, level, [category], the rest. */
  private static final java.util.regex.Pattern LOG_RECORD =
      java.util.regex.Pattern.compile("^\\S+ \\S+ +([A-Z]+) +\\[([^\\]]+)\\].*");

  @Test
  void theServerSurvivesADatabaseOutage() throws Exception {
    if (!DATABASE.equals("mariadb")) {
      theEmbeddedDatabaseHasTheSameSafeguards();
      return;
    }
    int port = 3307 + URI.create(Api.BASE_URL).getPort() - 8080;
    Path dir =
        Path.of(System.getProperty("pkiaas.it.servers", "target/servers"))
            .resolveSibling("outage-db");
    String original = attribute("connection-url");
    try (OwnMariaDb db = new OwnMariaDb(dir, port)) {
      db.start();
      db.sql(
          "CREATE DATABASE pkiaas_outage CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
              + " CREATE USER 'pkiaas_it'@'127.0.0.1' IDENTIFIED BY 'pkiaas_it';"
              + " GRANT ALL PRIVILEGES ON pkiaas_outage.* TO 'pkiaas_it'@'127.0.0.1';");
      switchTo(db.url("pkiaas_outage"));
      try {
        outageAndRecovery(db);
      } finally {
        switchTo(original);
      }
    }
  }

  private void outageAndRecovery(OwnMariaDb db) throws Exception {
    StatusPki pki = new StatusPki(Api.newUser(), "Outage Root");
    // the one call keeps its template and CA for a while, and reaches its group's write
    String oneCall = "/api/v1/templates/" + pki.templateId + "/certificates";
    JsonObject csr =
        Json.createObjectBuilder()
            .add("csr", Csrs.csr(Csrs.keys("EC"), "CN=one.outage.test", List.of("one.outage.test")))
            .build();
    assertEquals(201, pki.owner.post(oneCall, csr).status());
    BigInteger cached = StatusPki.serial(pki.issue("cached.outage.test"));
    BigInteger uncached = StatusPki.serial(pki.issue("uncached.outage.test"));
    // the status watcher drops the answers a node cached for a CA before its first two-second beat
    // saw that CA (StatusWatcher.poll): two beats later, the answer cached below stays cached
    Thread.sleep(4_000);
    assertEquals(
        CertificateStatus.GOOD,
        StatusPki.basic(pki.ocsp(pki.request(null, cached))).getResponses()[0].getCertStatus());
    Api.Reply crlBefore = Api.anonymous().get("/pki/crl/" + pki.caId + ".crl");
    assertEquals(200, crlBefore.status());
    long logBefore = Files.size(cli.serverLog());

    db.kill();
    // two rounds under load: the first may write a stack trace per distinct cause, the second
    // only a line or two per failure (about 400 bytes; before, ~100 KB per failure)
    int first = failUnderLoad(pki, uncached, oneCall, csr);
    long logBetween = Files.size(cli.serverLog());
    int second = failUnderLoad(pki, uncached, oneCall, csr);
    long growth = Files.size(cli.serverLog()) - logBetween;
    assertOneLinePerFailure(logBetween, second);
    assertTrue(first + second > 20, "the outage was under load: " + (first + second) + " requests");
    // room for one timer's first trace falling into the second round
    assertTrue(
        growth < 1_000L * second + 60_000,
        () -> "server.log grew by " + growth + " bytes for " + second + " failed requests");
    long total = Files.size(cli.serverLog()) - logBefore;
    assertTrue(
        total < 1_000L * (first + second) + 400_000,
        () -> "server.log grew by " + total + " bytes in all");

    assertReadinessTurns("DOWN", 503);

    // cached answers are still served
    assertEquals(
        CertificateStatus.GOOD,
        StatusPki.basic(pki.ocsp(pki.request(null, cached))).getResponses()[0].getCertStatus());
    // the CRL this node holds is still valid: served from memory, not 503
    Api.Reply crl = Api.anonymous().get("/pki/crl/" + pki.caId + ".crl");
    assertEquals(200, crl.status(), crl::toString);
    assertEquals("application/pkix-crl", crl.contentType());
    assertArrayEquals(crlBefore.bytes(), crl.bytes(), "the CRL served before the outage");
    assertTrue(
        new X509CRLHolder(crl.bytes()).getNextUpdate().getTime() > System.currentTimeMillis(),
        "a CRL served in an outage is still valid");
    assertBinaryOrUnavailable(
        Api.anonymous().get("/pki/ca/" + pki.caId + ".crt"), "application/pkix-cert");
    Api.Reply acme = Api.anonymous().get("/pki/acme/renewal-info/AAAA.AQ");
    assertEquals(503, acme.status(), acme::toString);
    assertEquals("application/problem+json", acme.contentType());
    assertEquals("urn:ietf:params:acme:error:serverInternal", acme.json().getString("type"));
    assertTrue(acme.headers().firstValue("Retry-After").isPresent(), "a retry hint");
    assertConsoleErrorPage(pki.owner.get("/cas.xhtml"));

    db.start();
    long started = System.nanoTime();
    while (true) {
      Api.Reply reply = pki.owner.get("/api/v1/cas/" + pki.caId);
      OCSPResp ocsp = StatusPki.response(pki.ocsp(pki.request(null, uncached)));
      if (reply.status() == 200 && ocsp.getStatus() == OCSPResp.SUCCESSFUL) {
        break;
      }
      assertTrue(
          System.nanoTime() - started < RECOVERY.toNanos(),
          () -> "not recovered within " + RECOVERY.toSeconds() + " s: " + reply);
      Thread.sleep(250);
    }
    assertReadinessTurns("UP", 200);
    assertTrue(
        System.nanoTime() - started < RECOVERY.toNanos(),
        "ready again within " + RECOVERY.toSeconds() + " s");
    // and it writes again
    pki.issue("after.outage.test");
    Api.Reply issued = pki.owner.post(oneCall, csr);
    assertEquals(201, issued.status(), issued::toString);
  }

  /** Readiness reaches {@code status} (its database check with it) within {@link #RECOVERY}. */
  private static void assertReadinessTurns(String status, int httpStatus) throws Exception {
    long deadline = System.nanoTime() + RECOVERY.toNanos();
    Health.Answer ready = Health.ready();
    while (!(ready.status() == httpStatus && status.equals(ready.status("pkiaas-database")))) {
      Health.Answer last = ready;
      assertTrue(
          System.nanoTime() < deadline,
          () -> "readiness not " + status + " within " + RECOVERY.toSeconds() + " s: " + last);
      Thread.sleep(250);
      ready = Health.ready();
    }
    assertEquals(status, ready.overall(), ready::toString);
  }

  /** Five seconds of requests that need the database; returns how many were sent. */
  private static int failUnderLoad(
      StatusPki pki, BigInteger uncached, String oneCall, JsonObject csr) {
    int failures = 0;
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < end) {
      assertApiUnavailable(pki.owner.get("/api/v1/cas/" + pki.caId));
      assertApiUnavailable(pki.owner.post(oneCall, csr));
      assertEquals(
          OCSPResp.TRY_LATER,
          StatusPki.response(pki.ocsp(pki.request(null, uncached))).getStatus());
      assertEquals(
          OCSPResp.TRY_LATER,
          StatusPki.response(pki.ocsp(pki.request(StatusPki.nonce(16), uncached))).getStatus());
      failures += 4;
    }
    return failures;
  }

  private static void assertApiUnavailable(Api.Reply reply) {
    JsonObject problem = Problems.assertProblem(reply, 503);
    assertEquals("https://pkiaas.org/problems/unavailable", problem.getString("type"));
    assertTrue(
        reply.headers().firstValue("Retry-After").isPresent(), () -> "no Retry-After: " + reply);
  }

  /**
   * What the server logged since {@code from} for {@code failures} failed requests: no more lines
   * than failures (one line each, with its incident id; the stack trace of a cause was written in
   * the first round), and nothing from Hibernate, whose WARN and ERROR lines for each failed
   * statement only repeated that line.
   */
  private void assertOneLinePerFailure(long from, int failures) throws Exception {
    List<String> records;
    try (var channel = Files.newByteChannel(cli.serverLog())) {
      channel.position(from);
      records =
          new String(
                  java.nio.channels.Channels.newInputStream(channel).readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8)
              .lines()
              .filter(line -> LOG_RECORD.matcher(line).matches())
              .toList();
    }
    Map<String, Long> byCategory =
        records.stream()
            .map(line -> LOG_RECORD.matcher(line).replaceFirst("$1 $2"))
            .collect(
                Collectors.groupingBy(category -> category, TreeMap::new, Collectors.counting()));
    System.out.println("server.log records during " + failures + " failures: " + byCategory);
    assertFalse(
        byCategory.keySet().stream().anyMatch(category -> category.contains(" org.hibernate.")),
        () -> "Hibernate repeats the failure: " + byCategory);
    assertTrue(
        records.size() <= failures + 10,
        () -> records.size() + " log records for " + failures + " failures: " + byCategory);
  }

  private static void assertBinaryOrUnavailable(Api.Reply reply, String type) {
    if (reply.status() == 200) {
      assertEquals(type, reply.contentType());
      return;
    }
    assertEquals(503, reply.status(), reply::toString);
    assertTrue(
        reply.headers().firstValue("Retry-After").isPresent(), () -> "no Retry-After: " + reply);
    assertNoStackTrace(reply);
  }

  private static void assertConsoleErrorPage(Api.Reply reply) {
    if (reply.status() < 500) {
      return; // a page that needs no database (or a redirect to sign in)
    }
    assertTrue(
        reply.contentType().startsWith("text/html"),
        () -> "console error without an HTML type: " + reply);
    assertNoStackTrace(reply);
  }

  private static void assertNoStackTrace(Api.Reply reply) {
    String text = reply.text();
    assertFalse(
        text.contains("Exception") || text.contains("\tat ") || text.contains(".java:"),
        () -> "a stack trace leaked: " + reply);
  }

  private void theEmbeddedDatabaseHasTheSameSafeguards() throws Exception {
    assertEquals("true", attribute("validate-on-match"));
    assertTrue(attribute("check-valid-connection-sql").contains("SELECT 1"));
    assertTrue(
        cli.run(
                "/subsystem=logging/size-rotating-file-handler=FILE:read-attribute(name=rotate-size)")
            .contains("20m"));
    assertTrue(
        cli.run(
                "/subsystem=undertow/servlet-container=default:read-attribute(name=stack-trace-on-error)")
            .contains("none"));
    // and the server answers through a pool that validates on every borrow
    List<Api.Reply> replies = new ArrayList<>();
    AtomicInteger ok = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      Api.Reply reply = admin.get("/api/v1/cas");
      replies.add(reply);
      ok.addAndGet(reply.status() == 200 ? 1 : 0);
    }
    assertEquals(5, ok.get(), replies::toString);
  }

  private String attribute(String name) throws Exception {
    String output = cli.run(DS + ":read-attribute(name=" + name + ")");
    int at = output.indexOf("\"result\" => ");
    assertTrue(at >= 0, output);
    String value = output.substring(at + 12).trim();
    value = value.substring(0, value.lastIndexOf('}')).trim();
    return value.startsWith("expression \"")
        ? value.substring(11)
        : value.replaceAll("^\"|\"$", "");
  }

  /**
   * Points PkiaasDS at {@code url} and reloads the server; returns once the application answers
   * again.
   */
  private void switchTo(String url) throws Exception {
    String value = url.startsWith("\"") ? url : "\"" + url + "\"";
    cli.run(DS + ":write-attribute(name=connection-url,value=" + value + ")", "reload");
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (admin.get("/api/v1/cas").status() == 200) {
          return;
        }
      } catch (IllegalStateException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the application did not come back after the reload");
  }
}
