package org.pkiaas.acme.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pkiaas.acme.entity.AcmeOrder;
import org.pkiaas.ct.boundary.CtAttemptOrigins;
import org.pkiaas.ct.boundary.CtAttempts;

/** An ACME finalize issues under its order's id: such a CT attempt was for the order's names. */
@ApplicationScoped
public class OrderCtOrigins implements CtAttemptOrigins {

  @PersistenceContext EntityManager em;

  @Override
  public Optional<Described> describe(String requestId) {
    return Optional.ofNullable(em.find(AcmeOrder.class, requestId))
        .map(
            order ->
                new Described(
                    CtAttempts.Origin.ACME_ORDER,
                    order.identifiers().stream()
                        .map(Object::toString)
                        .collect(Collectors.joining(", "))));
  }
}
