package org.pkiaas.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.pkiaas.rowid.RowIds;

/**
 * A personal API token. Only the SHA-256 of the secret is stored: a token carries 256 random bits,
 * so a fast hash is enough, and a database leak reveals no usable token.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(
    name = "ApiToken.findByHash",
    query = "SELECT t FROM ApiToken t JOIN FETCH t.account WHERE t.tokenHash = :hash")
@NamedQuery(
    name = "ApiToken.byAccount",
    query = "SELECT t FROM ApiToken t WHERE t.account.id = :accountId ORDER BY t.createdAt")
@NamedQuery(
    name = "ApiToken.markUsed",
    query =
        "UPDATE ApiToken t SET t.lastUsedAt = :now WHERE t.id = :id"
            + " AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :before)")
@NamedQuery(
    name = "ApiToken.deleteByAccount",
    query = "DELETE FROM ApiToken t WHERE t.account.id = :accountId")
public class ApiToken {

  @Id private String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "account_id")
  private Account account;

  @Column(nullable = false)
  private String name;

  @Column(name = "token_hash", nullable = false, unique = true)
  private String tokenHash;

  @Column(name = "token_prefix", nullable = false)
  private String prefix;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  protected ApiToken() {
    // JPA
  }

  public ApiToken(
      Account account, String name, String tokenHash, String prefix, Instant expiresAt) {
    this.id = RowIds.next();
    this.account = Objects.requireNonNull(account);
    this.name = Objects.requireNonNull(name);
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.prefix = Objects.requireNonNull(prefix);
    this.createdAt = Instant.now();
    this.expiresAt = expiresAt;
  }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  public String id() {
    return id;
  }

  public Account account() {
    return account;
  }

  public String name() {
    return name;
  }

  public String prefix() {
    return prefix;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
