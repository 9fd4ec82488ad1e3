package org.pkiaas.audit.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The one row the sealing step writes first, so that nodes seal one after another: on one database
 * the write's row lock makes the next sealer wait; on a Galera cluster, where row locks stay on
 * their node, the second of two concurrent writers fails at commit and seals on its next run.
 */
@Entity
@Table(name = "audit_seal_lock")
@NamedQuery(
    name = "AuditSealLock.take",
    query = "UPDATE AuditSealLock l SET l.turns = l.turns + 1 WHERE l.id = :id")
public class AuditSealLock {

  public static final int ID = 1;

  @Id private int id;

  /** How many sealing steps have taken the row (the write that takes it). */
  private long turns;

  protected AuditSealLock() {
    // JPA
  }
}
