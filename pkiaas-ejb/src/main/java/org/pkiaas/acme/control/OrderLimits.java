package org.pkiaas.acme.control;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.acme.entity.AuthorizationStatus;
import org.pkiaas.acme.entity.OrderStatus;
import org.pkiaas.config.PkiaasConfig.AcmeRateLimits;

/**
 * The per-account limits on newOrder (RFC 8555 §6.6): orders created in the last hour, pending
 * authorizations, and orders made invalid by failed validation in the last hour. They are counted
 * in the database, from the orders and authorizations themselves, so every node enforces the same
 * numbers; the caller holds the account's row lock, so two nodes cannot both let the last one
 * through. A refusal is {@code rateLimited} with a Retry-After: when the oldest counted order
 * leaves the hour, or a minute for pending authorizations, which end when validated or given up.
 */
public final class OrderLimits {

  static final Duration WINDOW = Duration.ofHours(1);
  private static final long PENDING_RETRY_SECONDS = 60;

  private OrderLimits() {}

  /**
   * Refuses a new order of {@code accountId} that would ask for {@code newPending} more pending
   * authorizations.
   */
  public static void check(
      EntityManager em, AcmeRateLimits limits, String accountId, int newPending) {
    Instant now = Instant.now();
    Instant since = now.minus(WINDOW);
    if (limits.newOrdersPerHour() > 0) {
      Object[] created =
          em.createNamedQuery("AcmeOrder.createdSince", Object[].class)
              .setParameter("accountId", accountId)
              .setParameter("since", since)
              .getSingleResult();
      if (((Number) created[0]).longValue() >= limits.newOrdersPerHour()) {
        throw limited(
            "This account created "
                + limits.newOrdersPerHour()
                + " orders in the last hour, its limit",
            (Instant) created[1],
            now);
      }
    }
    if (limits.failedValidationsPerHour() > 0) {
      Object[] failed =
          em.createNamedQuery("AcmeOrder.statusSince", Object[].class)
              .setParameter("accountId", accountId)
              .setParameter("status", OrderStatus.INVALID)
              .setParameter("since", since)
              .getSingleResult();
      if (((Number) failed[0]).longValue() >= limits.failedValidationsPerHour()) {
        throw limited(
            "Validation failed for "
                + limits.failedValidationsPerHour()
                + " of this account's orders of the last hour, its limit",
            (Instant) failed[1],
            now);
      }
    }
    if (limits.pendingAuthorizations() > 0 && newPending > 0) {
      long pending =
          em.createNamedQuery("AcmeAuthorization.countOfAccount", Long.class)
              .setParameter("accountId", accountId)
              .setParameter("status", AuthorizationStatus.PENDING)
              .setParameter("now", now)
              .getSingleResult();
      if (pending + newPending > limits.pendingAuthorizations()) {
        throw new AcmeProblem(
            AcmeError.RATE_LIMITED,
            "This account would have more than "
                + limits.pendingAuthorizations()
                + " pending authorizations, its limit: complete or let some expire first",
            PENDING_RETRY_SECONDS);
      }
    }
  }

  private static AcmeProblem limited(String detail, Instant oldest, Instant now) {
    long seconds =
        oldest == null
            ? WINDOW.toSeconds()
            : Math.max(1, Duration.between(now, oldest.plus(WINDOW)).toSeconds() + 1);
    return new AcmeProblem(AcmeError.RATE_LIMITED, detail, seconds);
  }
}
