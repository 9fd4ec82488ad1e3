package org.pkiaas.issuance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.pkiaas.ct.boundary.CtAttemptOrigins;
import org.pkiaas.ct.boundary.CtAttempts;
import org.pkiaas.issuance.entity.CertificateRequest;

/** A CT attempt recorded under a queued request's id was for that request's subject. */
@ApplicationScoped
public class RequestCtOrigins implements CtAttemptOrigins {

  @PersistenceContext EntityManager em;

  @Override
  public Optional<Described> describe(String requestId) {
    return Optional.ofNullable(em.find(CertificateRequest.class, requestId))
        .map(request -> new Described(CtAttempts.Origin.REQUEST, request.subjectDn()));
  }
}
