package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.junit.jupiter.api.Test;

/**
 * The two batch jobs, started through the API as an administrator would: each renews what is due
 * and skips what is not, and a start while a run is going on anywhere is refused.
 */
class JobsIT extends ServerIT {

  private final Api admin = Api.admin();

  /** Starts a run, waiting out one already going on (the timers may have started one). */
  private JsonObject start(String job) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (true) {
      Api.Reply reply = admin.post("/api/v1/jobs/" + job, "{}");
      if (reply.status() == 202) {
        return reply.json();
      }
      assertProblem(reply, 409);
      assertTrue(Instant.now().isBefore(deadline), "the job stayed busy");
      Thread.sleep(500);
    }
  }

  private JsonObject finished(JsonObject run) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (true) {
      JsonObject now =
          admin
              .get("/api/v1/jobs/executions/" + run.getJsonNumber("executionId").longValue())
              .json();
      if (now.containsKey("endedAt")) {
        assertEquals("COMPLETED", now.getString("status"), now::toString);
        return now;
      }
      assertTrue(Instant.now().isBefore(deadline), "the job did not finish: " + now);
      Thread.sleep(300);
    }
  }

  private static long crlNumber(StatusPki pki) throws Exception {
    X509CRLHolder crl =
        new X509CRLHolder(Api.anonymous().get("/pki/crl/" + pki.caId + ".crl").bytes());
    return ((ASN1Integer) crl.getExtension(Extension.cRLNumber).getParsedValue()).longValueExact();
  }

  @Test
  void crlRegenerationRebuildsStaleCrlsAndSkipsCurrentOnes() throws Exception {
    StatusPki stale = new StatusPki(Api.newUser(), "Stale CRL Root");
    StatusPki current = new StatusPki(Api.newUser(), "Current CRL Root");
    JsonObject certificate = stale.issue("stale.jobs.test");
    long staleBefore = crlNumber(stale);
    long currentBefore = crlNumber(current);
    assertEquals(200, stale.revoke(certificate.getString("id"), "cessationOfOperation").status());

    JsonObject run = finished(start("crl-regeneration"));
    assertTrue(run.getInt("itemsRead") >= 2, run::toString);
    assertTrue(run.getInt("itemsProcessed") >= 1, run::toString);
    assertTrue(run.getInt("itemsSkipped") >= 1, run::toString);
    assertEquals(0, run.getInt("failures"), run::toString);

    assertEquals(
        staleBefore + 1,
        crlNumber(stale),
        "the job built the stale CA's next CRL: the request found it ready");
    assertEquals(currentBefore, crlNumber(current), "a current CRL is left alone");
    assertTrue(
        admin.get("/api/v1/jobs").array().stream()
            .map(JsonObject.class::cast)
            .anyMatch(
                r ->
                    r.getJsonNumber("executionId").longValue()
                        == run.getJsonNumber("executionId").longValue()),
        "the run is listed");
  }

  @Test
  void serviceCertificateRenewalReplacesRevokedRespondersOnly() throws Exception {
    StatusPki due = new StatusPki(Api.newUser(), "Due Responder Root");
    StatusPki fine = new StatusPki(Api.newUser(), "Fine Responder Root");
    JsonObject responder = due.responderCertificates().get(0);
    assertEquals(200, due.revoke(responder.getString("id"), "superseded").status());

    JsonObject run = finished(start("service-certificate-renewal"));
    assertEquals("service-certificate-renewal", run.getString("job"));
    assertTrue(run.getInt("itemsProcessed") >= 1, run::toString);
    assertTrue(run.getInt("itemsSkipped") >= 1, run::toString);

    assertEquals(
        2,
        due.responderCertificates().size(),
        "a new responder for the CA whose responder was revoked");
    assertEquals(1, fine.responderCertificates().size(), "none for the CA whose responder is good");
    JsonObject again = finished(start("service-certificate-renewal"));
    assertEquals(
        2, due.responderCertificates().size(), "a second run finds nothing due: idempotent");
    assertEquals(0, again.getInt("failures"));
  }

  /** The SCEP RA certificate of a CA that has one is renewed by the same job, once. */
  @Test
  void serviceCertificateRenewalReplacesARevokedScepRa() throws Exception {
    ScepFixture scep = new ScepFixture("Due RA EC Root", "EC");
    Api.Reply caCert =
        Api.anonymous().get("/pki/scep/" + scep.templateId() + "?operation=GetCACert");
    assertEquals(200, caCert.status(), caCert::toString);
    List<JsonObject> ras = raCertificates(scep);
    assertEquals(1, ras.size(), "GetCACert issued the EC CA's RSA RA certificate");
    Api.Reply revoked =
        scep.owner.post(
            "/api/v1/certificates/" + ras.get(0).getString("id") + "/revoke",
            jakarta.json.Json.createObjectBuilder().add("reason", "superseded").build());
    assertEquals(200, revoked.status(), revoked::toString);

    finished(start("service-certificate-renewal"));
    assertEquals(2, raCertificates(scep).size(), "a new RA certificate for the revoked one");
    finished(start("service-certificate-renewal"));
    assertEquals(2, raCertificates(scep).size(), "a second run finds nothing due");
  }

  private static List<JsonObject> raCertificates(ScepFixture scep) {
    return scep.owner.get("/api/v1/cas/" + scep.caId + "/certificates?size=500").array().stream()
        .map(JsonObject.class::cast)
        .filter(c -> "SCEP_RA".equals(c.getString("purpose")))
        .toList();
  }

  /** The job's name before it was renamed still starts it: scripts written for it keep working. */
  @Test
  void theOldJobNameStillStartsTheRenamedJob() throws Exception {
    JsonObject run = finished(start("ocsp-signer-renewal"));
    assertEquals("service-certificate-renewal", run.getString("job"));
  }

  @Test
  void twoConcurrentStartsRunOnce() throws Exception {
    // make sure no run is going on: one complete run first
    finished(start("crl-regeneration"));
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<Api.Reply>> starts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      starts.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  together.await();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return admin.post("/api/v1/jobs/crl-regeneration", "{}");
              }));
    }
    List<Api.Reply> replies = starts.stream().map(CompletableFuture::join).toList();
    List<JsonObject> started =
        replies.stream().filter(r -> r.status() == 202).map(Api.Reply::json).toList();
    assertFalse(started.isEmpty(), replies::toString);
    if (started.size() == 2) {
      // only acceptable when the first run had finished before the second began
      JsonObject first = finished(started.get(0));
      JsonObject second = finished(started.get(1));
      boolean apart =
          !Instant.parse(first.getString("endedAt"))
                  .isAfter(Instant.parse(second.getString("startedAt")))
              || !Instant.parse(second.getString("endedAt"))
                  .isAfter(Instant.parse(first.getString("startedAt")));
      assertTrue(apart, "two runs overlapped: " + first + " / " + second);
    } else {
      assertProblem(replies.stream().filter(r -> r.status() != 202).findFirst().orElseThrow(), 409);
      finished(started.get(0));
    }
  }

  /**
   * The runs page as every list does: an array, X-Total-Count over both jobs, a Link to the next
   * page, pages that neither overlap nor skip a run, and a clear 400 for a page size out of range.
   */
  @Test
  void theRunsArePagedAsEveryListIs() throws Exception {
    finished(start("service-certificate-renewal"));
    finished(start("crl-regeneration"));
    Api.Reply first = admin.get("/api/v1/jobs?size=1");
    assertEquals(200, first.status(), first::toString);
    int total = first.total();
    assertTrue(total >= 2, first::toString);
    assertEquals(1, first.array().size());
    String next = first.headers().firstValue("Link").orElseThrow();
    assertTrue(next.contains("page=1") && next.contains("rel=\"next\""), next);
    Api.Reply second = admin.get("/api/v1/jobs?page=1&size=1");
    long newest = first.array().getJsonObject(0).getJsonNumber("executionId").longValue();
    long older = second.array().getJsonObject(0).getJsonNumber("executionId").longValue();
    assertTrue(older < newest, "newest first, no run twice: " + newest + " then " + older);

    Api.Reply all = admin.get("/api/v1/jobs?size=500");
    assertTrue(all.total() >= total && all.array().size() == Math.min(all.total(), 500));
    assertTrue(
        all.array().stream()
            .map(JsonObject.class::cast)
            .map(r -> r.getString("job"))
            .collect(java.util.stream.Collectors.toSet())
            .containsAll(List.of("crl-regeneration", "service-certificate-renewal")),
        "both jobs' runs in one list");
    Api.Reply legacy = admin.get("/api/v1/jobs?limit=1");
    assertEquals(1, legacy.array().size(), "the old limit parameter still answers");
    assertProblem(admin.get("/api/v1/jobs?size=0"), 400);
    assertProblem(admin.get("/api/v1/jobs?size=501"), 400);
  }

  @Test
  void onlyAdministratorsSeeOrStartJobs() {
    Api user = Api.newUser();
    assertProblem(user.get("/api/v1/jobs"), 403);
    assertProblem(user.post("/api/v1/jobs/crl-regeneration", "{}"), 403);
    assertProblem(admin.post("/api/v1/jobs/no-such-job", "{}"), 404);
  }
}
