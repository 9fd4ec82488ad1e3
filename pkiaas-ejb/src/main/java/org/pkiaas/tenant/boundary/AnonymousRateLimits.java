package org.pkiaas.tenant.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.problem.ThrottledException;
import org.pkiaas.tenant.control.RequestCounter;
import org.pkiaas.tenant.control.ThrottleSettings;

/**
 * The configured limits on what anyone can do without an account (public requests, claims,
 * renewals, sign-up), counted per client address on this node.
 */
@ApplicationScoped
public class AnonymousRateLimits {

  @Inject ThrottleSettings settings;

  @Inject PkiMetrics metrics;

  private final RequestCounter counter = new RequestCounter(100_000);
  private final Map<RateLimit.Kind, RateLimit> limits = new EnumMap<>(RateLimit.Kind.class);
  private Set<String> exempt;

  @PostConstruct
  void readSettings() {
    for (RateLimit.Kind kind : RateLimit.Kind.values()) {
      limits.put(kind, settings.limit(kind));
    }
    exempt = settings.exemptAddresses();
  }

  /**
   * Counts a request of this kind from this address, or refuses it with the wait until the next is
   * allowed.
   */
  public void admit(RateLimit.Kind kind, String clientAddress) {
    if (clientAddress == null || exempt.contains(clientAddress)) {
      return;
    }
    RateLimit limit = limits.get(kind);
    counter
        .admit(kind + " " + clientAddress, limit, Instant.now())
        .ifPresent(
            wait -> {
              metrics.rateLimitRefused(limit.kind().name().toLowerCase(Locale.ROOT));
              throw new ThrottledException(
                  "Too many "
                      + limit.kind().plural()
                      + " from your address; at most "
                      + limit.requests()
                      + " per "
                      + limit.window().toSeconds()
                      + " seconds. Try again later.",
                  wait.toSeconds() + 1);
            });
  }
}
