package org.pkiaas.tsa.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's time-stamping unit per CA, loaded (or issued) on first use and again once it nears
 * its end; forgotten when the CA changes or the unit's certificate is revoked.
 */
@ApplicationScoped
public class TsaUnits {

  @Inject TsaCertificates store;

  private final Map<String, TsaUnit> units = new ConcurrentHashMap<>();

  public TsaUnit forCa(String caId) {
    TsaUnit unit = units.get(caId);
    if (unit == null || !unit.notAfter().isAfter(Instant.now().plus(TsaCertificates.END_MARGIN))) {
      unit = store.current(caId);
      units.put(caId, unit);
    }
    return unit;
  }

  public void forget(String caId) {
    units.remove(caId);
  }
}
