package org.pkiaas.crl.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A CA's revocation bookkeeping: a revision that every status change of its certificates bumps (a
 * CRL built from an older revision is stale), the last CRL number handed out (complete and delta
 * CRLs share one increasing sequence, RFC 5280 §5.2.3), and the lease of whoever builds its CRL
 * now. Counters are changed with single UPDATE statements, never read-modify-write.
 */
@Entity
@Table(name = "crl_state")
@NamedQuery(
    name = "CrlState.bump",
    query = "UPDATE CrlState s SET s.revision = s.revision + 1 WHERE s.caId = :caId")
@NamedQuery(
    name = "CrlState.nextNumber",
    query = "UPDATE CrlState s SET s.lastNumber = s.lastNumber + 1 WHERE s.caId = :caId")
@NamedQuery(
    name = "CrlState.acquire",
    query =
        "UPDATE CrlState s SET s.leaseHolder = :holder, s.leaseUntil = :until"
            + " WHERE s.caId = :caId AND (s.leaseUntil IS NULL OR s.leaseUntil < :now)")
@NamedQuery(
    name = "CrlState.release",
    query =
        "UPDATE CrlState s SET s.leaseHolder = NULL, s.leaseUntil = NULL"
            + " WHERE s.caId = :caId AND s.leaseHolder = :holder")
@NamedQuery(name = "CrlState.revisions", query = "SELECT s.caId, s.revision FROM CrlState s")
@NamedQuery(name = "CrlState.deleteByCa", query = "DELETE FROM CrlState s WHERE s.caId = :caId")
public class CrlState {

  @Id
  @Column(name = "ca_id")
  private String caId;

  @Column(nullable = false)
  private long revision;

  @Column(name = "last_number", nullable = false)
  private long lastNumber;

  @Column(name = "lease_holder")
  private String leaseHolder;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  protected CrlState() {
    // JPA
  }

  public CrlState(String caId) {
    this.caId = Objects.requireNonNull(caId);
    this.revision = 1;
  }

  public String caId() {
    return caId;
  }

  public long revision() {
    return revision;
  }

  public long lastNumber() {
    return lastNumber;
  }

  public String leaseHolder() {
    return leaseHolder;
  }

  public Instant leaseUntil() {
    return leaseUntil;
  }
}
