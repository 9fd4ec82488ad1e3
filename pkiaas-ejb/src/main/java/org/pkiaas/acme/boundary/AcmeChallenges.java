package org.pkiaas.acme.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.pkiaas.acme.control.ChallengeValidation;
import org.pkiaas.acme.entity.AcmeAuthorization;
import org.pkiaas.acme.entity.AcmeChallenge;
import org.pkiaas.acme.entity.AuthorizationStatus;
import org.pkiaas.acme.entity.ChallengeStatus;

/**
 * Challenges of an account's authorizations (RFC 8555 §7.5.1): read them, and ask for validation.
 */
@Stateless
public class AcmeChallenges {

  @PersistenceContext EntityManager em;

  @Inject AcmeOrders orders;

  @Inject ChallengeValidation validation;

  @Resource TransactionSynchronizationRegistry transactions;

  public AcmeChallenge get(String accountId, String challengeId) {
    AcmeChallenge challenge =
        challengeId == null || challengeId.length() > 36
            ? null
            : em.find(AcmeChallenge.class, challengeId);
    if (challenge == null) {
      throw new AcmeProblem(AcmeError.NOT_FOUND, "No such challenge");
    }
    orders.authorization(accountId, challenge.authorizationId());
    return challenge;
  }

  /**
   * The client is ready (§7.5.1): a pending challenge of a pending authorization turns processing,
   * and validation starts once that is committed. Asking again changes nothing.
   */
  public AcmeChallenge respond(String accountId, String challengeId) {
    AcmeChallenge challenge = get(accountId, challengeId);
    AcmeAuthorization authorization = em.find(AcmeAuthorization.class, challenge.authorizationId());
    if (challenge.status() != ChallengeStatus.PENDING
        || authorization.status() != AuthorizationStatus.PENDING) {
      return challenge;
    }
    challenge.process();
    String id = challenge.id();
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing to do before the commit
          }

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              validation.start(accountId, id);
            }
          }
        });
    return challenge;
  }

  /** The challenges of an authorization, for its JSON. */
  public List<AcmeChallenge> of(AcmeAuthorization authorization) {
    return em.createNamedQuery("AcmeChallenge.byAuthorization", AcmeChallenge.class)
        .setParameter("authorizationId", authorization.id())
        .getResultList();
  }
}
