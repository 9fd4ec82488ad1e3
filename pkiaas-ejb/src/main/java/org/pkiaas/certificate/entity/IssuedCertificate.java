package org.pkiaas.certificate.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.audit.entity.AuditedAs;
import org.pkiaas.audit.entity.Identified;
import org.pkiaas.rowid.RowIds;
import org.pkiaas.x509.Der;

/** A certificate a CA signed, kept in full (DER) with the facts the status services look up. */
@Entity
@AuditedAs("CERTIFICATE")
@Table(name = "issued_certificate")
@NamedQuery(
    name = IssuedCertificate.WITH_CA,
    query =
        "SELECT c, a FROM IssuedCertificate c JOIN CertificateAuthority a ON a.id = c.caId"
            + " WHERE c.id = :id")
@NamedQuery(
    name = "IssuedCertificate.byCa",
    query =
        "SELECT c FROM IssuedCertificate c WHERE c.caId = :caId ORDER BY c.createdAt DESC, c.id")
@NamedQuery(
    name = "IssuedCertificate.deleteByCa",
    query = "DELETE FROM IssuedCertificate c WHERE c.caId = :caId")
@NamedQuery(
    name = "IssuedCertificate.byPublicKey",
    query =
        "SELECT c FROM IssuedCertificate c WHERE c.caId = :caId"
            + " AND c.publicKeySha256 = :hash ORDER BY c.notAfter DESC")
@NamedQuery(
    name = "IssuedCertificate.statusBySerial",
    query =
        "SELECT c.status, c.revokedAt, c.revocationReason"
            + " FROM IssuedCertificate c WHERE c.caId = :caId AND c.serialNumber = :serial")
@NamedQuery(
    name = "IssuedCertificate.bySerial",
    query = "SELECT c FROM IssuedCertificate c WHERE c.caId = :caId AND c.serialNumber = :serial")
@NamedQuery(
    name = "IssuedCertificate.countUnexpiredByCa",
    query =
        "SELECT COUNT(c) FROM IssuedCertificate c"
            + " WHERE c.caId = :caId AND c.purpose IN :purposes AND c.notAfter > :now")
@NamedQuery(
    name = "IssuedCertificate.countActiveByTemplate",
    query =
        "SELECT COUNT(c) FROM IssuedCertificate c"
            + " WHERE c.templateId = :templateId AND c.status <> org.pkiaas.certificate.entity.CertificateStatus.REVOKED"
            + " AND c.notAfter > :now")
@NamedQuery(
    name = "IssuedCertificate.detachTemplate",
    query = "UPDATE IssuedCertificate c SET c.templateId = NULL WHERE c.templateId = :templateId")
public class IssuedCertificate implements Identified {

  /** The certificate {@code id} and its CA, in one statement: rows of {certificate, CA}. */
  public static final String WITH_CA = "IssuedCertificate.withCa";

  @Id private String id;

  @Column(name = "ca_id", nullable = false)
  private String caId;

  @Column(name = "template_id")
  private String templateId;

  /** Lower-case hex, no leading zeros beyond what the positive encoding needs. */
  @Column(name = "serial_number", nullable = false)
  private String serialNumber;

  @Column(name = "subject_dn", nullable = false)
  private String subjectDn;

  @Column(name = "not_before", nullable = false)
  private Instant notBefore;

  @Column(name = "not_after", nullable = false)
  private Instant notAfter;

