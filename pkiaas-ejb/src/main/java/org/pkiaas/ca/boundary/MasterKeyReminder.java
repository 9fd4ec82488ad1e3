package org.pkiaas.ca.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.identity.Caller;
import org.pkiaas.signing.MasterKey;

/**
 * The reminder that comes with the installation's first CA (issue 15): its private key, like every
 * CA key after it, is stored wrapped under the master key, so the operator learns where that key is
 * and that it needs a backup of its own, apart from the database's. Shown once, with the first CA
 * ever created (deleted CAs keep their row, so a later CA is never "first" again), and only to an
 * administrator: where the server keeps its master key is the operator's business, not a tenant's.
 */
@Stateless
public class MasterKeyReminder {

  @PersistenceContext EntityManager em;

  @Inject MasterKey masterKey;

  /** The reminder for the caller who has just created {@code created}, if it is due. */
  public Optional<String> afterCreating(Caller caller, CertificateAuthority created) {
    if (!caller.isAdmin()) {
      return Optional.empty();
    }
    Long cas =
        em.createQuery("SELECT COUNT(c) FROM CertificateAuthority c", Long.class).getSingleResult();
    if (cas != 1) {
      return Optional.empty();
    }
    return Optional.of(text(masterKey.source(), created.name()));
  }

  static String text(String source, String caName) {
    return "The private key of '"
        + caName
        + "' is stored wrapped under the master key from "
        + source
        + ". Back the master key up now, apart from the database: without it neither this CA's key"
        + " nor any later one can be used.";
  }
}
