package org.pkiaas.acme.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.pkiaas.audit.entity.Identified;
import org.pkiaas.rowid.RowIds;

/**
 * Credentials that admit new ACME accounts under a policy (RFC 8555 §7.3.4; user guide 5.3): a key
 * identifier (this row's id) and an HMAC key, stored wrapped, usable a number of times until it
 * expires.
 */
@Entity
@Table(name = "acme_eab")
@NamedQuery(
    name = "ExternalAccountBinding.byPolicy",
    query =
        "SELECT e FROM ExternalAccountBinding e WHERE e.policyId = :policyId ORDER BY e.createdAt, e.id")
@NamedQuery(
    name = "ExternalAccountBinding.byPolicyAndName",
    query =
        "SELECT e FROM ExternalAccountBinding e WHERE e.policyId = :policyId AND e.name = :name")
@NamedQuery(
    name = "ExternalAccountBinding.deleteByPolicy",
    query = "DELETE FROM ExternalAccountBinding e WHERE e.policyId = :policyId")
@NamedQuery(
    name = "ExternalAccountBinding.deleteByCa",
    query =
        "DELETE FROM ExternalAccountBinding e WHERE e.policyId IN (SELECT p.id FROM AcmePolicy p WHERE p.caId = :caId)")
public class ExternalAccountBinding implements Identified {

  @Id private String id;

  @Column(name = "policy_id", nullable = false)
  private String policyId;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MacAlgorithm algorithm;

  @Lob
  @Column(name = "hmac_key", nullable = false)
  private byte[] hmacKey;

  @Column(name = "allowed_uses", nullable = false)
  private int allowedUses;

  @Column(nullable = false)
  private int used;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private int version;

  protected ExternalAccountBinding() {
    // JPA
  }

  public ExternalAccountBinding(
      String policyId, String name, MacAlgorithm algorithm, int allowedUses, Instant expiresAt) {
    this.id = RowIds.next();
    this.policyId = Objects.requireNonNull(policyId);
    this.name = Objects.requireNonNull(name);
    this.algorithm = Objects.requireNonNull(algorithm);
    this.allowedUses = allowedUses;
    this.expiresAt = Objects.requireNonNull(expiresAt);
    this.createdAt = Instant.now();
  }

  /** What {@code KeyWrapper} binds the wrapped HMAC key to. */
  public String wrappingContext() {
    return "acme-eab:" + id;
  }

  public void storeWrappedKey(byte[] wrapped) {
    this.hmacKey = wrapped.clone();
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public boolean exhausted() {
    return used >= allowedUses;
  }

  /** Counts one more account registered with this binding. */
  public void use() {
    used++;
  }

  /** The key identifier an ACME client sends as {@code kid}. */
  @Override
  public String id() {
    return id;
  }

  public String policyId() {
    return policyId;
  }

  public String name() {
    return name;
  }

  public MacAlgorithm algorithm() {
    return algorithm;
  }

  public byte[] wrappedKey() {
    return hmacKey.clone();
  }

  public int allowedUses() {
    return allowedUses;
  }

  public int used() {
    return used;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
