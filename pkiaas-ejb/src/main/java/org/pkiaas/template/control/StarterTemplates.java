package org.pkiaas.template.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.pkiaas.ca.boundary.CaLifecycle;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.template.entity.StarterTemplate;

/**
 * Gives every new CA a web server template, so that it can issue at once; a rollover's successor
 * takes its predecessor's templates instead ({@link TemplateSuccession}).
 */
@Dependent
public class StarterTemplates {

  @PersistenceContext EntityManager em;

  void onCreated(@Observes CaLifecycle event) {
    if (event.stage() == CaLifecycle.Stage.CREATED && event.ca().predecessorId() == null) {
      em.persist(
          new CertificateTemplate(
              event.ca().id(),
              StarterTemplate.WEB_SERVER,
              StarterTemplate.WEB_SERVER.defaults(
                  StarterTemplate.WEB_SERVER.displayName(),
                  "TLS server certificates; created with the CA")));
    }
  }
}
