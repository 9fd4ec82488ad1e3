package org.pkiaas.hsm.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses stale and replayed messages: a message must be issued within {@code maxAge} of this end's
 * clock (in either direction, to allow for skew), and its id must not have been accepted before.
 * Ids are remembered only as long as their message could still pass the age check, so the memory
 * stays bounded by the message rate times {@code 2 * maxAge}.
 */
public final class FreshnessGuard {

  private static final int MAX_REMEMBERED = 10_000;

  private final Clock clock;
  private final Duration maxAge;
  private final Map<UUID, Instant> seen = new ConcurrentHashMap<>();
  private volatile Instant lastSweep = Instant.EPOCH;
  private final Map<UUID, Boolean> seenAtAnyAge =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
              return size() > MAX_REMEMBERED;
            }
          });

  /**
   * @param clock this end's clock
   * @param maxAge how far a message's issue time may be from now
   */
  public FreshnessGuard(Clock clock, Duration maxAge) {
    this.clock = clock;
    this.maxAge = maxAge;
  }

  /**
   * Accepts a message once, if it is fresh.
   *
   * @param message the message, already authenticated
   * @throws LinkRefusedException if it is stale, from the future, or seen before
   */
  public void accept(LinkMessage message) throws LinkRefusedException {
    Instant now = clock.instant();
    if (message.issuedAt().isBefore(now.minus(maxAge))) {
      throw new LinkRefusedException("Stale link message");
    }
    if (message.issuedAt().isAfter(now.plus(maxAge))) {
      throw new LinkRefusedException("Link message issued in the future");
    }
    if (lastSweep.isBefore(now.minusSeconds(1))) {
      lastSweep = now;
      seen.values().removeIf(issued -> issued.isBefore(now.minus(maxAge)));
    }
    if (seen.putIfAbsent(message.messageId(), message.issuedAt()) != null) {
      throw new LinkRefusedException("Replayed link message");
    }
  }

  /**
   * Accepts a message of any age once: for notices signed long before they are sent (an MQTT will).
   * The last {@value #MAX_REMEMBERED} such ids are remembered.
   *
   * @param message the message, already authenticated
   * @throws LinkRefusedException if it was seen before
   */
  public void acceptOnce(LinkMessage message) throws LinkRefusedException {
    if (seenAtAnyAge.putIfAbsent(message.messageId(), Boolean.TRUE) != null) {
      throw new LinkRefusedException("Replayed link message");
    }
  }
}
