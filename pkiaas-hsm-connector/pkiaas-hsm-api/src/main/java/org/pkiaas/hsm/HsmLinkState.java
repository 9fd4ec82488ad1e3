package org.pkiaas.hsm;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * The link state of one CA key.
 *
 * @param online {@code true} if an agent holding the key is connected now
 * @param lastSeen when an agent holding the key last announced itself to this server node, or
 *     {@code null} if none has since the node started
 */
public record HsmLinkState(boolean online, Instant lastSeen) implements Serializable {

  /**
   * @return when an agent was last heard from, if ever
   */
  public Optional<Instant> lastSeenAt() {
    return Optional.ofNullable(lastSeen);
  }
}
