package org.pkiaas.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of the service-certificate-renewal job, which replaces the certificates a CA's
 * services sign with (OCSP responder, time-stamping unit, SCEP RA) ahead of expiry: {@code
 * pkiaas.jobs.service-certificate-renewal.*}. The job was called ocsp-signer-renewal before it
 * renewed more than OCSP responders; its old keys still work, deprecated: a warning names the new
 * key once, and the new key wins when both are set. docs/operator-guide.md lists them.
 */
@ApplicationScoped
public class ServiceRenewalSettings {

  static final String INTERVAL = "pkiaas.jobs.service-certificate-renewal.interval.minutes";
  static final String MARGIN = "pkiaas.jobs.service-certificate-renewal.margin.days";
  static final String LEGACY_INTERVAL = "pkiaas.jobs.ocsp-signer-renewal.interval.minutes";
  static final String LEGACY_MARGIN = "pkiaas.jobs.ocsp-signer-renewal.margin.days";

  static final int DEFAULT_INTERVAL_MINUTES = 60;
  static final int DEFAULT_MARGIN_DAYS = 14;

  private static final Logger LOG = Logger.getLogger(ServiceRenewalSettings.class.getName());
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  @Inject
  @ConfigProperty(name = INTERVAL)
  Optional<Integer> intervalMinutes;

  @Inject
  @ConfigProperty(name = LEGACY_INTERVAL)
  Optional<Integer> legacyIntervalMinutes;

  @Inject
  @ConfigProperty(name = MARGIN)
  Optional<Integer> marginDays;

  @Inject
  @ConfigProperty(name = LEGACY_MARGIN)
  Optional<Integer> legacyMarginDays;

  /** How often the job is started. */
  public Duration interval() {
    return Duration.ofMinutes(
        value(
            INTERVAL,
            intervalMinutes,
            LEGACY_INTERVAL,
            legacyIntervalMinutes,
            DEFAULT_INTERVAL_MINUTES));
  }

  /** A service certificate expiring sooner than this is replaced by the job. */
  public Duration margin() {
    return Duration.ofDays(
        value(MARGIN, marginDays, LEGACY_MARGIN, legacyMarginDays, DEFAULT_MARGIN_DAYS));
  }

  /** {@code name}'s value, else {@code oldName}'s (with a warning once), else the default. */
  static int value(
      String name, Optional<Integer> value, String oldName, Optional<Integer> old, int fallback) {
    if (value.isPresent()) {
      return value.get();
    }
    if (old.isPresent()) {
      if (WARNED.add(oldName)) {
        LOG.warning(() -> oldName + " is deprecated: set " + name + " instead");
      }
      return old.get();
    }
    return fallback;
  }
}
