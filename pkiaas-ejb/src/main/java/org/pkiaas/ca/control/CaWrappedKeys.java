package org.pkiaas.ca.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.ServiceCredential;
import org.pkiaas.signing.WrappedKeys;

/**
 * The CAs' keys and their service credentials' (OCSP responder) keys, oldest CA first. A CA whose
 * key is on an IoT-HSM device has no wrapped key here.
 */
@ApplicationScoped
public class CaWrappedKeys implements WrappedKeys {

  @PersistenceContext EntityManager em;

  @Override
  public Optional<Wrapped> any() {
    Optional<Wrapped> ca =
        em.createQuery(
                "SELECT c FROM CertificateAuthority c"
                    + " WHERE c.keyBackend <> org.pkiaas.ca.entity.KeyBackend.HSM"
                    + " ORDER BY c.createdAt",
                CertificateAuthority.class)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .map(c -> new Wrapped(c.wrappedPrivateKey(), c.wrappingContext()));
    if (ca.isPresent()) {
      return ca;
    }
    return em.createQuery("SELECT s FROM ServiceCredential s", ServiceCredential.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(s -> new Wrapped(s.wrappedPrivateKey(), ServiceCredential.wrappingContext(s.id())));
  }
}
