package org.pkiaas.certificate.boundary;

import java.time.Instant;
import java.util.Set;
import org.pkiaas.certificate.entity.CertificatePurpose;

/**
 * Narrows the issued-certificate list; null fields do not filter.
 *
 * @param status VALID, REVOKED, ON_HOLD or EXPIRED (valid or on hold, but past notAfter)
 * @param subject a case-insensitive part of the subject DN or the subject alternative names
 * @param purposes the purposes listed, e.g. {@link CertificatePurpose#SUBSCRIBER}; null or empty:
 *     any
 */
public record CertificateFilter(
    String status,
    String templateId,
    String subject,
    Instant expiresAfter,
    Instant expiresBefore,
    Set<CertificatePurpose> purposes) {

  public static final CertificateFilter NONE = new CertificateFilter(null, null, null, null, null);

  public CertificateFilter {
    purposes = purposes == null ? null : Set.copyOf(purposes);
  }

  /** A filter of any purpose. */
  public CertificateFilter(
      String status,
      String templateId,
      String subject,
      Instant expiresAfter,
      Instant expiresBefore) {
    this(status, templateId, subject, expiresAfter, expiresBefore, null);
  }

  /** The same filter, narrowed to certificates of those purposes. */
  public CertificateFilter withPurposes(Set<CertificatePurpose> only) {
    return new CertificateFilter(status, templateId, subject, expiresAfter, expiresBefore, only);
  }
}
