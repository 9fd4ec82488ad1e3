package org.pkiaas.tsa.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pkiaas.ca.boundary.CaWithdrawn;

/**
 * This node's time-stamping unit per CA, loaded (or issued) on first use and again once it nears
 * its end or has been held for {@link #RELOAD_AFTER} (so a certificate chosen on another node is
 * picked up); forgotten when the CA changes or the unit's certificate is revoked.
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

  /** A CA retired or deleted here stamps nothing more, from the commit on. */
  void onWithdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaWithdrawn event) {
    forget(event.caId());
  }
}
