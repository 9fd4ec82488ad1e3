package org.pkiaas.jobs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A batch job's cluster-wide lock: who runs it now (until when, should that node die), and the last
 * schedule slot started. Taken and released with single conditional UPDATEs, so that of two nodes
 * racing for it exactly one wins.
 */
@Entity
@Table(name = "job_lock")
@NamedQuery(
    name = "JobLock.acquire",
    query =
        "UPDATE JobLock j SET j.holder = :holder, j.lockedUntil = :until"
            + " WHERE j.name = :name AND (j.lockedUntil IS NULL OR j.lockedUntil < :now)")
@NamedQuery(
    name = "JobLock.acquireSlot",
    query =
        "UPDATE JobLock j SET j.holder = :holder, j.lockedUntil = :until,"
            + " j.lastSlot = :slot WHERE j.name = :name AND (j.lockedUntil IS NULL OR j.lockedUntil < :now)"
            + " AND (j.lastSlot IS NULL OR j.lastSlot < :slot)")
@NamedQuery(
    name = "JobLock.started",
    query =
        "UPDATE JobLock j SET j.executionId = :executionId WHERE j.name = :name"
            + " AND j.holder = :holder")
@NamedQuery(
    name = "JobLock.release",
    query =
        "UPDATE JobLock j SET j.holder = NULL, j.lockedUntil = NULL"
            + " WHERE j.name = :name AND j.holder = :holder")
public class JobLock {

  @Id private String name;

  @Column private String holder;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "last_slot")
  private Instant lastSlot;

  @Column(name = "execution_id")
  private Long executionId;

  protected JobLock() {
    // JPA
  }

  public String name() {
    return name;
  }

  public String holder() {
    return holder;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }

  public Long executionId() {
    return executionId;
  }
}
