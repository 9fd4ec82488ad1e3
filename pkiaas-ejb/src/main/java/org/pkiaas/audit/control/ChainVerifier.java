package org.pkiaas.audit.control;

import java.util.Optional;
import org.pkiaas.audit.boundary.AuditVerification.Break;

/**
 * Walks one chain in sequence order and reports its first broken link: a missing position (an event
 * deleted), an event that does not name its predecessor's MAC (reordered or replaced), an event
 * whose content no longer matches its MAC (edited), or a head that does not match the last event
 * (the newest events cut off, or the head forged). Feed it events with {@link #next}, then call
 * {@link #finish}.
 */
public final class ChainVerifier {

  /** A chain's recorded head. */
  public record Head(String chainId, long lastSeq, String lastMac, String headMac) {}

  private final AuditChain chain;
  private final String chainId;
  private long expectedSeq = 1;
  private String previousMac = AuditChain.GENESIS;
  private long checked;

  public ChainVerifier(AuditChain chain, String chainId) {
    this.chain = chain;
    this.chainId = chainId;
  }

  /** Checks the next sealed event of the chain, given with the MAC stored beside it. */
  public Optional<Break> next(AuditChain.Sealed event, String storedMac) {
    if (!chainId.equals(event.chainId())) {
      return broken(event.seq(), event.id(), "The event belongs to chain " + event.chainId());
    }
    if (event.seq() != expectedSeq) {
      return broken(
          expectedSeq,
          event.id(),
          "Events "
              + expectedSeq
              + " to "
              + (event.seq() - 1)
              + " are missing (the next present is "
              + event.seq()
              + ")");
    }
    if (!AuditChain.same(previousMac, event.previousMac())) {
      return broken(
          event.seq(), event.id(), "The event does not link to the MAC of the event before it");
    }
    String mac = chain.mac(event);
    if (!AuditChain.same(mac, storedMac)) {
      return broken(event.seq(), event.id(), "The event was changed after it was sealed");
    }
    previousMac = mac;
    expectedSeq++;
    checked++;
    return Optional.empty();
  }

  /**
   * Checks the chain's head against the last event seen; {@code head} is null when none is
   * recorded.
   */
  public Optional<Break> finish(Head head) {
    long last = expectedSeq - 1;
    if (head == null) {
      return last == 0 ? Optional.empty() : broken(last, null, "The chain has no recorded head");
    }
    if (!AuditChain.same(
            chain.headMac(head.chainId(), head.lastSeq(), head.lastMac()), head.headMac())
        || !chainId.equals(head.chainId())) {
      return broken(head.lastSeq(), null, "The chain's head was altered");
    }
    if (head.lastSeq() > last) {
      return broken(
          last + 1,
          null,
          "Events " + (last + 1) + " to " + head.lastSeq() + " are missing from the end");
    }
    if (head.lastSeq() != last || !AuditChain.same(previousMac, head.lastMac())) {
      return broken(last, null, "The chain's head does not match its last event");
    }
    return Optional.empty();
  }

  /** How many events checked out. */
  public long checked() {
    return checked;
  }

  private Optional<Break> broken(long seq, String eventId, String problem) {
    return Optional.of(new Break(chainId, seq, eventId, problem));
  }
}