  @Lob
  @Column(nullable = false)
  private byte[] der;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CertificateStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CertificatePurpose purpose;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "revocation_reason")
  private RevocationReason revocationReason;

  @Column(name = "invalidity_date")
  private Instant invalidityDate;

  @Column(name = "request_id")
  private String requestId;

  /** A JSON array of {@code TYPE:value} strings ({@link NameListJson}). */
  @Column(name = "subject_alt_names")
  private String subjectAltNames;

  @Column(name = "public_key_sha256")
  private String publicKeySha256;

  @Column(name = "status_changed_at")
  private Instant statusChangedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The precertificate (RFC 6962 §3.1) its SCTs were obtained for; null without CT. */
  @Lob
  @Column(name = "precertificate")
  private byte[] precertificate;

  protected IssuedCertificate() {
    // JPA
  }

  public IssuedCertificate(
      String caId,
      String templateId,
      String requestId,
      String serialNumber,
      String subjectDn,
      List<String> subjectAltNames,
      Instant notBefore,
      Instant notAfter,
      X509CertificateHolder certificate,
      CertificatePurpose purpose) {
    this.requestId = requestId;
    this.subjectAltNames = subjectAltNames == null ? null : NameListJson.write(subjectAltNames);
    // from the certificate as built: its key is not parsed out of its encoding again
    this.publicKeySha256 = publicKeyHash(certificate.getSubjectPublicKeyInfo());
    this.id = RowIds.next();
    this.caId = Objects.requireNonNull(caId);
    this.templateId = templateId;
    this.serialNumber = Objects.requireNonNull(serialNumber);
    this.subjectDn = Objects.requireNonNull(subjectDn);
    this.notBefore = Objects.requireNonNull(notBefore);
    this.notAfter = Objects.requireNonNull(notAfter);
    this.der = Der.encoded(certificate);
    this.status = CertificateStatus.VALID;
    this.purpose = Objects.requireNonNull(purpose);
    this.createdAt = Instant.now();
  }

  /** Keeps the precertificate this certificate's embedded SCTs were obtained for. */
  public void keepPrecertificate(byte[] der) {
    precertificate = der.clone();
  }

  public byte[] precertificate() {
    return precertificate == null ? null : precertificate.clone();
  }

  public String id() {
    return id;
  }

  public String caId() {
    return caId;
  }

  public String templateId() {
    return templateId;
  }

  public String serialNumber() {
    return serialNumber;
  }

  public String subjectDn() {
    return subjectDn;
  }

  public Instant notBefore() {
    return notBefore;
  }

  public Instant notAfter() {
    return notAfter;
  }

  public byte[] der() {
    return der.clone();
  }

  public CertificateStatus status() {
    return status;
  }

  public CertificatePurpose purpose() {
    return purpose;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public RevocationReason revocationReason() {
    return revocationReason;
  }

  public Instant invalidityDate() {
    return invalidityDate;
  }

  /** When the status last changed (revocation, hold or release); null while never changed. */
  public Instant statusChangedAt() {
    return statusChangedAt;
  }

  public String requestId() {
    return requestId;
  }

  /** {@code TYPE:value} names, comma-separated, as issued. */
  /** The certificate's subject alternative names, {@code TYPE:value}, in order. */
  public List<String> subjectAltNames() {
    return NameListJson.read(subjectAltNames);
  }

  /** SHA-256 (hex) of the certificate's SubjectPublicKeyInfo, as issued. */
  public static String publicKeyHash(byte[] certificateDer) {
    return publicKeyHash(
        org.bouncycastle.asn1.x509.Certificate.getInstance(certificateDer)
            .getSubjectPublicKeyInfo());
  }

  /** SHA-256 (hex) of a SubjectPublicKeyInfo's DER encoding. */
  public static String publicKeyHash(SubjectPublicKeyInfo key) {
    return org.pkiaas.signing.Fingerprints.sha256Hex(Der.encoded(key));
  }

  public boolean activeAt(Instant now) {
    return status != CertificateStatus.REVOKED && now.isBefore(notAfter);
  }

  /**
   * Revokes; certificateHold puts the certificate on hold, from where it can be released or revoked
   * for good.
   */
  public void revoke(RevocationReason reason, Instant at, Instant invalidity) {
    this.status =
        reason == RevocationReason.CERTIFICATE_HOLD
            ? CertificateStatus.ON_HOLD
            : CertificateStatus.REVOKED;
    this.revocationReason = reason;
    this.revokedAt = at;
    this.invalidityDate = invalidity;
    this.statusChangedAt = at;
  }

  public void releaseHold() {
    this.statusChangedAt = Instant.now();
    this.status = CertificateStatus.VALID;
    this.revocationReason = null;
    this.revokedAt = null;
    this.invalidityDate = null;
  }

  /** How the audit log describes it: serial, purpose and subject. */
  public String auditSummary() {
    return "serial " + serialNumber() + ", " + purpose() + ", " + subjectDn();
  }
}
