package org.pkiaas.ca.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.pkiaas.rowid.RowIds;

/** The key and certificate of a CA service such as its OCSP responder; the key wrapped. */
@Entity
@Table(name = "service_credential")
@NamedQuery(
    name = "ServiceCredential.byCaAndPurpose",
    query = "SELECT s FROM ServiceCredential s" + ServiceCredential.NEWEST_FIRST)
@NamedQuery(
    name = ServiceCredential.WITH_CERTIFICATE,
    query =
        "SELECT s, c FROM ServiceCredential s"
            + " LEFT JOIN IssuedCertificate c ON c.id = s.certificateId"
            + ServiceCredential.NEWEST_FIRST)
@NamedQuery(
    name = "ServiceCredential.byCertificate",
    query = "SELECT s FROM ServiceCredential s WHERE s.certificateId = :certificateId")
@NamedQuery(
    name = "ServiceCredential.deleteByCa",
    query = "DELETE FROM ServiceCredential s WHERE s.caId = :caId")
public class ServiceCredential {

  /**
   * The CA's credentials for a purpose, newest first, each with its {@code IssuedCertificate} (or
   * null): one statement where reading the certificate apart would take a second.
   */
  public static final String WITH_CERTIFICATE = "ServiceCredential.byCaAndPurposeWithCertificate";

  /** The CA's credentials for a purpose, newest first: the clause both queries above share. */
  static final String NEWEST_FIRST =
      " WHERE s.caId = :caId AND s.purpose = :purpose ORDER BY s.createdAt DESC";

  @Id private String id;

  @Column(name = "ca_id", nullable = false)
  private String caId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ServicePurpose purpose;

  @Column(name = "certificate_id", nullable = false)
  private String certificateId;

  @Lob
  @Column(name = "wrapped_private_key", nullable = false)
  private byte[] wrappedPrivateKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ServiceCredential() {
    // JPA
  }

  /**
   * The id is chosen first because the wrapped key is bound to it; see {@link
   * #wrappingContext(String)}.
   */
  public ServiceCredential(
      String id,
      String caId,
      ServicePurpose purpose,
      String certificateId,
      byte[] wrappedPrivateKey) {
    this.id = Objects.requireNonNull(id);
    this.caId = Objects.requireNonNull(caId);
    this.purpose = Objects.requireNonNull(purpose);
    this.certificateId = Objects.requireNonNull(certificateId);
    this.wrappedPrivateKey = Objects.requireNonNull(wrappedPrivateKey).clone();
    this.createdAt = Instant.now();
  }

  public static String newId() {
    return RowIds.next();
  }

  /** The additional data a service key is wrapped with. */
  public static String wrappingContext(String id) {
    return "service-credential:" + id;
  }

  public String id() {
    return id;
  }

  public String caId() {
    return caId;
  }

  public ServicePurpose purpose() {
    return purpose;
  }

  public String certificateId() {
    return certificateId;
  }

  public byte[] wrappedPrivateKey() {
    return wrappedPrivateKey.clone();
  }
}
