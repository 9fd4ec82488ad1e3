package org.pkiaas.ocsp.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's responder per CA, loaded (or issued) on first use and again once it nears its end.
 */
@ApplicationScoped
public class Responders {

  @Inject ResponderStore store;

  private final Map<String, Responder> responders = new ConcurrentHashMap<>();

  public Responder forCa(String caId) {
    Responder responder = responders.get(caId);
    if (responder == null
        || !responder.notAfter().isAfter(Instant.now().plus(ResponderStore.END_MARGIN))) {
      responder = store.current(caId);
      responders.put(caId, responder);
    }
    return responder;
  }

  public void forget(String caId) {
    responders.remove(caId);
  }
}
