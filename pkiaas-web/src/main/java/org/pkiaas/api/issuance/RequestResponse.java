package org.pkiaas.api.issuance;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.issuance.entity.RequestKind;
import org.pkiaas.issuance.entity.RequestStatus;
import org.pkiaas.pem.Pem;

/**
 * A certificate request as the approval queue shows it: {@code subject} and {@code subjectAltNames}
 * as asked for; {@code approvedSubject} and {@code approvedSubjectAltNames} as approved (null until
 * then), which is what a claim issues.
 */
public record RequestResponse(
    String id,
    String caId,
    String templateId,
    @Schema(implementation = RequestKind.class) String kind,
    @Schema(implementation = RequestStatus.class) String status,
    String subject,
    List<String> subjectAltNames,
    String approvedSubject,
    List<String> approvedSubjectAltNames,
    Integer validityDays,
    String requesterEmail,
    String declineReason,
    String certificateId,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    String csrPem) {

  static RequestResponse of(CertificateRequest request) {
    byte[] csr = request.csr();
    return new RequestResponse(
        request.id(),
        request.caId(),
        request.templateId(),
        request.kind().name(),
        request.status().name(),
        request.subjectDn(),
        request.subjectAltNames(),
        request.approvedSubjectDn(),
        request.approvedSubjectAltNames(),
        request.validityDays(),
        request.requesterEmail(),
        request.declineReason(),
        request.certificateId(),
        request.createdBy(),
        request.createdAt(),
        request.updatedAt(),
        csr == null ? null : Pem.encode("CERTIFICATE REQUEST", csr));
  }
}
