package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.RevocationReason;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * The per-account ACME limits (RFC 8555 §6.6), with the test server's settings (arquillian.xml):
 * {@value #ORDERS_PER_HOUR} new orders an hour and {@value #PENDING} pending authorizations; and
 * the revocation reasons a subscriber may give.
 */
class AcmeLimitsIT extends ServerIT {

  static final int ORDERS_PER_HOUR = 20;
  static final int PENDING = 150;

  private final AcmeFixture acme =
      new AcmeFixture("ACME Limits " + System.nanoTime(), "*.limits.test");

  @Test
  void theOrderAfterTheHourlyLimitIsRateLimitedWithRetryAfter() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    for (int i = 0; i < ORDERS_PER_HOUR; i++) {
      assertEquals(
          Status.READY,
          login.newOrder().domain("o" + i + ".limits.test").create().getStatus(),
          "pre-approved");
    }
    Instant refusedAt = Instant.now();
    AcmeRateLimitedException limited =
        assertThrows(
            AcmeRateLimitedException.class,
            () -> login.newOrder().domain("one-more.limits.test").create());
    assertEquals("urn:ietf:params:acme:error:rateLimited", limited.getType().toString());
    Instant retryAfter =
        limited.getRetryAfter().orElseThrow(() -> new AssertionError("no Retry-After"));
    assertTrue(
        retryAfter.isAfter(refusedAt.plus(Duration.ofMinutes(50)))
            && retryAfter.isBefore(refusedAt.plus(Duration.ofMinutes(62))),
        "the first of the hour's orders leaves the window in about an hour: " + retryAfter);

    Login other = acme.register(AcmeFixture.accountKey());
    assertEquals(
        Status.READY,
        other.newOrder().domain("other.limits.test").create().getStatus(),
        "the limit is the account's");
  }

  /**
   * Clients such as cert-manager place many orders with one account at once: each is counted
   * against the hourly limit in turn (the account's row is locked while counting), none fails
   * because another is being counted, and the limit holds exactly.
   */
  @Test
  void ordersPlacedAtOnceByOneAccountAreEachCounted() throws Exception {
    KeyPair key = AcmeFixture.accountKey();
    URL account = acme.register(key).getAccountLocation();
    int atOnce = 12;
    ExecutorService clients = Executors.newFixedThreadPool(atOnce);
    try {
      List<Future<Status>> created = new ArrayList<>();
      for (int i = 0; i < atOnce; i++) {
        String domain = "c" + i + ".limits.test";
        created.add(
            clients.submit(
                () ->
                    AcmeFixture.session()
                        .login(account, key)
                        .newOrder()
                        .domain(domain)
                        .create()
                        .getStatus()));
      }
      for (Future<Status> status : created) {
        assertEquals(Status.READY, status.get(), "pre-approved");
      }
    } finally {
      clients.shutdownNow();
    }
    Login login = AcmeFixture.session().login(account, key);
    for (int i = atOnce; i < ORDERS_PER_HOUR; i++) {
      assertEquals(
          Status.READY, login.newOrder().domain("c" + i + ".limits.test").create().getStatus());
    }
    assertThrows(
        AcmeRateLimitedException.class,
        () -> login.newOrder().domain("c-over.limits.test").create());
  }

  @Test
  void pendingAuthorizationsAreLimited() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    String base = "h" + System.nanoTime() + ".pending.test";
    List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "p" + i + "." + base).toList();
    assertEquals(Status.PENDING, login.newOrder().domains(hundred).create().getStatus());
    List<String> more =
        IntStream.range(100, 100 + PENDING - 100 + 1).mapToObj(i -> "p" + i + "." + base).toList();
    AcmeRateLimitedException limited =
        assertThrows(AcmeRateLimitedException.class, () -> login.newOrder().domains(more).create());
    assertTrue(limited.getRetryAfter().isPresent());
    assertEquals(
        Status.PENDING,
        login.newOrder().domains(more.subList(1, more.size())).create().getStatus(),
        "up to the limit");
  }

  /**
   * Baseline Requirements §7.2.2: a subscriber may give 0, 1, 3, 4 or 5, not the CA's reasons or
   * certificateHold.
   */
  @Test
  void aSubscriberRevokesOnlyWithTheReasonsASubscriberMayGive() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    Order order = login.newOrder().domain("revoked.limits.test").create();
    order.execute(Csrs.keys("EC"));
    assertEquals(Status.VALID, order.waitForCompletion(Duration.ofSeconds(60)));
    Certificate certificate = order.getCertificate();
    for (RevocationReason reason :
        List.of(
            RevocationReason.CERTIFICATE_HOLD,
            RevocationReason.CA_COMPROMISE,
            RevocationReason.PRIVILEGE_WITHDRAWN)) {
      AcmeServerException refused =
          assertThrows(AcmeServerException.class, () -> certificate.revoke(reason));
      assertEquals(
          "urn:ietf:params:acme:error:badRevocationReason",
          refused.getType().toString(),
          reason::toString);
    }
    certificate.revoke(RevocationReason.SUPERSEDED);
    AcmeServerException again =
        assertThrows(
            AcmeServerException.class, () -> certificate.revoke(RevocationReason.SUPERSEDED));
    assertEquals("urn:ietf:params:acme:error:alreadyRevoked", again.getType().toString());
  }
}
