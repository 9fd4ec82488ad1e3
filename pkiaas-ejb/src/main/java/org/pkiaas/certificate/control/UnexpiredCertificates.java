package org.pkiaas.certificate.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.pkiaas.ca.boundary.CaLifecycle;
import org.pkiaas.certificate.entity.CertificatePurpose;
import org.pkiaas.problem.ConflictException;

/**
 * Keeps a CA that relying parties still need: a CA with unexpired subscriber certificates cannot be
 * deleted (their CRL and OCSP must keep answering), only retired.
 */
@Dependent
public class UnexpiredCertificates {

  @PersistenceContext EntityManager em;

  void onDeleting(@Observes CaLifecycle event) {
    if (event.stage() != CaLifecycle.Stage.DELETING) {
      return;
    }
    long unexpired =
        em.createNamedQuery("IssuedCertificate.countUnexpiredByCa", Long.class)
            .setParameter("caId", event.ca().id())
            .setParameter("purposes", CertificatePurpose.SUBSCRIBER)
            .setParameter("now", Instant.now())
            .getSingleResult();
    if (unexpired > 0) {
      throw new ConflictException(
          "This CA has "
              + unexpired
              + " unexpired certificate(s), so relying parties still need"
              + " its CRL and OCSP: retire it instead, and delete it once they have expired");
    }
  }
}
