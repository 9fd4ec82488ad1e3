package org.pkiaas.problem;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Recognises a transaction that lost to a concurrent one and was rolled back: InnoDB's deadlock and
 * lock wait timeout, and on a MariaDB Galera cluster the certification conflict of two nodes that
 * changed the same row at the same time, which MariaDB reports as the same deadlock (error 1213,
 * SQL state 40001) at commit or at the loser's next statement. Nothing of the transaction was kept,
 * so the request may simply be sent again: idempotent work is repeated at once, and interfaces
 * answer "try again" (503 with Retry-After) in their own language, never an internal error.
 */
public final class WriteConflict {

  /** What interfaces put in Retry-After: the winner has committed by then. */
  public static final int RETRY_AFTER_SECONDS = 1;

  /** MariaDB/MySQL ER_LOCK_DEADLOCK: an InnoDB deadlock or a Galera certification failure. */
  private static final int LOCK_DEADLOCK = 1213;

  /** MariaDB/MySQL ER_LOCK_WAIT_TIMEOUT. */
  private static final int LOCK_WAIT_TIMEOUT = 1205;

  /** H2's DEADLOCK_1 and LOCK_TIMEOUT_1. */
  private static final int H2_DEADLOCK = 40001;

  private static final int H2_LOCK_TIMEOUT = 50200;

  /** How often {@link #retried} runs work that keeps losing. */
  static final int ATTEMPTS = 3;

  private WriteConflict() {}

  /**
   * Runs {@code work}, which must run in a transaction of its own and be safe to repeat, again when
   * it lost a write conflict: at most {@value #ATTEMPTS} times, a short random pause apart.
   */
  public static <T> T retried(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isCause(e)) {
          throw e;
        }
        try {
          Thread.sleep(20 + ThreadLocalRandom.current().nextInt(100 * attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** {@link #retried(Supplier)} for work without a result. */
  public static void retried(Runnable work) {
    retried(
        () -> {
          work.run();
          return null;
        });
  }

  /** Whether the failure's causes (or what they suppressed) say the transaction lost a race. */
  public static boolean isCause(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Deque<Throwable> next = new ArrayDeque<>();
    if (failure != null) {
      next.add(failure);
    }
    while (!next.isEmpty()) {
      Throwable current = next.poll();
      if (seen.put(current, true) != null) {
        continue;
      }
      if (current instanceof SQLException sql && lostRace(sql)) {
        return true;
      }
      String name = current.getClass().getName();
      if (name.equals("org.hibernate.exception.LockAcquisitionException")
          || name.equals("org.hibernate.PessimisticLockException")
          || name.equals("jakarta.persistence.PessimisticLockException")) {
        return true;
      }
      if (current.getCause() != null) {
        next.add(current.getCause());
      }
      if (current instanceof SQLException sql && sql.getNextException() != null) {
        next.add(sql.getNextException());
      }
      for (Throwable suppressed : current.getSuppressed()) {
        next.add(suppressed);
      }
    }
    return false;
  }

  private static boolean lostRace(SQLException sql) {
    return sql.getErrorCode() == LOCK_DEADLOCK
        || sql.getErrorCode() == LOCK_WAIT_TIMEOUT
        || sql.getErrorCode() == H2_DEADLOCK
        || sql.getErrorCode() == H2_LOCK_TIMEOUT
        || "40001".equals(sql.getSQLState());
  }
}
