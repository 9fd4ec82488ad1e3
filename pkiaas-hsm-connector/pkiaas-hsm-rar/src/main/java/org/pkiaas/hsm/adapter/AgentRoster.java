package org.pkiaas.hsm.adapter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.pkiaas.hsm.link.KeyId;
import org.pkiaas.hsm.link.ServerEndpoint.AgentPresence;

/**
 * Which agents serve which key, from their verified presence announcements. An agent counts as
 * online until its "gone" notice arrives or it has not been heard from for {@code staleAfter}.
 */
final class AgentRoster {

  private record Seen(AgentPresence presence, Instant at) {}

  private final Clock clock;
  private final Duration staleAfter;
  private final Map<KeyId, Map<UUID, Seen>> agents = new ConcurrentHashMap<>();
  private final Map<KeyId, Instant> lastSeen = new ConcurrentHashMap<>();

  AgentRoster(Clock clock, Duration staleAfter) {
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  void record(AgentPresence presence) {
    Map<UUID, Seen> ofKey =
        agents.computeIfAbsent(presence.keyId(), k -> new ConcurrentHashMap<>());
    Instant now = clock.instant();
    if (presence.online()) {
      ofKey.put(presence.agentId(), new Seen(presence, now));
      lastSeen.put(presence.keyId(), now);
    } else {
      ofKey.remove(presence.agentId());
    }
  }

  /** The latest presence of each of the key's agents that are online now. */
  List<AgentPresence> live(KeyId keyId) {
    Instant cutoff = clock.instant().minus(staleAfter);
    return agents.getOrDefault(keyId, Map.of()).values().stream()
        .filter(seen -> seen.at().isAfter(cutoff))
        .map(Seen::presence)
        .toList();
  }

  Optional<Instant> lastSeen(KeyId keyId) {
    return Optional.ofNullable(lastSeen.get(keyId));
  }
}
