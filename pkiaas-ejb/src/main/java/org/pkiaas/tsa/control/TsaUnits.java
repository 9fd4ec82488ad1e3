package org.pkiaas.tsa.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pkiaas.ca.boundary.CaWithdrawn;
import org.pkiaas.tsa.boundary.TimestampingChanged;

/**
 * This node's time-stamping unit per CA, loaded (or issued) on first use and again once it nears
 * its end or has been held for {@link #RELOAD_AFTER} (so a certificate chosen on another node is
 * picked up); forgotten when the CA is withdrawn, its timestamping changes here (at the commit) or
 * its row's version moves (a change on another node, seen by {@link #forgetChanged()} within a beat
 * of the status watcher), and when the unit's certificate is revoked.
 */
@ApplicationScoped
public class TsaUnits {

  @Inject TsaCertificates store;

  static final Duration RELOAD_AFTER = Duration.ofMinutes(10);

  private record Loaded(TsaUnit unit, Instant at) {}

  private final Map<String, Loaded> units = new ConcurrentHashMap<>();

  public TsaUnit forCa(String caId) {
    Loaded loaded = units.get(caId);
    Instant now = Instant.now();
    if (loaded == null
        || !loaded.unit().notAfter().isAfter(now.plus(TsaCertificates.END_MARGIN))
        || loaded.at().isBefore(now.minus(RELOAD_AFTER))) {
      loaded = new Loaded(store.current(caId), now);
      units.put(caId, loaded);
    }
    return loaded.unit();
  }

  public void forget(String caId) {
    units.remove(caId);
  }

  /** Drops the units whose CA row changed since they were loaded, or is gone. */
  public void forgetChanged() {
    if (units.isEmpty()) {
      return;
    }
    Map<String, Integer> versions = store.versions(Set.copyOf(units.keySet()));
    units
        .entrySet()
        .removeIf(
            entry ->
                !Integer.valueOf(entry.getValue().unit().caVersion())
                    .equals(versions.get(entry.getKey())));
  }

  /** A change made here takes effect from its commit on. */
  void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TimestampingChanged event) {
    forget(event.caId());
  }

  /** A CA retired or deleted here stamps nothing more, from the commit on. */
  void onWithdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaWithdrawn event) {
    forget(event.caId());
  }
}
