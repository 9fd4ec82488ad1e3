package org.pkiaas.ca.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.problem.NotFoundException;

/**
 * What a CA publishes to anyone, without sign-in: its certificate and chain, the targets of the AIA
 * caIssuers URLs in the certificates it issues.
 */
@Stateless
public class CaPublication {

  @PersistenceContext EntityManager em;

  /** The DER certificate of an active CA. */
  public byte[] certificate(String caId) {
    return active(caId).certificate();
  }

  /** The CA's certificate followed by its issuers up to the root, PEM. */
  public String chainPem(String caId) {
    return active(caId).certificateChainPem();
  }

  /**
   * An active or retired CA, for its public pages (the CPS page): name, subject, CPS and
   * certificate.
   */
  public CertificateAuthority publicView(String caId) {
    return active(caId);
  }

  private CertificateAuthority active(String caId) {
    CertificateAuthority ca = caId == null ? null : em.find(CertificateAuthority.class, caId);
    if (ca == null || !ca.status().publishesStatus()) {
      throw new NotFoundException("Certificate authority", caId);
    }
    return ca;
  }
}
