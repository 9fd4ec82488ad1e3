package org.pkiaas.api.ca;

import java.time.Instant;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.signing.Pem;

public record IssuedCertificateResponse(String id, String serialNumber, String subject, String purpose, String status,
        Instant notBefore, Instant notAfter, String templateId, String certificatePem) {

    static IssuedCertificateResponse of(IssuedCertificate certificate) {
        return new IssuedCertificateResponse(certificate.id(), certificate.serialNumber(), certificate.subjectDn(),
                certificate.purpose().name(), certificate.status().name(), certificate.notBefore(), certificate.notAfter(),
                certificate.templateId(), Pem.certificate(certificate.der()));
    }
}
