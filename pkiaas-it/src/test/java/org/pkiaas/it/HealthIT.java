package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health on the management interface (issue 16): liveness, and readiness with PKIaaS's
 * checks, each of which goes DOWN when what it watches fails: a CRL past its nextUpdate and a
 * responder certificate past its notAfter are made by moving their dates in the database ({@link
 * DatabaseClock}), and UP again once moved back. The database check going DOWN and UP is in {@link
 * DatabaseOutageIT}, which can stop a database.
 */
class HealthIT extends ServerIT {

  private static final List<String> READINESS =
      List.of(
          "pkiaas-database",
          "pkiaas-master-key",
          "pkiaas-crls",
          "pkiaas-ocsp-responders",
          "pkiaas-mail-outbox",
          "pkiaas-batch-jobs",
          "pkiaas-hsm-links");
  private static final Duration AGE = Duration.ofDays(400);

  @Deployment(name = DatabaseClock.DEPLOYMENT, testable = false)
  public static WebArchive clock() {
    return DatabaseClock.war();
  }

  @Test
  void livenessIsUpAndAsksNothingElse() {
    Health.Answer live = Health.live();
    assertEquals(200, live.status(), live::toString);
    assertEquals("UP", live.status("pkiaas"), live::toString);
    assertTrue(live.check("pkiaas-database").isEmpty(), "the database is no liveness matter");
  }

  @Test
  void readinessHasEveryCheckAndIsUp() {
    Health.Answer ready = Health.ready();
    assertEquals(200, ready.status(), ready::toString);
    assertEquals("UP", ready.overall(), ready::toString);
    for (String name : READINESS) {
      assertEquals("UP", ready.status(name), () -> name + " in " + ready);
    }
    String database =
        ready.check("pkiaas-database").orElseThrow().getJsonObject("data").getString("database");
    String expected =
        System.getProperty("pkiaas.it.database", "h2").equals("h2") ? "H2" : "MariaDB";
    assertTrue(database.startsWith(expected), database);
    JsonObject jobs = ready.check("pkiaas-batch-jobs").orElseThrow().getJsonObject("data");
    assertTrue(
        jobs.containsKey("crl-regeneration") && jobs.containsKey("service-certificate-renewal"),
        jobs::toString);
  }

  @Test
  void anExpiredCrlMakesTheNodeNotReady() {
    StatusPki pki = new StatusPki(Api.newUser(), "Health CRL Root");
    assertEquals(200, Api.anonymous().get("/pki/crl/" + pki.caId + ".crl").status());
    assertTrue(
        DatabaseClock.shift(DatabaseClock.Column.CRL_NEXT_UPDATE, pki.caId, AGE.negated()) > 0);
    try {
      Health.Answer ready = Health.ready();
      assertEquals(503, ready.status(), ready::toString);
      JsonObject crls = ready.check("pkiaas-crls").orElseThrow();
      assertEquals("DOWN", crls.getString("status"), crls::toString);
      assertTrue(
          crls.getJsonObject("data").getString("expiredCrls").contains(pki.caId), crls::toString);
    } finally {
      DatabaseClock.shift(DatabaseClock.Column.CRL_NEXT_UPDATE, pki.caId, AGE);
    }
    assertEquals("UP", Health.ready().status("pkiaas-crls"));
  }

  @Test
  void anExpiredResponderCertificateMakesTheNodeNotReady() {
    StatusPki pki = new StatusPki(Api.newUser(), "Health Responder Root");
    String responder = pki.responderCertificates().get(0).getString("id");
    assertEquals(
        1,
        DatabaseClock.shift(DatabaseClock.Column.CERTIFICATE_NOT_AFTER, responder, AGE.negated()));
    try {
      Health.Answer ready = Health.ready();
      assertEquals(503, ready.status(), ready::toString);
      JsonObject responders = ready.check("pkiaas-ocsp-responders").orElseThrow();
      assertEquals("DOWN", responders.getString("status"), responders::toString);
      assertTrue(
          responders.getJsonObject("data").getString("invalidResponders").contains(pki.caId),
          responders::toString);
    } finally {
      DatabaseClock.shift(DatabaseClock.Column.CERTIFICATE_NOT_AFTER, responder, AGE);
    }
    assertEquals("UP", Health.ready().status("pkiaas-ocsp-responders"));
  }
}
