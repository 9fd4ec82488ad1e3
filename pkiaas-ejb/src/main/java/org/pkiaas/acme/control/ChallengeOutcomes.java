package org.pkiaas.acme.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.pkiaas.acme.entity.AcmeAccount;
import org.pkiaas.acme.entity.AcmeAuthorization;
import org.pkiaas.acme.entity.AcmeChallenge;
import org.pkiaas.acme.entity.AcmeIdentifier;
import org.pkiaas.acme.entity.AcmeOrder;
import org.pkiaas.acme.entity.AuthorizationStatus;
import org.pkiaas.acme.entity.ChallengeStatus;
import org.pkiaas.acme.entity.ChallengeType;
import org.pkiaas.acme.entity.OrderStatus;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.persistence.RowLocks;

/**
 * Records each step of a challenge's validation in a transaction of its own, so that its state is
 * in the database after every attempt and any node answers with it (RFC 8555 §7.5.1, §7.1.6).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ChallengeOutcomes {

  @PersistenceContext EntityManager em;

  @Inject PkiMetrics metrics;

  /**
   * What one validation needs; {@code identifier} is a DNS name or, when {@code ip}, an address
   * (RFC 8738); {@code attemptsMade} were made before, by this node or one that stopped.
   */
  public record Work(
      ChallengeType type,
      String identifier,
      boolean ip,
      String token,
      String keyAuthorization,
      int attemptsMade) {}

  /** A challenge whose validation was lost, and the account whose turn it waits for. */
  public record Lost(String challengeId, String accountId) {}

  /**
   * Claims a processing challenge for this node and returns its work; null when it is not
   * processing (any more) or another node's claim is younger than {@code staleBefore}. A challenge
   * that has had its {@code maxAttempts}, or whose order has expired, is made invalid instead.
   */
  public Work claim(String challengeId, Instant staleBefore, int maxAttempts) {
    int claimed =
        em.createNamedQuery("AcmeChallenge.claim")
            .setParameter("now", Instant.now())
            .setParameter("id", challengeId)
            .setParameter("processing", ChallengeStatus.PROCESSING)
            .setParameter("staleBefore", staleBefore)
            .executeUpdate();
    if (claimed != 1) {
      return null;
    }
    AcmeChallenge challenge = em.find(AcmeChallenge.class, challengeId);
    AcmeAuthorization authorization = em.find(AcmeAuthorization.class, challenge.authorizationId());
    AcmeOrder order = em.find(AcmeOrder.class, authorization.orderId());
    AcmeAccount account = em.find(AcmeAccount.class, order.accountId());
    if (challenge.attempts() >= maxAttempts) {
      // the last attempt's reason stands; a node stopped between recording it and deciding
      failed(
          challengeId,
          new ChallengeChecks.Failure(
              challenge.errorType() == null ? "serverInternal" : challenge.errorType(),
              challenge.error() == null
                  ? "The challenge has had its " + maxAttempts + " attempts"
                  : challenge.error()),
          true);
      return null;
    }
    if (!Instant.now().isBefore(order.expiresAt())) {
      failed(
          challengeId,
          new ChallengeChecks.Failure("unauthorized", "The order expired before validation ended"),
          true);
      return null;
    }
    return new Work(
        challenge.type(),
        authorization.identifier().value(),
        authorization.identifier().type() == AcmeIdentifier.Type.IP,
        challenge.token(),
        ChallengeChecks.keyAuthorization(challenge.token(), account.keyThumbprint()),
        challenge.attempts());
  }

  /**
   * The processing challenges of unexpired orders that nobody has claimed since {@code
   * staleBefore}: their validation was lost, or is still waiting in a queue.
   */
  public List<Lost> unclaimed(Instant staleBefore) {
    return em.createNamedQuery("AcmeChallenge.unclaimed", Object[].class)
        .setParameter("processing", ChallengeStatus.PROCESSING)
        .setParameter("staleBefore", staleBefore)
        .setParameter("now", Instant.now())
        .setMaxResults(100)
        .getResultStream()
        .map(row -> new Lost((String) row[0], (String) row[1]))
        .toList();
  }

  /**
   * The challenge passed: its authorization is valid, and its order ready once all are. The order's
   * row is locked first, so that two authorizations of one order (a wildcard and its base, say)
   * passing at the same moment are decided one after the other, and the second sees the first:
   * without that, each saw the other still pending and the order never became ready. The lock bumps
   * the order's version: on a Galera cluster row locks stay on their node, and only two writes of
   * the same row make the second of two nodes' transactions fail (and be repeated).
   */
  public void passed(String challengeId) {
    AcmeChallenge challenge = em.find(AcmeChallenge.class, challengeId);
    AcmeAuthorization authorization = em.find(AcmeAuthorization.class, challenge.authorizationId());
    AcmeOrder order =
        RowLocks.lockedAndBumped(em, em.find(AcmeOrder.class, authorization.orderId()));
    challenge.validated();
    authorization.decided(AuthorizationStatus.VALID);
    em.flush();
    // a locking read sees what other transactions committed since this one began (a plain read may
    // not)
    boolean allValid =
        em.createNamedQuery("AcmeAuthorization.byOrder", AcmeAuthorization.class)
            .setParameter("orderId", order.id())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .allMatch(a -> a.status() == AuthorizationStatus.VALID);
    if (allValid && order.status() == OrderStatus.PENDING) {
      order.changeStatus(OrderStatus.READY);
    }
    metrics.acmeValidation(challenge.type().json(), "valid");
  }

  /** An attempt failed; the last one makes challenge, authorization and order invalid (§7.1.6). */
  public void failed(String challengeId, ChallengeChecks.Failure failure, boolean last) {
    AcmeChallenge challenge = em.find(AcmeChallenge.class, challengeId);
    if (challenge.status() != ChallengeStatus.PROCESSING) {
      return;
    }
    if (last) {
      AcmeAuthorization authorization =
          em.find(AcmeAuthorization.class, challenge.authorizationId());
      AcmeOrder order =
          em.find(AcmeOrder.class, authorization.orderId(), LockModeType.PESSIMISTIC_WRITE);
      authorization.decided(AuthorizationStatus.INVALID);
      order.changeStatus(OrderStatus.INVALID);
      metrics.acmeOrder("invalid");
    }
    challenge.failedAttempt(failure.type(), failure.detail(), last);
    metrics.acmeValidation(challenge.type().json(), last ? "invalid" : "retry");
  }
}
