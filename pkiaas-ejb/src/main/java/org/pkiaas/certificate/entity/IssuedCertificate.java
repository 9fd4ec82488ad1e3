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
import java.util.Objects;
import java.util.UUID;

/** A certificate a CA signed, kept in full (DER) with the facts the status services look up. */
@Entity
@Table(name = "issued_certificate")
@NamedQuery(name = "IssuedCertificate.byCa",
        query = "SELECT c FROM IssuedCertificate c WHERE c.caId = :caId ORDER BY c.createdAt DESC, c.id")
@NamedQuery(name = "IssuedCertificate.deleteByCa", query = "DELETE FROM IssuedCertificate c WHERE c.caId = :caId")
public class IssuedCertificate {

    @Id
    private String id;

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

    @Column(name = "revocation_reason")
    private String revocationReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IssuedCertificate() {
        // JPA
    }

    public IssuedCertificate(String caId, String templateId, String serialNumber, String subjectDn, Instant notBefore,
            Instant notAfter, byte[] der, CertificatePurpose purpose) {
        this.id = UUID.randomUUID().toString();
        this.caId = Objects.requireNonNull(caId);
        this.templateId = templateId;
        this.serialNumber = Objects.requireNonNull(serialNumber);
        this.subjectDn = Objects.requireNonNull(subjectDn);
        this.notBefore = Objects.requireNonNull(notBefore);
        this.notAfter = Objects.requireNonNull(notAfter);
        this.der = Objects.requireNonNull(der).clone();
        this.status = CertificateStatus.VALID;
        this.purpose = Objects.requireNonNull(purpose);
        this.createdAt = Instant.now();
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

    public String revocationReason() {
        return revocationReason;
    }
}
