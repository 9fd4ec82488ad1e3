package org.pkiaas.https.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pkiaas.https.control.ServerCertificatePolicy.Decision;
import org.pkiaas.https.control.ServerCertificatePolicy.Served;
import org.pkiaas.https.control.ServerCertificatePolicy.Wanted;

/** When the HTTPS listener's certificate is issued again. */
class ServerCertificatePolicyTest {

  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOT_AFTER = ISSUED.plus(Duration.ofDays(90));
  private static final Set<String> NAMES = Set.of("DNS:pki.example.net", "DNS:localhost");
  private static final Wanted WANTED = new Wanted("template-1", NAMES, null);

  private static Served served() {
    return new Served("template-1", ISSUED, ISSUED, NOT_AFTER, false, NAMES, true, false);
  }

  private static Decision at(Instant now, Served served) {
    return ServerCertificatePolicy.decide(WANTED, served, now);
  }

  @Test
  void aFreshCertificateIsKept() {
    assertEquals(Decision.KEEP, at(ISSUED.plus(Duration.ofDays(1)), served()));
    assertFalse(Decision.KEEP.issue());
  }

  @Test
  void noCertificateOfTheChosenCaIsIssued() {
    assertEquals(Decision.NONE, at(ISSUED, null));
    assertTrue(Decision.NONE.issue());
  }

  @Test
  void twoThirdsOfTheLifetimeMakeItDue() {
    Instant renewal = ISSUED.plus(Duration.ofDays(60));
    assertEquals(renewal, ServerCertificatePolicy.renewalTime(ISSUED, NOT_AFTER));
    assertEquals(Decision.KEEP, at(renewal.minusSeconds(1), served()));
    assertEquals(Decision.DUE, at(renewal, served()));
    assertEquals(Decision.DUE, at(NOT_AFTER.plusSeconds(1), served()));
  }

  @Test
  void anotherTemplateOrOtherNamesAreIssuedAtOnce() {
    Served other = new Served("template-0", ISSUED, ISSUED, NOT_AFTER, false, NAMES, true, false);
    assertEquals(Decision.OTHER_TEMPLATE, at(ISSUED, other));
    Served deleted = new Served(null, ISSUED, ISSUED, NOT_AFTER, false, NAMES, true, false);
    assertEquals(Decision.OTHER_TEMPLATE, at(ISSUED, deleted));
    Served oldHost =
        new Served(
            "template-1",
            ISSUED,
            ISSUED,
            NOT_AFTER,
            false,
            Set.of("DNS:old.example.net", "DNS:localhost"),
            true,
            false);
    assertEquals(Decision.OTHER_NAMES, at(ISSUED, oldHost));
  }

  @Test
  void revocationOfTheCertificateOrOfItsCaIssuesAgain() {
    Served revoked = new Served("template-1", ISSUED, ISSUED, NOT_AFTER, true, NAMES, true, false);
    assertEquals(Decision.REVOKED, at(ISSUED, revoked));
    Served caRevoked =
        new Served("template-1", ISSUED, ISSUED, NOT_AFTER, false, NAMES, true, true);
    assertEquals(Decision.CA_CERTIFICATE_REVOKED, at(ISSUED, caRevoked));
  }

  @Test
  void aChainUnderAnEarlierCaCertificateIsIssuedAgain() {
    Served stale = new Served("template-1", ISSUED, ISSUED, NOT_AFTER, false, NAMES, false, false);
    assertEquals(Decision.CA_CERTIFICATE_CHANGED, at(ISSUED, stale));
  }

  @Test
  void aRequestedRenewalReplacesOnlyCertificatesIssuedBeforeIt() {
    Instant asked = ISSUED.plus(Duration.ofDays(2));
    Wanted wanted = new Wanted("template-1", NAMES, asked);
    assertEquals(
        Decision.REQUESTED, ServerCertificatePolicy.decide(wanted, served(), asked.plusSeconds(5)));
    Served newer =
        new Served("template-1", asked.plusSeconds(1), asked, NOT_AFTER, false, NAMES, true, false);
    assertEquals(
        Decision.KEEP, ServerCertificatePolicy.decide(wanted, newer, asked.plusSeconds(5)));
  }
}
