package org.pkiaas.acme.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.pkiaas.rowid.RowIds;

/**
 * A challenge of an authorization (RFC 8555 §7.1.5, §8): its random token, and how its validation
 * went; {@code error} says why it failed.
 */
@Entity
@Table(name = "acme_challenge")
@NamedQuery(
    name = "AcmeChallenge.byAuthorization",
    query =
        "SELECT c FROM AcmeChallenge c WHERE c.authorizationId = :authorizationId ORDER BY c.type")
@NamedQuery(
    name = "AcmeChallenge.deleteByCa",
    query =
        "DELETE FROM AcmeChallenge c WHERE c.authorizationId IN"
            + " (SELECT z.id FROM AcmeAuthorization z WHERE z.orderId IN (SELECT o.id FROM AcmeOrder o WHERE o.accountId IN"
            + " (SELECT a.id FROM AcmeAccount a WHERE a.policyId IN (SELECT p.id FROM AcmePolicy p WHERE p.caId = :caId))))")
@NamedQuery(
    name = "AcmeChallenge.claim",
    query =
        "UPDATE AcmeChallenge c SET c.claimedAt = :now, c.version = c.version + 1"
            + " WHERE c.id = :id AND c.status = :processing AND (c.claimedAt IS NULL OR c.claimedAt < :staleBefore)")
@NamedQuery(
    name = "AcmeChallenge.unclaimed",
    query =
        "SELECT c.id, o.accountId FROM AcmeChallenge c, AcmeAuthorization z,"
            + " AcmeOrder o WHERE z.id = c.authorizationId AND o.id = z.orderId AND c.status = :processing"
            + " AND (c.claimedAt IS NULL OR c.claimedAt < :staleBefore) AND o.expiresAt > :now")
public class AcmeChallenge {

  @Id private String id;

  @Column(name = "authorization_id", nullable = false)
  private String authorizationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ChallengeType type;

  @Column(nullable = false)
  private String token;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ChallengeStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "error_type")
  private String errorType;

  private String error;

  @Column(name = "validated_at")
  private Instant validatedAt;

  /**
   * When the node validating this challenge last said it was at it; see {@code
   * ChallengeValidation}.
   */
  @Column(name = "claimed_at")
  private Instant claimedAt;

  @Version private int version;

  protected AcmeChallenge() {
    // JPA
  }

  public AcmeChallenge(String authorizationId, ChallengeType type, String token) {
    this.id = RowIds.next();
    this.authorizationId = Objects.requireNonNull(authorizationId);
    this.type = Objects.requireNonNull(type);
    this.token = Objects.requireNonNull(token);
    this.status = ChallengeStatus.PENDING;
  }

  /** The client asked for validation (§7.5.1). */
  public void process() {
    this.status = ChallengeStatus.PROCESSING;
  }

  /**
   * One more validation attempt failed for {@code reason}; with {@code last} the challenge is
   * invalid.
   *
   * @param type the ACME error type of the reason, e.g. {@code connection}
   */
  public void failedAttempt(String type, String reason, boolean last) {
    this.attempts++;
    this.errorType = Objects.requireNonNull(type);
    this.error = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    if (last) {
      this.status = ChallengeStatus.INVALID;
    } else {
      this.claimedAt = Instant.now();
    }
  }

  public void validated() {
    this.attempts++;
    this.status = ChallengeStatus.VALID;
    this.errorType = null;
    this.error = null;
    this.validatedAt = Instant.now();
  }

  public String id() {
    return id;
  }

  public String authorizationId() {
    return authorizationId;
  }

  public ChallengeType type() {
    return type;
  }

  public String token() {
    return token;
  }

  public ChallengeStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  /**
   * The ACME error type of the last failure ({@code connection}, {@code dns}, {@code
   * incorrectResponse}).
   */
  public String errorType() {
    return errorType;
  }

  public String error() {
    return error;
  }

  public Instant validatedAt() {
    return validatedAt;
  }
}
