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
 * An ACME authorization (RFC 8555 §7.1.4) for one identifier of an order. For a wildcard name the
 * identifier is the base domain and {@code wildcard} is set.
 */
@Entity
@Table(name = "acme_authorization")
@NamedQuery(
    name = "AcmeAuthorization.byOrder",
    query = "SELECT a FROM AcmeAuthorization a WHERE a.orderId = :orderId ORDER BY a.id")
@NamedQuery(
    name = "AcmeAuthorization.countOfAccount",
    query =
        "SELECT COUNT(z) FROM AcmeAuthorization z, AcmeOrder o"
            + " WHERE o.id = z.orderId AND o.accountId = :accountId AND z.status = :status AND z.expiresAt > :now")
@NamedQuery(
    name = "AcmeAuthorization.deleteByCa",
    query =
        "DELETE FROM AcmeAuthorization z WHERE z.orderId IN"
            + " (SELECT o.id FROM AcmeOrder o WHERE o.accountId IN (SELECT a.id FROM AcmeAccount a WHERE a.policyId IN"
            + " (SELECT p.id FROM AcmePolicy p WHERE p.caId = :caId)))")
public class AcmeAuthorization {

  @Id private String id;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Column(name = "identifier_type", nullable = false)
  private String identifierType;

  @Column(name = "identifier_value", nullable = false)
  private String identifierValue;

  @Column(nullable = false)
  private boolean wildcard;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AuthorizationStatus status;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Version private int version;

  protected AcmeAuthorization() {
    // JPA
  }

  /**
   * @param identifier for a wildcard name, its base domain, with {@code wildcard} set
   */
  public AcmeAuthorization(
      String orderId,
      AcmeIdentifier identifier,
      boolean wildcard,
      AuthorizationStatus status,
      Instant expiresAt) {
    this.id = RowIds.next();
    this.orderId = Objects.requireNonNull(orderId);
    this.identifierType = identifier.type().json();
    this.identifierValue = identifier.value();
    this.wildcard = wildcard;
    this.status = Objects.requireNonNull(status);
    this.expiresAt = Objects.requireNonNull(expiresAt);
  }

  /** The outcome of a challenge: valid, or invalid for good (§7.1.6). */
  public void decided(AuthorizationStatus outcome) {
    this.status = Objects.requireNonNull(outcome);
  }

  public String id() {
    return id;
  }

  public String orderId() {
    return orderId;
  }

  /** The identifier to prove; for a wildcard name, its base domain (RFC 8555 §7.1.4). */
  public AcmeIdentifier identifier() {
    AcmeIdentifier.Type type = AcmeIdentifier.Type.parse(identifierType);
    if (type == null) {
      throw new IllegalStateException("Unknown identifier type " + identifierType);
    }
    return new AcmeIdentifier(type, identifierValue);
  }

  public boolean wildcard() {
    return wildcard;
  }

  public AuthorizationStatus status() {
    return status;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
