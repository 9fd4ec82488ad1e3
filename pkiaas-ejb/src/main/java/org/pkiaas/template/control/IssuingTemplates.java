package org.pkiaas.template.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.SynchronizationType;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pkiaas.ca.entity.IssuingSettingsChanged;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.NotFoundException;

/**
 * The templates that issue without a person in between, each with its CA, as this node read them a
 * moment ago: the one-call issuance, ACME's finalize and every SCEP request read them, and they
 * change rarely. A value is served for {@code pkiaas.issuance.lookup.cache.millis} (a second unless
 * configured; 0 reads them every time).
 *
 * <p>How fast a change counts: made on this node, at once. Every change or removal of a CA or
 * template row drops everything kept, when it is flushed and again when its transaction ends
 * ({@link IssuingSettingsChanged}), so a read that overlapped the commit is not kept either; the
 * caller sees its change refused or applied as soon as the change's call returns. Made on another
 * node, within the lifetime: a disabled template, a retired or deleted CA may still issue there for
 * that long. Owner and status checks run on every call, on the kept CA.
 *
 * <p>What is kept is read by an entity manager of its own, closed at once: detached entities that
 * no persistence context manages, so no caller's change to its own managed copies can reach them,
 * and no one changes these (they are only read: checks, settings, the CA's key reference). A CA
 * changed on another node, as the status watcher sees it, drops everything here too, before its
 * signer goes.
 */
@ApplicationScoped
public class IssuingTemplates {

  /** At most this many templates are kept; reaching it starts again from none. */
  private static final int CAPACITY = 10_000;

  /** The transaction's resource that marks its end as already watched. */
  private static final Object WATCHED = new Object();

  @PersistenceUnit(unitName = "pkiaas")
  EntityManagerFactory entityManagers;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "pkiaas.issuance.lookup.cache.millis", defaultValue = "1000")
  long lifetimeMillis;

  private RecentLookups<String, StoredTemplates.WithCa> recent;

  @PostConstruct
  void start() {
    if (lifetimeMillis < 0) {
      throw new IllegalStateException(
          "pkiaas.issuance.lookup.cache.millis must be 0 or more, not " + lifetimeMillis);
    }
    recent =
        new RecentLookups<>(
            TimeUnit.MILLISECONDS.toNanos(lifetimeMillis), CAPACITY, System::nanoTime);
  }

  /** Makes the bean at deployment, so a bad setting fails the start, not a later change. */
  void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // @PostConstruct has run
  }

  /**
   * The template {@code id} and its CA, detached; null when there is no such template. Call it
   * before the transaction writes anything: a read shares the caller's database transaction, so
   * after a flushed change of a CA or template it would keep what that transaction has not
   * committed (until the transaction ends, which drops it).
   */
  public StoredTemplates.WithCa find(String id) {
    return recent.get(id, this::read);
  }

  /**
   * The template {@code id} and its CA as {@link #find} keeps them, for the one-call issuance,
   * which needs them for every certificate; whose they are, whether the CA is deleted and whether
   * the template is enabled are checked on every call. Detached entities: read them, never change
   * them. Opens no transaction (a miss reads through an entity manager of its own), so the one
   * call, which has none here, pays for no empty one.
   *
   * @throws NotFoundException no such template, or its CA is not {@code caller}'s to see
   * @throws ConflictException the template is disabled
   */
  public StoredTemplates.WithCa enabledFor(Caller caller, String id) {
    StoredTemplates.WithCa found = id == null ? null : find(id);
    if (found == null || !found.ca().visibleTo(caller.accountId())) {
      throw new NotFoundException("Template", id);
    }
    StoredTemplates.requireEnabled(found.template());
    return found;
  }

  /** Drops everything kept: a CA changed on another node ({@code StatusWatcher}). */
  public void forgetAll() {
    recent.forgetAll();
  }

  private StoredTemplates.WithCa read(String id) {
    // a persistence context of its own, not joined to the caller's and closed below: the entities
    // it read are detached at once, and no flush of anyone's reaches them (the SELECT itself runs
    // on the caller's transaction's connection, or, for a caller with none such as the one call, on
    // a pool connection that Hibernate gives back once the read is done)
    EntityManager own = entityManagers.createEntityManager(SynchronizationType.UNSYNCHRONIZED);
    try {
      return StoredTemplates.findWithCa(own, id);
    } finally {
      own.close();
    }
  }

  /**
   * Drops everything kept now, at the change's flush, and again when its transaction ends
   * (committed or rolled back): a read between the flush and the commit still sees the rows as they
   * were.
   */
  void changed(@Observes IssuingSettingsChanged change) {
    recent.forgetAll();
    if (transactions.getTransactionKey() != null && transactions.getResource(WATCHED) == null) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {
              // nothing before the commit
            }

            @Override
            public void afterCompletion(int status) {
              recent.forgetAll();
            }
          });
      transactions.putResource(WATCHED, Boolean.TRUE);
    }
  }
}
