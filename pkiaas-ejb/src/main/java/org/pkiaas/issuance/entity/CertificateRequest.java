package org.pkiaas.issuance.entity;

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
import java.util.List;
import java.util.Objects;
import org.pkiaas.audit.entity.AuditedAs;
import org.pkiaas.audit.entity.Identified;
import org.pkiaas.certificate.entity.NameListJson;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.rowid.RowIds;

/**
 * A request for a certificate under a template, on its way through approval to issuance.
 *
 * <p>Longer than 300 lines because it is one table: a column, its accessor and its named queries
 * for each channel (REST, claim links, SCEP, EST, Apple profiles) that files requests; the
 * decisions about them live in the boundary, not here.
 */
@Entity
@AuditedAs("REQUEST")
@Table(name = "certificate_request")
@NamedQuery(
    name = "CertificateRequest.deleteByCa",
    query = "DELETE FROM CertificateRequest r WHERE r.caId = :caId")
@NamedQuery(
    name = "CertificateRequest.byClaimToken",
    query = "SELECT r FROM CertificateRequest r WHERE r.claimTokenHash = :hash")
@NamedQuery(
    name = "CertificateRequest.byScepTransaction",
    query =
        "SELECT r FROM CertificateRequest r WHERE r.templateId = :templateId"
            + " AND r.scepTransactionId = :transactionId ORDER BY r.createdAt DESC")
@NamedQuery(
    name = "CertificateRequest.byEstCsr",
    query = "SELECT r FROM CertificateRequest r WHERE r.estCsrHash = :hash")
@NamedQuery(
    name = "CertificateRequest.deleteByTemplate",
    query = "DELETE FROM CertificateRequest r WHERE r.templateId = :templateId")
public class CertificateRequest implements Identified {

  @Id private String id;

  @Column(name = "ca_id", nullable = false)
  private String caId;

  @Column(name = "template_id", nullable = false)
  private String templateId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RequestKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RequestStatus status;

  @Lob private byte[] csr;

  /**
   * What was asked for, kept as asked: the CSR's or the form's subject and names (names a JSON
   * array, {@link NameListJson}).
   */
  @Column(name = "subject_dn")
  private String subjectDn;

  @Column(name = "subject_alt_names")
  private String subjectAltNames;

  /** What an administrator approved for the certificate; null until approved. */
  @Column(name = "approved_subject_dn")
  private String approvedSubjectDn;

  @Column(name = "approved_subject_alt_names")
  private String approvedSubjectAltNames;

  @Column(name = "validity_days")
  private Integer validityDays;

  @Column(name = "requester_email")
  private String requesterEmail;

  @Column(name = "decline_reason")
  private String declineReason;

  @Column(name = "certificate_id")
  private String certificateId;

  @Column(name = "claim_token_hash")
  private String claimTokenHash;

  @Column(name = "claim_expires_at")
  private Instant claimExpiresAt;

  @Column(name = "claimed_at")
  private Instant claimedAt;

  /** The SCEP transactionID of a request that came by SCEP (RFC 8894 §3.2.1.1). */
  @Column(name = "scep_transaction_id")
  private String scepTransactionId;

  @Column(name = "est_csr_hash")
  private String estCsrHash;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private int version;

  protected CertificateRequest() {
    // JPA
  }

