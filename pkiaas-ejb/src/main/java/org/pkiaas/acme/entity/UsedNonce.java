package org.pkiaas.acme.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A Replay-Nonce (RFC 8555 §6.5) that a request has used; its primary key makes a second use fail
 * on every node. Kept until the nonce would have expired anyway.
 */
@Entity
@Table(name = "acme_used_nonce")
@NamedQuery(
    name = "UsedNonce.deleteExpired",
    query = "DELETE FROM UsedNonce n WHERE n.expiresAt <= :now")
public class UsedNonce {

  @Id private String nonce;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected UsedNonce() {
    // JPA
  }

  public UsedNonce(String nonce, Instant expiresAt) {
    this.nonce = Objects.requireNonNull(nonce);
    this.expiresAt = Objects.requireNonNull(expiresAt);
  }

  public String nonce() {
    return nonce;
  }
}
