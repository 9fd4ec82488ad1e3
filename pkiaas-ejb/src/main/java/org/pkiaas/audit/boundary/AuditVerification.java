package org.pkiaas.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.pkiaas.audit.control.AuditChain;
import org.pkiaas.audit.control.AuditSealer;
import org.pkiaas.audit.control.ChainVerifier;
import org.pkiaas.audit.entity.AuditChainHead;
import org.pkiaas.audit.entity.AuditEvent;
import org.pkiaas.identity.Caller;
import org.pkiaas.signing.MasterKey;

/**
 * Checks the audit log's chains: an administrator's check covers every chain, anyone else's the
 * chain of their own tenant. Everything committed is sealed first, so the answer covers every event
 * written before the call. Reads in pages, outside any transaction, so a long log costs time but
 * not memory.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditVerification {

  /** Where and why a chain breaks. */
  public record Break(String chainId, long seq, String eventId, String problem) {}

  private static final int PAGE = 1000;

  @PersistenceContext EntityManager em;

  @Inject AuditSealer sealer;

  @Inject MasterKey masterKey;

  /**
   * The outcome: intact when no chain is broken; otherwise the first broken link of each broken
   * chain.
   */
  public record Report(
      boolean intact,
      long eventsVerified,
      int chainsVerified,
      List<Break> brokenLinks,
      Instant verifiedAt) {}

  public Report verify(Caller caller) {
    sealer.sealAll();
    AuditChain chain = AuditChain.fromMasterKey(masterKey.key());
    TreeSet<String> chains = new TreeSet<>();
    if (caller.isAdmin()) {
      chains.addAll(
          em.createNamedQuery("AuditChainHead.all", AuditChainHead.class).getResultList().stream()
              .map(AuditChainHead::chainId)
              .toList());
      // a chain whose head was deleted still has its events
      chains.addAll(em.createNamedQuery("AuditEvent.chains", String.class).getResultList());
    } else {
      chains.add(caller.accountId());
    }
    long events = 0;
    List<Break> broken = new ArrayList<>();
    for (String chainId : chains) {
      ChainVerifier verifier = new ChainVerifier(chain, chainId);
      Optional<Break> found = walk(verifier, chainId);
      if (found.isEmpty()) {
        AuditChainHead head = em.find(AuditChainHead.class, chainId);
        found =
            verifier.finish(
                head == null
                    ? null
                    : new ChainVerifier.Head(
                        head.chainId(), head.lastSeq(), head.lastMac(), head.headMac()));
      }
      found.ifPresent(broken::add);
      events += verifier.checked();
    }
    return new Report(broken.isEmpty(), events, chains.size(), List.copyOf(broken), Instant.now());
  }

  private Optional<Break> walk(ChainVerifier verifier, String chainId) {
    long from = 1;
    while (true) {
      List<AuditEvent> page =
          em.createNamedQuery("AuditEvent.chainFrom", AuditEvent.class)
              .setParameter("chainId", chainId)
              .setParameter("from", from)
              .setMaxResults(PAGE)
              .getResultList();
      for (AuditEvent event : page) {
        Optional<Break> found = verifier.next(AuditChain.content(event), event.mac());
        if (found.isPresent()) {
          return found;
        }
        from = event.chainSeq() + 1;
      }
      if (page.size() < PAGE) {
        return Optional.empty();
      }
    }
  }
}
