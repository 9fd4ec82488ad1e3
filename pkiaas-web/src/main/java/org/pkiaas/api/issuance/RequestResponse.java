package org.pkiaas.api.issuance;

import java.time.Instant;
import java.util.List;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.signing.Pem;

/** A certificate request as the approval queue shows it. */
public record RequestResponse(String id, String caId, String templateId, String kind, String status, String subject,
        List<String> subjectAltNames, Integer validityDays, String requesterEmail, String declineReason,
        String certificateId, String createdBy, Instant createdAt, Instant updatedAt, String csrPem) {

    static RequestResponse of(CertificateRequest request) {
        String names = request.subjectAltNames();
        byte[] csr = request.csr();
        return new RequestResponse(request.id(), request.caId(), request.templateId(), request.kind().name(),
                request.status().name(), request.subjectDn(), names == null || names.isBlank() ? List.of() : List.of(names.split(",")),
                request.validityDays(), request.requesterEmail(), request.declineReason(), request.certificateId(),
                request.createdBy(), request.createdAt(), request.updatedAt(),
                csr == null ? null : Pem.encode("CERTIFICATE REQUEST", csr));
    }
}
