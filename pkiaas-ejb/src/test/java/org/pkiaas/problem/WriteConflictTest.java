package org.pkiaas.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class WriteConflictTest {

  /** What MariaDB Connector/J throws when Galera certification fails at commit. */
  private static SQLException galeraCertificationFailure() {
    return new SQLTransactionRollbackException(
        "(conn=12) Deadlock found when trying to get lock; try restarting transaction",
        "40001",
        1213);
  }

  @Test
  void aDeadlockOrCertificationFailureAnywhereInTheChainIsAConflict() {
    assertTrue(WriteConflict.isCause(galeraCertificationFailure()));
    assertTrue(
        WriteConflict.isCause(
            new RuntimeException(new PersistenceException(galeraCertificationFailure()))));
    assertTrue(
        WriteConflict.isCause(new SQLException("Lock wait timeout exceeded", "HY000", 1205)));
  }

  @Test
  void aCommitFailureThatOnlySuppressedTheCauseIsAConflict() {
    // Transaction managers report a failed one-phase commit with the resource's error suppressed.
    IllegalStateException rolledBack = new IllegalStateException("commit failed");
    rolledBack.addSuppressed(new RuntimeException(galeraCertificationFailure()));
    assertTrue(WriteConflict.isCause(rolledBack));
  }

  @Test
  void otherFailuresAreNot() {
    assertFalse(WriteConflict.isCause(new SQLException("Duplicate entry", "23000", 1062)));
    assertFalse(WriteConflict.isCause(new SQLException("Could not connect", "08S01")));
    assertFalse(WriteConflict.isCause(new IllegalStateException("bug")));
    assertFalse(WriteConflict.isCause(null));
  }

  @Test
  void aCyclicChainEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.addSuppressed(b);
    assertFalse(WriteConflict.isCause(b));
  }
}
