package org.pkiaas.revocation.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.certificate.boundary.Certificates;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.certificate.entity.RevocationReason;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.InvalidInputException;

/**
 * Revocation, the mirror of issuance: changes a certificate's status and fires {@link
 * CertificateRevoked}, on which the CRL and OCSP caches of its CA are invalidated. It never builds
 * a CRL itself.
 */
@Stateless
public class RevocationService {

  @Inject Certificates certificates;

  @PersistenceContext EntityManager em;

  @Inject Event<CertificateRevoked> revoked;

  /**
   * @param reason an RFC 5280 reason name; {@code certificateHold} puts it on hold
   * @param invalidityDate when the key is known or suspected to have been compromised (RFC 5280
   *     §5.3.2)
   */
  @Audited(value = "certificate.revoke", objectType = "CERTIFICATE", objectIdArgument = 1)
  public IssuedCertificate revoke(
      Caller caller, String certificateId, String reason, Instant invalidityDate) {
    IssuedCertificate certificate = certificates.get(caller, certificateId);
    RevocationReason parsed = RevocationReason.parse("reason", reason);
    Instant now = Instant.now();
    if (certificate.status() == CertificateStatus.REVOKED) {
      throw new ConflictException("This certificate is already revoked");
    }
    if (certificate.status() == CertificateStatus.ON_HOLD
        && parsed == RevocationReason.CERTIFICATE_HOLD) {
      throw new ConflictException("This certificate is already on hold");
    }
    if (invalidityDate != null && invalidityDate.isAfter(now)) {
      throw new InvalidInputException(
          "invalidityDate", "The invalidity date cannot be in the future");
    }
    certificate.revoke(parsed, now, invalidityDate);
    revoked.fire(new CertificateRevoked(certificate));
    return certificate;
  }

  /**
   * Revokes a certificate its renewal superseded (RFC 5280 §5.3.1 reason superseded), when the
   * template says so. The renewal's proof of the key stands in for a signed-in caller.
   */
  @Audited(value = "certificate.supersede", objectType = "CERTIFICATE", objectIdArgument = 0)
  public IssuedCertificate supersede(String certificateId) {
    IssuedCertificate certificate = em.find(IssuedCertificate.class, certificateId);
    if (certificate == null) {
      throw new InvalidInputException("certificateId", "No such certificate");
    }
    if (certificate.status() == CertificateStatus.REVOKED) {
      return certificate;
    }
    certificate.revoke(RevocationReason.SUPERSEDED, Instant.now(), null);
    revoked.fire(new CertificateRevoked(certificate));
    return certificate;
  }

  /** Takes a certificate off hold (the CRL then lists it no more). */
  @Audited(value = "certificate.release", objectType = "CERTIFICATE", objectIdArgument = 1)
  public IssuedCertificate releaseHold(Caller caller, String certificateId) {
    IssuedCertificate certificate = certificates.get(caller, certificateId);
    if (certificate.status() != CertificateStatus.ON_HOLD) {
      throw new ConflictException("Only a certificate on hold (certificateHold) can be released");
    }
    certificate.releaseHold();
    revoked.fire(new CertificateRevoked(certificate));
    return certificate;
  }
}
