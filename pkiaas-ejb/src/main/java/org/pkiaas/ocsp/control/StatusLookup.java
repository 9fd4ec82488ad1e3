package org.pkiaas.ocsp.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.RevocationReason;

/** Looks up one serial number's status: three columns by the (CA, serial) unique key. */
@Stateless
public class StatusLookup {

  @PersistenceContext EntityManager em;

  /**
   * @return the status, or null when this CA never issued the serial
   */
  public KnownStatus status(String caId, String serialHex) {
    List<Object[]> rows =
        em.createNamedQuery("IssuedCertificate.statusBySerial", Object[].class)
            .setParameter("caId", caId)
            .setParameter("serial", serialHex)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] row = rows.get(0);
    return new KnownStatus((CertificateStatus) row[0], (Instant) row[1], (RevocationReason) row[2]);
  }
}
