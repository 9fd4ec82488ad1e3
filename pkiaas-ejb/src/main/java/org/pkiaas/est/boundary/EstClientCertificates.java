package org.pkiaas.est.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.est.boundary.EstTemplates.EstTemplate;
import org.pkiaas.x509.SerialNumbers;

/**
 * The TLS client certificate an EST client authenticated with (RFC 7030 §3.3.2). The HTTPS listener
 * lets any certificate through the handshake (whose CertificateVerify proved the key); here it
 * counts only as a certificate the template's CA issued, byte for byte as stored, neither revoked
 * nor on hold, and within its validity. Anything else is 403: the client did authenticate, but with
 * a certificate that grants nothing here.
 */
@Stateless
public class EstClientCertificates {

  @PersistenceContext EntityManager em;

  /** simpleenroll: any certificate in force that the template's CA issued. */
  public IssuedCertificate ofCa(EstTemplate est, byte[] der) {
    return inForce(est, der);
  }

  /**
   * simplereenroll: the certificate being renewed, which the client must present (§3.3.2, §4.2.2):
   * one in force, of this template.
   */
  public IssuedCertificate renewed(EstTemplate est, byte[] der) {
    if (der == null) {
      throw new EstFailure(
          EstFailure.Status.FORBIDDEN,
          "simplereenroll takes the TLS client certificate of the certificate it renews"
              + " (RFC 7030 §3.3.2): connect with that certificate and its key");
    }
    IssuedCertificate old = inForce(est, der);
    if (!est.template().id().equals(old.templateId())) {
      throw new EstFailure(
          EstFailure.Status.FORBIDDEN,
          "The client certificate was not issued under this EST service's template");
    }
    return old;
  }

  private IssuedCertificate inForce(EstTemplate est, byte[] der) {
    X509CertificateHolder presented;
    try {
      presented = new X509CertificateHolder(der);
    } catch (IOException | RuntimeException e) {
      throw new EstFailure(EstFailure.Status.FORBIDDEN, "The client certificate cannot be read");
    }
    IssuedCertificate issued =
        em.createNamedQuery("IssuedCertificate.bySerial", IssuedCertificate.class)
            .setParameter("caId", est.ca().id())
            .setParameter("serial", SerialNumbers.hex(presented.getSerialNumber()))
            .getResultStream()
            .filter(c -> Arrays.equals(c.der(), der))
            .findFirst()
            .orElseThrow(
                () ->
                    new EstFailure(
                        EstFailure.Status.FORBIDDEN,
                        "The client certificate was not issued by this EST service's CA"));
    if (issued.status() != CertificateStatus.VALID) {
      throw new EstFailure(
          EstFailure.Status.FORBIDDEN,
          "The client certificate is "
              + (issued.status() == CertificateStatus.REVOKED ? "revoked" : "on hold"));
    }
    Instant now = Instant.now();
    if (now.isBefore(issued.notBefore()) || !now.isBefore(issued.notAfter())) {
      throw new EstFailure(
          EstFailure.Status.FORBIDDEN, "The client certificate is not within its validity");
    }
    return issued;
  }
}
