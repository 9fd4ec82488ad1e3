package org.pkiaas.crl.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pkiaas.config.NodeName;
import org.pkiaas.crl.control.CrlBuilder;
import org.pkiaas.crl.control.CrlStates;
import org.pkiaas.crl.entity.PublishedCrl;
import org.pkiaas.problem.DatabaseOutage;
import org.pkiaas.problem.UnavailableException;
import org.pkiaas.problem.WriteConflict;

/**
 * Serves each CA's CRLs (RFC 5280 §5), public and without sign-in. A complete CRL is built on the
 * first request after a status change (or when it expires), by one node at a time under a lease in
 * the database, stored for every node and kept in memory here. While one is being built, requests
 * get the previous CRL as long as it is still valid; only when there is none does a request wait
 * for the build. Revocations only bump the CA's revision: they never build anything.
 *
 * <p>While the database cannot be reached, the CRLs this node holds in memory are served as long as
 * they are valid (their nextUpdate is not past): a relying party may use a CRL until then anyway
 * (RFC 5280 §5.1.2.5), and revocations made meanwhile cannot have been written either. Without a
 * valid one in memory, the outage surfaces as usual (503 with Retry-After).
 */
@ApplicationScoped
public class CrlService {

  /** How long a build may hold its lease before another node may assume it died. */
  static final Duration LEASE = Duration.ofMinutes(10);

  /** What a build attempt came to, for the crl-regeneration job. */
  public enum Outcome {
    BUILT,
    CURRENT,
    BUSY
  }

  @Inject CrlStates states;

  @Inject CrlBuilder builder;

  @Inject NodeName node;

  /** How long a request with no valid CRL to fall back on waits for another node's build. */
  Duration waitLimit = Duration.ofSeconds(30);

  private final Map<String, CrlDocument> complete = new ConcurrentHashMap<>();
  private final Map<String, CrlDocument> deltas = new ConcurrentHashMap<>();
  private final Map<String, Object> deltaLocks = new ConcurrentHashMap<>();

  /** The CA's current complete CRL; during a database outage the last valid one in memory. */
  public CrlDocument complete(String caId) {
    try {
      return current(caId);
    } catch (RuntimeException e) {
      return heldThroughOutage(complete.get(caId), e);
    }
  }

  private CrlDocument current(String caId) {
    Instant deadline = Instant.now().plus(waitLimit);
    while (true) {
      CrlStates.Status status = states.status(caId);
      Instant now = Instant.now();
      CrlDocument local = complete.get(caId);
      PublishedCrl latest = status.latest();
      if (local != null
          && local.revision() == status.revision()
          && local.validAt(now)
          && (latest == null || local.number() >= latest.crlNumber())) {
        return local;
      }
      if (latest != null
          && latest.revision() == status.revision()
          && now.isBefore(latest.nextUpdate())) {
        return remember(latest);
      }
      if (leased(caId, now)) {
        try {
          return remember(builder.buildComplete(caId));
        } finally {
          states.releaseLease(caId, node.name());
        }
      }
      // Someone else is building: the previous CRL, while it is valid, is as good as it was a
      // moment ago.
      if (latest != null && now.isBefore(latest.nextUpdate())) {
        return local != null && local.number() == latest.crlNumber() ? local : remember(latest);
      }
      if (now.isAfter(deadline)) {
        throw new UnavailableException("The CRL of this CA is being built; try again shortly", 10);
      }
      pause();
    }
  }

  /**
   * A delta CRL (RFC 5280 §5.2.4) on top of the current complete CRL; during a database outage the
   * last valid one in memory.
   */
  public CrlDocument delta(String caId) {
    try {
      return currentDelta(caId);
    } catch (RuntimeException e) {
      return heldThroughOutage(deltas.get(caId), e);
    }
  }

  private CrlDocument currentDelta(String caId) {
    CrlDocument base = current(caId);
    long revision = states.status(caId).revision();
    CrlDocument local = deltas.get(caId);
    Instant now = Instant.now();
    if (local != null
        && local.baseNumber() == base.number()
        && local.revision() == revision
        && local.validAt(now)) {
      return local;
    }
    synchronized (deltaLock(caId)) {
      local = deltas.get(caId);
      if (local != null
          && local.baseNumber() == base.number()
          && local.revision() == revision
          && local.validAt(now)) {
        return local;
      }
      CrlDocument delta = builder.buildDelta(caId, base);
      deltas.put(caId, delta);
      return delta;
    }
  }

  /**
   * Builds the CA's complete CRL if it is stale, missing, or valid for less than {@code margin};
   * skips it when it is current or another node is building it.
   */
  public Outcome refreshIfDue(String caId, Duration margin) {
    CrlStates.Status status = states.status(caId);
    Instant now = Instant.now();
    PublishedCrl latest = status.latest();
    if (latest != null
        && latest.revision() == status.revision()
        && now.plus(margin).isBefore(latest.nextUpdate())) {
      return Outcome.CURRENT;
    }
    if (!leased(caId, now)) {
      return Outcome.BUSY;
    }
    try {
      remember(builder.buildComplete(caId));
      return Outcome.BUILT;
    } finally {
      states.releaseLease(caId, node.name());
    }
  }

  /**
   * Takes the CA's build lease. Two nodes of a Galera cluster that take it at the same moment both
   * see their update succeed, and one of them is rolled back when it commits (a certification
   * conflict): that node did not get the lease, exactly as if it had seen the other's holder.
   */
  private boolean leased(String caId, Instant now) {
    try {
      return states.acquireLease(caId, node.name(), now.plus(LEASE));
    } catch (RuntimeException e) {
      if (WriteConflict.isCause(e)) {
        return false;
      }
      throw e;
    }
  }

  /** Drops what this node keeps of a CA's CRLs: the next request checks the database again. */
  public void forget(String caId) {
    complete.remove(caId);
    deltas.remove(caId);
  }

  /** {@code held} if the failure is a database outage and it is still valid; else the failure. */
  private static CrlDocument heldThroughOutage(CrlDocument held, RuntimeException failure) {
    if (held != null && held.validAt(Instant.now()) && DatabaseOutage.isCause(failure)) {
      return held;
    }
    throw failure;
  }

  private CrlDocument remember(PublishedCrl stored) {
    return remember(
        new CrlDocument(
            stored.caId(),
            stored.crlNumber(),
            null,
            stored.revision(),
            stored.entries(),
            stored.thisUpdate(),
            stored.nextUpdate(),
            states.load(stored)));
  }

  private CrlDocument remember(CrlDocument crl) {
    complete.merge(crl.caId(), crl, (old, fresh) -> fresh.number() >= old.number() ? fresh : old);
    return crl;
  }

  private Object deltaLock(String caId) {
    return deltaLocks.computeIfAbsent(caId, id -> new Object());
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("Interrupted while waiting for the CRL", 10);
    }
  }
}
