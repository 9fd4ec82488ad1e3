package org.pkiaas.mail.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pkiaas.mail.entity.OutgoingMail;

/**
 * The outbox's short transactions. A mail is claimed by moving its next attempt into the future
 * with a conditional update, so two cluster nodes never send the same mail at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Outbox {

  static final Duration LEASE = Duration.ofMinutes(2);

  @PersistenceContext EntityManager em;

  public List<String> due(int limit) {
    return em.createNamedQuery("OutgoingMail.due", String.class)
        .setParameter("now", Instant.now())
        .setMaxResults(limit)
        .getResultList();
  }

  /** The mail, if this node won it; null when another node has it or it was sent. */
  public OutgoingMail claim(String id) {
    Instant now = Instant.now();
    int won =
        em.createNamedQuery("OutgoingMail.claim")
            .setParameter("id", id)
            .setParameter("now", now)
            .setParameter("lease", now.plus(LEASE))
            .executeUpdate();
    return won == 1 ? em.find(OutgoingMail.class, id) : null;
  }

  public void sent(String id) {
    em.find(OutgoingMail.class, id).sent(Instant.now());
  }

  public void failed(String id, String error) {
    em.find(OutgoingMail.class, id).failed(error, Instant.now());
  }
}
