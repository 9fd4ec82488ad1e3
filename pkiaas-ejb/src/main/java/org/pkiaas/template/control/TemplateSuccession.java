package org.pkiaas.template.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.pkiaas.ca.boundary.CaLifecycle;
import org.pkiaas.template.entity.CertificateTemplate;

/**
 * A CA's templates follow its rollover: when a successor takes over, every template of the
 * predecessor moves to it with its id, so SCEP, EST and API URLs stay the same and issue under the
 * new key from then on.
 */
@Dependent
public class TemplateSuccession {

  @PersistenceContext EntityManager em;

  void onTookOver(@Observes CaLifecycle event) {
    if (event.stage() != CaLifecycle.Stage.TOOK_OVER) {
      return;
    }
    em.createNamedQuery("CertificateTemplate.byCa", CertificateTemplate.class)
        .setParameter("caId", event.ca().predecessorId())
        .getResultList()
        .forEach(template -> template.moveTo(event.ca().id()));
  }
}
