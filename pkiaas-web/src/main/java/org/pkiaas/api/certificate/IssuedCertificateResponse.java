package org.pkiaas.api.certificate;

import java.time.Instant;
import java.util.List;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.pem.Pem;

/** An issued certificate as the API shows it. {@code status} EXPIRED is derived from notAfter. */
public record IssuedCertificateResponse(
    String id,
    String caId,
    String templateId,
    String requestId,
    String serialNumber,
    String subject,
    List<String> subjectAltNames,
    String purpose,
    String status,
    Instant notBefore,
    Instant notAfter,
    Instant revokedAt,
    String revocationReason,
    Instant invalidityDate,
    String certificatePem) {

  public static IssuedCertificateResponse of(IssuedCertificate certificate) {
    String status = certificate.status().name();
    if (!"REVOKED".equals(status) && !Instant.now().isBefore(certificate.notAfter())) {
      status = "EXPIRED";
    }
    return new IssuedCertificateResponse(
        certificate.id(),
        certificate.caId(),
        certificate.templateId(),
        certificate.requestId(),
        certificate.serialNumber(),
        certificate.subjectDn(),
        certificate.subjectAltNames(),
        certificate.purpose().name(),
        status,
        certificate.notBefore(),
        certificate.notAfter(),
        certificate.revokedAt(),
        certificate.revocationReason() == null ? null : certificate.revocationReason().rfcName(),
        certificate.invalidityDate(),
        Pem.certificate(certificate.der()));
  }
}
