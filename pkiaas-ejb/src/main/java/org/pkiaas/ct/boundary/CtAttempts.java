package org.pkiaas.ct.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ct.entity.CtAttempt;
import org.pkiaas.identity.Caller;

/**
 * The record of CT submissions that stopped an issuance. It is written in a transaction of its own:
 * the issuance rolls back, the record of why stays. The administrator reads it per request, or for
 * a whole CA, where the submissions of ACME orders (which are not requests) show too: each channel
 * that issues under ids of its own says what they were ({@link CtAttemptOrigins}).
 */
@Stateless
public class CtAttempts {

  /** The most a CA's list shows: the newest. */
  static final int MAX_LISTED = 500;

  @PersistenceContext EntityManager em;

  @Inject CertificateAuthorities cas;

  @Inject Instance<CtAttemptOrigins> origins;

  /** What a failed submission was for. */
  public enum Origin {
    REQUEST,
    ACME_ORDER,
    /** A request that is gone, or one whose record rolled back with the refusal (SCEP). */
    UNKNOWN
  }

  /** A failed submission with what it was for: the request's subject, or the ACME order's names. */
  public record Recorded(CtAttempt attempt, Origin origin, String subject) {}

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

  /**
   * The failed submissions of a CA the caller owns, newest first, whichever channel asked:
   * requests, ACME orders, SCEP enrollments.
   */
  public List<Recorded> ofCa(Caller caller, String caId) {
    cas.get(caller, caId);
    return em.createNamedQuery("CtAttempt.byCa", CtAttempt.class)
        .setParameter("caId", caId)
        .setMaxResults(MAX_LISTED)
        .getResultStream()
        .map(this::recorded)
        .toList();
  }

  private Recorded recorded(CtAttempt attempt) {
    String id = attempt.requestId();
    return (id == null ? Stream.<CtAttemptOrigins>empty() : origins.stream())
        .map(provider -> provider.describe(id))
        .flatMap(Optional::stream)
        .findFirst()
        .map(described -> new Recorded(attempt, described.origin(), described.subject()))
        .orElseGet(() -> new Recorded(attempt, Origin.UNKNOWN, null));
  }
}
