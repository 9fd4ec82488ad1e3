package org.pkiaas.api.certificate;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pkiaas.api.openapi.SharedSchemas;
import org.pkiaas.certificate.entity.CertificatePurpose;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.ct.boundary.EmbeddedTimestamps;
import org.pkiaas.pem.Pem;

/**
 * An issued certificate as the API shows it. {@code status} EXPIRED is derived from notAfter.
 * {@code signedCertificateTimestamps} (the embedded SCTs of RFC 6962, each verified with its
 * template's log key) is there where one certificate is shown, absent in lists.
 */
public record IssuedCertificateResponse(
    String id,
    String caId,
    String templateId,
    String requestId,
    String serialNumber,
    String subject,
    List<String> subjectAltNames,
    @Schema(implementation = CertificatePurpose.class) String purpose,
    @Schema(ref = SharedSchemas.CERTIFICATE_STATUS) String status,
    Instant notBefore,
    Instant notAfter,
    Instant revokedAt,
    @Schema(ref = SharedSchemas.REVOCATION_REASON) String revocationReason,
    Instant invalidityDate,
    String certificatePem,
    List<EmbeddedTimestamps.Embedded> signedCertificateTimestamps) {

  public static IssuedCertificateResponse of(IssuedCertificate certificate) {
    return of(certificate, null);
  }

  public static IssuedCertificateResponse of(
      IssuedCertificate certificate, List<EmbeddedTimestamps.Embedded> scts) {
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
        Pem.certificate(certificate.der()),
        scts);
  }
}
