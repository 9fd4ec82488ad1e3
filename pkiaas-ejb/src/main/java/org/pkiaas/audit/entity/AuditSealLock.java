package org.pkiaas.audit.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row whose lock the sealing step holds, so that nodes seal one after another. */
@Entity
@Table(name = "audit_seal_lock")
public class AuditSealLock {

  public static final int ID = 1;

  @Id private int id;

  protected AuditSealLock() {
    // JPA
  }
}
