package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.Test;

/**
 * Prometheus metrics through WildFly's Micrometer subsystem (issue 16): a scrape of {@code
 * /prometheus} on the management interface shows PKIaaS's meters move as certificates are issued,
 * OCSP answers signed and served from cache, a CRL built, and sign-ins fail and get throttled.
 * ACME's meters are checked where ACME runs ({@link AcmeClientIT}).
 */
class MetricsIT extends ServerIT {

  @Test
  void aScrapeShowsIssuanceStatusServicesAndSignInsMoving() throws Exception {
    StatusPki pki = new StatusPki(Api.newUser(), "Metrics Root");
    Map<String, String> byCa = Map.of("channel", "admin_csr", "ca", pki.caId);
    Scrape before = Scrape.now();
    assertEquals(0, before.value("pkiaas_certificates_issued_total", byCa));

    BigInteger serial = StatusPki.serial(pki.issue("metrics.example.test"));
    pki.issue("metrics2.example.test");
    // the same request twice: signed, then from the cache (RFC 5019)
    byte[] request = pki.request(null, serial);
    assertEquals(OCSPResp.SUCCESSFUL, StatusPki.response(pki.ocsp(request)).getStatus());
    assertEquals(OCSPResp.SUCCESSFUL, StatusPki.response(pki.ocsp(request)).getStatus());
    assertEquals(200, Api.anonymous().get("/pki/crl/" + pki.caId + ".crl").status());
    int throttledAfter = failSignInsUntilThrottled();
    // seals every event written so far, the two issuances' among them
    assertEquals(200, pki.owner.get("/api/v1/audit/verify").status());

    Scrape after = Scrape.now();
    assertEquals(2, after.value("pkiaas_certificates_issued_total", byCa), after::text);
    Map<String, String> goodSigned = Map.of("status", "good", "source", "signed");
    Map<String, String> goodCached = Map.of("status", "good", "source", "cached");
    assertTrue(
        after.grewSince(before, "pkiaas_ocsp_responses_total", goodSigned) >= 1, "a signed answer");
    assertTrue(
        after.grewSince(before, "pkiaas_ocsp_responses_total", goodCached) >= 1, "a cached answer");
    assertTrue(
        after.grewSince(before, "pkiaas_ocsp_response_seconds_count", Map.of("source", "cached"))
            >= 1,
        "latency is measured");
    assertTrue(
        after.value("pkiaas_ocsp_response_seconds_sum", Map.of("source", "signed")) > 0,
        "and its total");
    for (String source : new String[] {"signed", "cached"}) {
      assertLatencyHistogram(after, source);
    }
    Map<String, String> crl = Map.of("ca", pki.caId, "kind", "complete");
    assertEquals(1, after.value("pkiaas_crl_build_time_seconds_count", crl), after::text);
    assertTrue(after.value("pkiaas_crl_size_bytes_sum", crl) > 100, "the CRL's size in bytes");
    assertTrue(
        after.grewSince(before, "pkiaas_signin_failures_total", Map.of("reason", "password"))
            >= throttledAfter,
        "every wrong password is counted");
    assertTrue(
        after.grewSince(before, "pkiaas_ratelimit_refusals_total", Map.of("limit", "sign-in")) >= 1,
        "and the throttle's refusal");
    assertTrue(
        after.grewSince(before, "pkiaas_audit_events_sealed_total", Map.of()) >= 2,
        "the issuances' audit events are sealed and counted");
    assertTrue(
        after.grewSince(before, "pkiaas_audit_sealing_cpu_seconds_sum", Map.of()) > 0,
        "with the CPU time the sealer spent");
    // ready for the channels being built: present at zero or more
    for (String ready :
        new String[] {
          "pkiaas_scep_enrollments_total",
          "pkiaas_timestamps_total",
          "pkiaas_hsm_signature_time_seconds_count"
        }) {
      assertTrue(after.has(ready), ready + " is published");
    }
    // gauges for alerting: readiness checks, and what expires when (refreshed every minute)
    assertEquals(1, after.value("pkiaas_health_check", Map.of("check", "pkiaas-database")));
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
    double nextUpdate = 0;
    while (nextUpdate == 0 && System.nanoTime() < deadline) {
      Thread.sleep(2000);
      nextUpdate = Scrape.now().value("pkiaas_crl_next_update_seconds", Map.of("ca", pki.caId));
    }
    double inDays = (nextUpdate - System.currentTimeMillis() / 1000.0) / 86400;
    assertTrue(inDays > 6 && inDays <= 7, "the CRL's nextUpdate, a week ahead: " + inDays);
  }

  /**
   * The OCSP latency buckets of {@code source} as {@code histogram_quantile} reads them: every
   * bound there, counts growing with the bound, and {@code le="+Inf"} equal to {@code _count}.
   */
  private static void assertLatencyHistogram(Scrape scrape, String source) {
    String[] bounds = {
      "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5",
      "5.0", "+Inf"
    };
    double previous = 0;
    for (String le : bounds) {
      Map<String, String> labels = Map.of("source", source, "le", le);
      assertTrue(
          scrape.text().contains("le=\"" + le + "\""), () -> "bucket " + le + ": " + scrape.text());
      double count = scrape.value("pkiaas_ocsp_response_seconds_buckets_total", labels);
      assertTrue(count >= previous, () -> source + " bucket " + le + " is cumulative");
      previous = count;
    }
    assertTrue(previous >= 1, source + " answers are in the buckets");
    assertEquals(
        scrape.value("pkiaas_ocsp_response_seconds_count", Map.of("source", source)),
        previous,
        source + ": le=\"+Inf\" counts every answer");
  }

  /** Wrong passwords for a made-up user from an address of its own, until the first 429. */
  private static int failSignInsUntilThrottled() {
    String user = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    FromAddress from = FromAddress.of("127.0.0.9");
    for (int attempt = 1; attempt <= 30; attempt++) {
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":wrong-" + attempt).getBytes(StandardCharsets.UTF_8));
      FromAddress.Reply reply = from.get("/api/v1/accounts/me", "Authorization", basic);
      if (reply.status() == 429) {
        return attempt - 1;
      }
      assertEquals(401, reply.status(), reply::toString);
    }
    throw new AssertionError("30 wrong passwords and no 429");
  }
}
