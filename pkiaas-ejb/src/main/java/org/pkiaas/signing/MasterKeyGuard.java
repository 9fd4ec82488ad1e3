package org.pkiaas.signing;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;

/**
 * Refuses to start a node whose master key is not the one the database's keys are wrapped under.
 * The first start stores the key's {@link KeyCheckValue}; an install from before that check proves
 * its key by unwrapping one stored key first. A new key is generated only for a database that holds
 * nothing wrapped. Failing here fails the deployment, with a message that says what to do.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class MasterKeyGuard {

  private static final Logger LOG = Logger.getLogger(MasterKeyGuard.class.getName());
  private static final int CHECK_ROW = 1;

  @PersistenceContext EntityManager em;

  @Inject MasterKey masterKey;

  @Inject KeyWrapper keyWrapper;

  @Inject @Any Instance<WrappedKeys> places;

  @PostConstruct
  void verify() {
    List<?> stored =
        em.createNativeQuery("SELECT check_value FROM master_key_check WHERE id = " + CHECK_ROW)
            .getResultList();
    Optional<WrappedKeys.Wrapped> wrapped = anyWrappedKey();
    SecretKey key;
    try {
      key = masterKey.load(stored.isEmpty() && wrapped.isEmpty());
    } catch (RuntimeException e) {
      LOG.severe(e.getMessage());
      throw e;
    }
    if (!stored.isEmpty()) {
      if (!KeyCheckValue.matches(key, (String) stored.get(0))) {
        throw refused(
            "does not match the key-check value stored in the database: this database's keys are wrapped under"
                + " another master key.");
      }
      return;
    }
    if (wrapped.isPresent()) {
      proveByUnwrapping(wrapped.get());
    }
    em.createNativeQuery(
            "INSERT INTO master_key_check (id, check_value, created_at) VALUES (?1, ?2, ?3)")
        .setParameter(1, CHECK_ROW)
        .setParameter(2, KeyCheckValue.of(key))
        .setParameter(3, Instant.now())
        .executeUpdate();
    LOG.info(
        () ->
            "PKIaaS: stored the master key's check value; nodes with another key will refuse to start");
  }

  /** A stored key, if the database holds any; the first place that has one gives it. */
  private Optional<WrappedKeys.Wrapped> anyWrappedKey() {
    for (WrappedKeys place : places) {
      Optional<WrappedKeys.Wrapped> key = place.any();
      if (key.isPresent()) {
        return key;
      }
    }
    return Optional.empty();
  }

  /** A database from before the check: the key is right if it opens a stored key. */
  private void proveByUnwrapping(WrappedKeys.Wrapped stored) {
    byte[] opened;
    try {
      opened = keyWrapper.open(stored.key(), stored.context());
    } catch (IllegalStateException e) {
      throw refused(
          "cannot unwrap the keys stored in the database: they were wrapped under another master key.");
    }
    Arrays.fill(opened, (byte) 0);
  }

  private IllegalStateException refused(String why) {
    String message =
        "PKIaaS refuses to start: the master key from "
            + masterKey.source()
            + " "
            + why
            + " Start this node with the master key that belongs to this database: restore that key file from its own"
            + " backup (pkiaas.master.key.file says where it is read), or set PKIAAS_MASTER_KEY to that key. Do not delete"
            + " the master_key_check row: keys wrapped under the other key would stay unusable.";
    LOG.severe(message);
    return new IllegalStateException(message);
  }
}
