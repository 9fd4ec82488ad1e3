package org.pkiaas.acme.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import org.pkiaas.acme.entity.UsedNonce;

/**
 * The use of replay nonces (RFC 8555 §6.5): a nonce {@link NonceIssuer} made is accepted once, on
 * any node. Its use is a row whose primary key refuses a second use of the same nonce.
 */
@Stateless
public class AcmeNonces {

  @PersistenceContext EntityManager em;

  @Inject NonceIssuer issuer;

  /**
   * Whether the nonce is one of ours, unexpired and unused; its use is recorded in the caller's
   * transaction, so it commits with the request's work. A request that fails after this has its
   * nonce used up by {@link #useUp}.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean consume(String nonce) {
    Instant expires = issuer.expiry(nonce, Instant.now());
    if (expires == null || em.find(UsedNonce.class, nonce) != null) {
      return false;
    }
    try {
      em.persist(new UsedNonce(nonce, expires));
      em.flush();
      return true;
    } catch (PersistenceException e) {
      // the same nonce used at the same moment on another thread or node: its row came first
      return false;
    }
  }

  /**
   * Records the use of the nonce of a request that failed, whose transaction rolled its use back: a
   * failed request cannot be replayed either. Harmless when the nonce is used already.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void useUp(String nonce) {
    consume(nonce);
  }

  /** Forgets used nonces that have expired anyway; harmless when several nodes do it at once. */
  @Schedule(minute = "*/10", hour = "*", persistent = false)
  void deleteExpired() {
    em.createNamedQuery("UsedNonce.deleteExpired")
        .setParameter("now", Instant.now())
        .executeUpdate();
  }
}
