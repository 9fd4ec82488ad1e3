package org.pkiaas.health.boundary;

import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.pkiaas.health.boundary.Expiries.Expiry;
import org.pkiaas.metrics.boundary.PkiMetrics;

/**
 * Gauges for alerting: each readiness check as 1 (UP) or 0 (DOWN), evaluated at every scrape, and
 * per CA the nextUpdate of its CRL and the notAfter of its OCSP responder certificate (Unix
 * seconds), refreshed every minute, so that rules can warn before anything expires. A CA that no
 * longer publishes status keeps its last values.
 */
@Singleton
@Startup
public class StatusGauges {

  static final String HEALTH = "pkiaas.health.check";
  static final String CRL_NEXT_UPDATE = "pkiaas.crl.next.update.seconds";
  static final String RESPONDER_NOT_AFTER = "pkiaas.ocsp.responder.not.after.seconds";
  private static final Duration REFRESH = Duration.ofMinutes(1);

  @Resource TimerService timers;

  @Inject PkiMetrics metrics;

  @Inject Expiries expiries;

  @Inject ReadinessChecks readiness;

  /** What the gauges read; the registry holds them weakly, so they are kept here. */
  private final Map<String, Supplier<HealthCheckResponse>> checks = new ConcurrentHashMap<>();

  private final Map<String, AtomicLong> times = new ConcurrentHashMap<>();

  @PostConstruct
  void register() {
    checks.putAll(readiness.byName());
    checks.forEach(
        (name, check) ->
            metrics.gauge(
                HEALTH,
                Tags.of("check", name),
                check,
                c -> c.get().getStatus() == HealthCheckResponse.Status.UP ? 1 : 0));
    timers.createIntervalTimer(0, REFRESH.toMillis(), new TimerConfig("status-gauges", false));
  }

  @Timeout
  void refresh() {
    List<Expiry> expiries;
    try {
      expiries = this.expiries.now();
    } catch (RuntimeException e) {
      return; // the database is away: the health gauges say so; keep the last values
    }
    for (Expiry expiry : expiries) {
      set(CRL_NEXT_UPDATE, expiry, expiry.crlNextUpdate());
      set(RESPONDER_NOT_AFTER, expiry, expiry.responderNotAfter());
    }
  }

  private void set(String gauge, Expiry ca, Instant time) {
    if (time == null) {
      return; // no CRL built yet, or no valid responder: the health checks speak of those
    }
    times
        .computeIfAbsent(
            gauge + " " + ca.caId(),
            key -> {
              AtomicLong value = new AtomicLong();
              metrics.gauge(
                  gauge, Tags.of("ca", ca.caId(), "ca_name", ca.caName()), value, AtomicLong::get);
              return value;
            })
        .set(time.getEpochSecond());
  }
}
