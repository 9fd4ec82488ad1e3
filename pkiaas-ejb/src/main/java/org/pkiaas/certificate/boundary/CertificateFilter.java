package org.pkiaas.certificate.boundary;

import java.time.Instant;

/**
 * Narrows the issued-certificate list; null fields do not filter.
 *
 * @param status VALID, REVOKED, ON_HOLD or EXPIRED (valid or on hold, but past notAfter)
 * @param subject a case-insensitive part of the subject DN or the subject alternative names
 */
public record CertificateFilter(String status, String templateId, String subject, Instant expiresAfter,
        Instant expiresBefore) {

    public static final CertificateFilter NONE = new CertificateFilter(null, null, null, null, null);
}
