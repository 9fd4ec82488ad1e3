package org.pkiaas.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pkiaas.health.control.HealthFacts;

/** When each CA that publishes status would stop being able to, for the expiry gauges. */
@ApplicationScoped
public class Expiries {

  /**
   * One CA's deadlines.
   *
   * @param crlNextUpdate its newest CRL's nextUpdate; null before its first CRL
   * @param responderNotAfter its valid OCSP responder certificate's notAfter; null without one
   */
  public record Expiry(
      String caId, String caName, Instant crlNextUpdate, Instant responderNotAfter) {}

  @Inject HealthFacts facts;

  /** Every publishing CA's deadlines; throws when the database cannot be read. */
  public List<Expiry> now() {
    Instant now = Instant.now();
    Map<String, Instant> nextUpdates = facts.crlNextUpdates();
    Map<String, Instant> notAfters = facts.responderNotAfters(now);
    return facts.publishingCas(now).stream()
        .map(ca -> new Expiry(ca.id(), ca.name(), nextUpdates.get(ca.id()), notAfters.get(ca.id())))
        .toList();
  }
}
