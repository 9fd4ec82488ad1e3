package org.pkiaas.jobs.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/** Takes and releases {@code JobLock}s, each in a transaction of its own, committed at once. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobLocks {

  /** How long a run may hold its job's lock before another node may assume it died. */
  static final Duration LEASE = Duration.ofHours(1);

  @PersistenceContext EntityManager em;

  /** Takes the lock unless a run holds it. */
  public boolean acquire(String name, String holder) {
    Instant now = Instant.now();
    return em.createNamedQuery("JobLock.acquire")
            .setParameter("name", name)
            .setParameter("holder", holder)
            .setParameter("until", now.plus(LEASE))
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /**
   * Takes the lock for one schedule slot: unless a run holds it, or this slot (or a later one) was
   * started already.
   */
  public boolean acquire(String name, String holder, Instant slot) {
    Instant now = Instant.now();
    return em.createNamedQuery("JobLock.acquireSlot")
            .setParameter("name", name)
            .setParameter("holder", holder)
            .setParameter("until", now.plus(LEASE))
            .setParameter("now", now)
            .setParameter("slot", slot)
            .executeUpdate()
        == 1;
  }

  public void started(String name, String holder, long executionId) {
    em.createNamedQuery("JobLock.started")
        .setParameter("name", name)
        .setParameter("holder", holder)
        .setParameter("executionId", executionId)
        .executeUpdate();
  }

  public void release(String name, String holder) {
    em.createNamedQuery("JobLock.release")
        .setParameter("name", name)
        .setParameter("holder", holder)
        .executeUpdate();
  }
}
