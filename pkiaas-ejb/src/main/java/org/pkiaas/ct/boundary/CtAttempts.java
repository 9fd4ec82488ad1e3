package org.pkiaas.ct.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pkiaas.ct.entity.CtAttempt;

/**
 * The record of CT submissions that stopped an issuance. It is written in a transaction of its own:
 * the issuance rolls back, the record of why stays.
 */
@Stateless
public class CtAttempts {

  @PersistenceContext EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(CtAttempt attempt) {
    em.persist(attempt);
  }

  /** The failed submissions of one request of a CA, newest first. */
  public List<CtAttempt> ofRequest(String caId, String requestId) {
    return em.createNamedQuery("CtAttempt.byRequest", CtAttempt.class)
        .setParameter("caId", caId)
        .setParameter("requestId", requestId)
        .getResultList();
  }
}
