package org.pkiaas.acme.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.pkiaas.acme.control.CertificateIdentifier;
import org.pkiaas.acme.entity.AcmeAccount;
import org.pkiaas.acme.entity.AcmeOrder;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.x509.SerialNumbers;

/**
 * ACME Renewal Information (RFC 9773) for certificates issued through ACME: when to renew, and
 * which certificate a new order replaces.
 */
@Stateless
public class AcmeRenewals {

  @PersistenceContext EntityManager em;

  @Inject AcmeAccounts accounts;

  /** A suggested renewal window (§4.2). */
  public record Window(Instant start, Instant end) {}

  /**
   * The last third of the validity, its first half as the window; a revoked certificate gets a
   * window in the past, which asks for renewal at once.
   */
  public Window window(String certificateIdentifier) {
    IssuedCertificate certificate = find(certificateIdentifier);
    if (certificate.status() == CertificateStatus.REVOKED) {
      Instant now = Instant.now();
      return new Window(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
    }
    Duration validity = Duration.between(certificate.notBefore(), certificate.notAfter());
    Instant start = certificate.notBefore().plus(validity.multipliedBy(2).dividedBy(3));
    return new Window(start, start.plus(validity.dividedBy(6)));
  }

  /**
   * The id of the certificate a newOrder's {@code replaces} names; the account must have ordered
   * it, once.
   */
  public String replaced(String accountId, String certificateIdentifier) {
    AcmeAccount account = accounts.active(accountId);
    IssuedCertificate certificate = find(certificateIdentifier);
    boolean ordered =
        em.createNamedQuery("AcmeOrder.byCertificate", AcmeOrder.class)
            .setParameter("certificateId", certificate.id())
            .getResultStream()
            .anyMatch(o -> o.accountId().equals(account.id()));
    if (!ordered) {
      throw new AcmeProblem(
          AcmeError.UNAUTHORIZED, "This account did not order the certificate it replaces");
    }
    long replacing =
        em.createNamedQuery("AcmeOrder.countReplacing", Long.class)
            .setParameter("certificateId", certificate.id())
            .getSingleResult();
    if (replacing > 0) {
      throw new AcmeProblem(
          AcmeError.ALREADY_REPLACED, "Another order already replaces this certificate");
    }
    return certificate.id();
  }

  private IssuedCertificate find(String certificateIdentifier) {
    CertificateIdentifier id = CertificateIdentifier.parse(certificateIdentifier);
    IssuedCertificate certificate =
        em.createNamedQuery("AcmeOrder.certificatesBySerial", IssuedCertificate.class)
            .setParameter("serial", SerialNumbers.hex(id.serial()))
            .getResultStream()
            .filter(c -> id.identifies(c.der()))
            .findFirst()
            .orElseThrow(
                () -> new AcmeProblem(AcmeError.NOT_FOUND, "No certificate has this identifier"));
    long ordered =
        em.createNamedQuery("AcmeOrder.byCertificate", AcmeOrder.class)
            .setParameter("certificateId", certificate.id())
            .getResultList()
            .size();
    if (ordered == 0) {
      throw new AcmeProblem(
          AcmeError.NOT_FOUND, "No certificate issued through ACME has this identifier");
    }
    return certificate;
  }
}
