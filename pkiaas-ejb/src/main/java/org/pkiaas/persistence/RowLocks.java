package org.pkiaas.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Locks that make concurrent transactions deciding about one row take turns, on one node and across
 * a Galera cluster.
 */
public final class RowLocks {

  private RowLocks() {}

  /**
   * {@code entity}, re-read under a row lock that waits for the transaction holding it, then its
   * version raised: the next transaction to decide waits here until this one ends and then sees
   * what it wrote; on a Galera cluster, where row locks stay on their node, the two version writes
   * conflict and the later commit fails (and is repeated, {@link
   * org.pkiaas.problem.WriteConflict}).
   *
   * <p>Not a locking {@code find} or a plain {@code lock} with {@link
   * LockModeType#PESSIMISTIC_FORCE_INCREMENT}: Hibernate asks for that lock with NOWAIT, so a
   * second request fails at once instead of waiting; and a copy already managed may hold a version
   * another transaction has since raised, which is then reported as a stale update. Unflushed
   * changes to {@code entity} are discarded by the re-read: call this before changing it.
   *
   * @param entity managed by {@code em}
   * @return {@code entity}, as now stored
   */
  public static <T> T lockedAndBumped(EntityManager em, T entity) {
    em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
    em.lock(entity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    return entity;
  }
}
