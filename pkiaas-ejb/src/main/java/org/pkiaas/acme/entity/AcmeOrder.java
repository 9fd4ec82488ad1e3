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
import java.util.List;
import java.util.Objects;
import org.pkiaas.rowid.RowIds;

/**
 * An ACME order (RFC 8555 §7.1.3): the identifiers asked for and, once finalized, the certificate.
 */
@Entity
@Table(name = "acme_order")
@NamedQuery(
    name = "AcmeOrder.byAccount",
    query =
        "SELECT o FROM AcmeOrder o WHERE o.accountId = :accountId ORDER BY o.createdAt DESC, o.id")
@NamedQuery(
    name = "AcmeOrder.createdSince",
    query =
        "SELECT COUNT(o), MIN(o.createdAt) FROM AcmeOrder o"
            + " WHERE o.accountId = :accountId AND o.createdAt > :since")
@NamedQuery(
    name = "AcmeOrder.statusSince",
    query =
        "SELECT COUNT(o), MIN(o.createdAt) FROM AcmeOrder o"
            + " WHERE o.accountId = :accountId AND o.status = :status AND o.createdAt > :since")
@NamedQuery(
    name = "AcmeOrder.byCertificate",
    query = "SELECT o FROM AcmeOrder o WHERE o.certificateId = :certificateId")
@NamedQuery(
    name = "AcmeOrder.deleteByCa",
    query =
        "DELETE FROM AcmeOrder o WHERE o.accountId IN"
            + " (SELECT a.id FROM AcmeAccount a WHERE a.policyId IN (SELECT p.id FROM AcmePolicy p WHERE p.caId = :caId))")
@NamedQuery(
    name = "AcmeOrder.countReplacing",
    query = "SELECT COUNT(o) FROM AcmeOrder o WHERE o.replaces = :certificateId")
@NamedQuery(
    name = "AcmeOrder.certificatesBySerial",
    query = "SELECT c FROM IssuedCertificate c WHERE c.serialNumber = :serial")
public class AcmeOrder {

  @Id private String id;

  @Column(name = "account_id", nullable = false)
  private String accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrderStatus status;

  @Column(nullable = false)
  private String identifiers;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "certificate_id")
  private String certificateId;

  private String replaces;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private int version;

  protected AcmeOrder() {
    // JPA
  }

  /**
   * @param identifiers canonical, without repeats, e.g. {@code dns *.example.com}
   */
  public AcmeOrder(
      String accountId, List<AcmeIdentifier> identifiers, OrderStatus status, Instant expiresAt) {
    this.id = RowIds.next();
    this.accountId = Objects.requireNonNull(accountId);
    this.identifiers = AcmeIdentifier.column(identifiers);
    this.status = Objects.requireNonNull(status);
    this.expiresAt = Objects.requireNonNull(expiresAt);
    this.createdAt = Instant.now();
  }

  /** Marks the order as the renewal of a certificate (RFC 9773 §5). */
  public void replacing(String certificateId) {
    this.replaces = Objects.requireNonNull(certificateId);
  }

  public void issued(String certificateId) {
    this.certificateId = Objects.requireNonNull(certificateId);
    this.status = OrderStatus.VALID;
  }

  public void changeStatus(OrderStatus status) {
    this.status = Objects.requireNonNull(status);
  }

  public String id() {
    return id;
  }

  public String accountId() {
    return accountId;
  }

  public OrderStatus status() {
    return status;
  }

  /** The identifiers in the order they were asked for. */
  public List<AcmeIdentifier> identifiers() {
    return AcmeIdentifier.fromColumn(identifiers);
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public String certificateId() {
    return certificateId;
  }

  /** The id of the certificate this order renews, or null. */
  public String replaces() {
    return replaces;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