  /**
   * @param subjectDn the subject asked for (from the CSR, or the form)
   * @param subjectAltNames {@code TYPE:value} names asked for
   */
  public CertificateRequest(
      String caId,
      String templateId,
      RequestKind kind,
      byte[] csr,
      String subjectDn,
      List<String> subjectAltNames,
      String requesterEmail,
      String createdBy) {
    this.id = RowIds.next();
    this.caId = Objects.requireNonNull(caId);
    this.templateId = Objects.requireNonNull(templateId);
    this.kind = Objects.requireNonNull(kind);
    this.status = RequestStatus.PENDING;
    this.csr = csr == null ? null : csr.clone();
    this.subjectDn = subjectDn;
    this.subjectAltNames =
        NameListJson.write(subjectAltNames == null ? List.of() : subjectAltNames);
    this.requesterEmail = requesterEmail;
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  public void issued(String issuedCertificateId) {
    requireStatus(RequestStatus.PENDING, RequestStatus.APPROVED);
    this.certificateId = Objects.requireNonNull(issuedCertificateId);
    this.status = RequestStatus.ISSUED;
    this.updatedAt = Instant.now();
  }

  public void decline(String reason) {
    requireStatus(RequestStatus.PENDING, RequestStatus.APPROVED);
    this.declineReason = reason;
    this.status = RequestStatus.DECLINED;
    this.updatedAt = Instant.now();
  }

  /**
   * Fixes what the certificate will say, for requests whose key arrives later, at claim; what was
   * asked for stays.
   */
  public void approve(
      String approvedSubjectDn,
      List<String> approvedSubjectAltNames,
      Integer approvedValidityDays) {
    requireStatus(RequestStatus.PENDING);
    this.approvedSubjectDn = approvedSubjectDn == null ? "" : approvedSubjectDn;
    this.approvedSubjectAltNames =
        NameListJson.write(approvedSubjectAltNames == null ? List.of() : approvedSubjectAltNames);
    this.validityDays = approvedValidityDays;
    this.status = RequestStatus.APPROVED;
    this.updatedAt = Instant.now();
  }

  /** Opens (or replaces) the claim link of an approved request; only the token's hash is kept. */
  public void offerClaim(String tokenHash, Instant expiresAt) {
    requireStatus(RequestStatus.APPROVED);
    this.claimTokenHash = Objects.requireNonNull(tokenHash);
    this.claimExpiresAt = Objects.requireNonNull(expiresAt);
    this.updatedAt = Instant.now();
  }

  /** Records the claim; the link is spent whatever happens next. */
  public void claimed(String issuedCertificateId, Instant at) {
    issued(issuedCertificateId);
    this.claimedAt = at;
  }

  public boolean claimExpiredAt(Instant now) {
    return claimExpiresAt == null || !now.isBefore(claimExpiresAt);
  }

  public Instant claimExpiresAt() {
    return claimExpiresAt;
  }

  public Instant claimedAt() {
    return claimedAt;
  }

  private void requireStatus(RequestStatus... allowed) {
    for (RequestStatus candidate : allowed) {
      if (status == candidate) {
        return;
      }
    }
    throw new ConflictException("This request is " + status + "; that is not possible any more");
  }

  @Override
  public String id() {
    return id;
  }

  public String caId() {
    return caId;
  }

  public String templateId() {
    return templateId;
  }

  public RequestKind kind() {
    return kind;
  }

  public RequestStatus status() {
    return status;
  }

  public byte[] csr() {
    return csr == null ? null : csr.clone();
  }

  public String subjectDn() {
    return subjectDn;
  }

  /** The names asked for, {@code TYPE:value}. */
  public List<String> subjectAltNames() {
    return NameListJson.read(subjectAltNames);
  }

  /** The approved subject, or null while nothing is approved. */
  public String approvedSubjectDn() {
    return approvedSubjectDn;
  }

  /** The approved names, or null while nothing is approved. */
  public List<String> approvedSubjectAltNames() {
    return approvedSubjectAltNames == null ? null : NameListJson.read(approvedSubjectAltNames);
  }

  public Integer validityDays() {
    return validityDays;
  }

  public String requesterEmail() {
    return requesterEmail;
  }

  public String declineReason() {
    return declineReason;
  }

  public String certificateId() {
    return certificateId;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String scepTransactionId() {
    return scepTransactionId;
  }

  /** Marks the request as the one of this SCEP transaction, for CertPoll to find. */
  public void scepTransaction(String transactionId) {
    this.scepTransactionId = Objects.requireNonNull(transactionId);
  }

  /** Keeps the SHA-256 of an EST request's CSR, for the client's retry (RFC 7030 §4.2.3). */
  public void estCsr(String csrHash) {
    this.estCsrHash = Objects.requireNonNull(csrHash);
  }
}
