package org.pkiaas.scep.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.pkiaas.rowid.RowIds;
import org.pkiaas.signing.Fingerprints;

/**
 * A one-time SCEP challenge password (user guide 6.3): valid once, until it expires; only its hash
 * is stored. One bound to a pre-approved request authorises only that request's content.
 */
@Entity
@Table(name = "scep_challenge")
@NamedQuery(
    name = "ScepChallenge.outstanding",
    query =
        "SELECT COUNT(c) FROM ScepChallenge c WHERE c.templateId = :templateId"
            + " AND c.requestId IS NULL AND c.expiresAt > :now")
@NamedQuery(
    name = "ScepChallenge.byHash",
    query =
        "SELECT c FROM ScepChallenge c WHERE c.templateId = :templateId"
            + " AND c.passwordHash = :hash AND c.expiresAt > :now")
@NamedQuery(
    name = "ScepChallenge.byProfileToken",
    query = "SELECT c FROM ScepChallenge c WHERE c.profileTokenHash = :hash AND c.expiresAt > :now")
@NamedQuery(name = "ScepChallenge.use", query = "DELETE FROM ScepChallenge c WHERE c.id = :id")
@NamedQuery(
    name = "ScepChallenge.deleteExpired",
    query = "DELETE FROM ScepChallenge c WHERE c.templateId = :templateId AND c.expiresAt <= :now")
@NamedQuery(
    name = "ScepChallenge.deleteByTemplate",
    query = "DELETE FROM ScepChallenge c WHERE c.templateId = :templateId")
public class ScepChallenge {

  @Id private String id;

  @Column(name = "template_id", nullable = false)
  private String templateId;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "request_id")
  private String requestId;

  /** The hash of the Apple profile link that hands this challenge out (user guide 6.4). */
  @Column(name = "profile_token_hash")
  private String profileTokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected ScepChallenge() {
    // JPA
  }

  public ScepChallenge(String templateId, String password, String requestId, Instant expiresAt) {
    this.id = RowIds.next();
    this.templateId = Objects.requireNonNull(templateId);
    this.passwordHash = hash(password);
    this.requestId = requestId;
    this.createdAt = Instant.now();
    this.expiresAt = Objects.requireNonNull(expiresAt);
  }

  public static String hash(String password) {
    return Fingerprints.sha256Hex(password.getBytes(StandardCharsets.UTF_8));
  }

  public String id() {
    return id;
  }

  /** The pre-approved request this challenge is bound to, or null. */
  public String requestId() {
    return requestId;
  }

  /** Binds the challenge to the Apple profile link whose token hashes to {@code tokenHash}. */
  public void profileToken(String tokenHash) {
    this.profileTokenHash = tokenHash;
  }

  public String templateId() {
    return templateId;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
