package org.pkiaas.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pkiaas.audit.entity.AuditChainHead;
import org.pkiaas.audit.entity.AuditEvent;
import org.pkiaas.audit.entity.AuditSealLock;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.metrics.control.ThreadCpu;
import org.pkiaas.problem.Incidents;
import org.pkiaas.problem.WriteConflict;
import org.pkiaas.signing.MasterKey;

/**
 * Puts committed audit events on their chains, a step apart from the actions that wrote them:
 * events are written unsealed in the action's own transaction, and this seals them in batches every
 * few seconds (and before every verification). Only sealers wait for each other, on one locked row;
 * issuance never waits for the chain. {@code pkiaas.audit.sealing.timer.enabled=false} turns this
 * node's timer off (events then wait for a verification or another node's timer): the issuance
 * benchmark runs both ways to show that sealing does not slow issuance.
 */
@Stateless
public class AuditSealer {

  static final int BATCH = 500;

  /** Hibernate's hint: no snapshots to compare at flush for entities only read. */
  private static final String READ_ONLY = "org.hibernate.readOnly";

  private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());

  @PersistenceContext EntityManager em;

  @Inject MasterKey masterKey;

  @Inject SealWriter writer;

  @Inject PkiMetrics metrics;

  @Resource SessionContext context;

  @Inject
  @ConfigProperty(name = "pkiaas.audit.sealing.timer.enabled", defaultValue = "true")
  boolean timerEnabled;

  /**
   * This node's moment within each five seconds: the schedule fires on the same wall-clock second
   * on every node, and nodes that seal at the same moment conflict (one of them in vain).
   */
  private static final long PHASE_MILLIS = ThreadLocalRandom.current().nextLong(2500);

  /** Every node seals what is pending; the lock makes them take turns. */
  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void sealPending() {
    if (!timerEnabled) {
      return;
    }
    try {
      Thread.sleep(PHASE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      sealAll();
    } catch (RuntimeException e) {
      if (WriteConflict.isCause(e)) {
        LOG.log(Level.FINE, "Another node sealed at the same moment; the next run goes on", e);
        return;
      }
      // every five seconds while the database is away: one line each, a stack trace now and then
      Incidents.log(
          LOG, Level.WARNING, "Sealing the audit log failed; the next run tries again", e);
    }
  }

  /** Seals every event committed so far; returns how many. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long sealAll() {
    AuditSealer self = context.getBusinessObject(AuditSealer.class);
    long cpuBefore = ThreadCpu.nanos();
    long total = 0;
    int sealed;
    do {
      sealed = self.sealBatch();
      total += sealed;
    } while (sealed == BATCH);
    if (total > 0) {
      metrics.auditSealed(total, ThreadCpu.since(cpuBefore));
    }
    return total;
  }

  /** Seals the oldest unsealed events, at most {@link #BATCH}, in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int sealBatch() {
    // A plain look first: most runs find nothing, and then write nothing.
    if (em.createNamedQuery("AuditEvent.unsealed", AuditEvent.class)
        .setMaxResults(1)
        .getResultList()
        .isEmpty()) {
      return 0;
    }
    // Taken first: what the query below sees is what the previous sealer committed.
    em.createNamedQuery("AuditSealLock.take").setParameter("id", AuditSealLock.ID).executeUpdate();
    // Read-only: the events are sealed by one batched UPDATE of three columns ({@link SealWriter}),
    // not by flushing managed entities.
    List<AuditEvent> events =
        em.createNamedQuery("AuditEvent.unsealed", AuditEvent.class)
            .setHint(READ_ONLY, true)
            .setMaxResults(BATCH)
            .getResultList();
    if (events.isEmpty()) {
      return 0;
    }
    AuditChain chain = AuditChain.fromMasterKey(masterKey.key());
    Map<String, AuditChainHead> heads = new HashMap<>();
    List<SealWriter.Seal> seals = new ArrayList<>(events.size());
    Instant now = Instant.now();
    for (AuditEvent event : events) {
      AuditChainHead head = heads.computeIfAbsent(event.chainId(), this::head);
      long seq = head.lastSeq() + 1;
      String previous = head.lastMac() == null ? AuditChain.GENESIS : head.lastMac().trim();
      String mac = chain.mac(AuditChain.content(event, seq, previous));
      seals.add(new SealWriter.Seal(event.id(), seq, previous, mac));
      head.advance(seq, mac, chain.headMac(head.chainId(), seq, mac), now);
    }
    writer.write(seals);
    // a new chain's head is stored once it has its first event (its columns are never empty)
    heads.values().stream().filter(head -> !em.contains(head)).forEach(em::persist);
    return events.size();
  }

  private AuditChainHead head(String chainId) {
    AuditChainHead head = em.find(AuditChainHead.class, chainId);
    return head == null ? new AuditChainHead(chainId) : head;
  }
}
