package org.pkiaas.issuance.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.issuance.boundary.RequestSigned;
import org.pkiaas.mail.boundary.Mailer;
import org.pkiaas.pem.Pem;

/**
 * Mails a requester the certificate an administrator signed for their queued CSR, once the issuing
 * transaction has committed: an issuance that rolls back (a failed step, the first round of a CT
 * issuance) sends nothing, and no channel calls the mail component to issue. The mail is queued in
 * a transaction of its own right after the commit; a node that stops between the two loses this one
 * notice, never a certificate (the certificate stays in the console and the API).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IssuedCertificateMail {

  static final String SUBJECT = "Your certificate has been issued";

  @PersistenceContext EntityManager em;

  @Inject Mailer mailer;

  /**
   * A business method, so that the container runs it in its own transaction. Only a queued request
   * an administrator signed is mailed ({@link RequestSigned}): the other channels hand the
   * certificate to whoever asked in their answer (a claim page, ACME, SCEP, EST, the one-call API),
   * and cost no transaction here.
   */
  public void onSigned(@Observes(during = TransactionPhase.AFTER_SUCCESS) RequestSigned signed) {
    IssuedCertificate certificate = signed.certificate();
    CertificateAuthority ca = em.find(CertificateAuthority.class, certificate.caId());
    mailer.queue(
        signed.requesterEmail(),
        SUBJECT,
        body(certificate.subjectDn(), certificate.der(), ca.certificateChainPem()));
  }

  static String body(String subjectDn, byte[] der, String chainPem) {
    return "Hello,\n\nYour certificate request for "
        + subjectDn
        + " was approved. The certificate and its issuing CAs up to the root follow; install it"
        + " with the private key you made the request with.\n\n"
        + Pem.certificate(der)
        + chainPem;
  }
}
