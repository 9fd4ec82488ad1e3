package org.pkiaas.acme.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.pkiaas.acme.entity.ExternalAccountBinding;
import org.pkiaas.signing.WrappedKeys;

/** The HMAC keys of the ACME external account bindings. */
@ApplicationScoped
public class EabWrappedKeys implements WrappedKeys {

  @PersistenceContext EntityManager em;

  @Override
  public Optional<Wrapped> any() {
    return em.createQuery("SELECT e FROM ExternalAccountBinding e", ExternalAccountBinding.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(e -> new Wrapped(e.wrappedKey(), e.wrappingContext()));
  }
}
