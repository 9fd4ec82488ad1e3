package org.pkiaas.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Every rate limit's setting under one prefix, {@code pkiaas.rate-limits.} (environment: {@code
 * PKIAAS_RATE_LIMITS_...}): the anonymous limits per client address directly below it, the
 * per-account ACME limits below {@code pkiaas.rate-limits.acme.}. Sign-in throttling is not a rate
 * limit and keeps {@code pkiaas.signin.*}. The names used before 2026-12 ({@code
 * pkiaas.ratelimit.*} and {@code pkiaas.acme.rate-limits.*}) still work, deprecated: a warning
 * names the new key once, and the new key wins when both are set. docs/operator-guide.md lists
 * them.
 */
@ApplicationScoped
public class RateLimitSettings {

  public static final String PREFIX = "pkiaas.rate-limits.";

  /** The deprecated name of each renamed key. */
  static final Map<String, String> DEPRECATED_NAMES =
      Map.of(
          PREFIX + "public-request", "pkiaas.ratelimit.public-request",
          PREFIX + "claim", "pkiaas.ratelimit.claim",
          PREFIX + "renewal", "pkiaas.ratelimit.renewal",
          PREFIX + "signup", "pkiaas.ratelimit.signup",
          PREFIX + "exempt", "pkiaas.ratelimit.exempt",
          PREFIX + "acme.enabled", "pkiaas.acme.rate-limits.enabled",
          PREFIX + "acme.new-orders.per-hour", "pkiaas.acme.rate-limits.new-orders.per-hour",
          PREFIX + "acme.pending-authorizations", "pkiaas.acme.rate-limits.pending-authorizations",
          PREFIX + "acme.failed-validations.per-hour",
              "pkiaas.acme.rate-limits.failed-validations.per-hour");

  private static final Logger LOG = Logger.getLogger(RateLimitSettings.class.getName());
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  @Inject Config config;

  /** The value of {@code pkiaas.rate-limits.<key>}, or of its deprecated name, if either is set. */
  public Optional<String> value(String key) {
    return lookup(name -> config.getOptionalValue(name, String.class), PREFIX + key);
  }

  public String value(String key, String defaultValue) {
    return value(key).orElse(defaultValue);
  }

  public int intValue(String key, int defaultValue) {
    return value(key).map(v -> Integer.parseInt(v.trim())).orElse(defaultValue);
  }

  public boolean booleanValue(String key, boolean defaultValue) {
    return value(key).map(v -> Boolean.parseBoolean(v.trim())).orElse(defaultValue);
  }

  /** {@code name}'s value from {@code source}, else its deprecated name's (with a warning once). */
  static Optional<String> lookup(Function<String, Optional<String>> source, String name) {
    Optional<String> value = source.apply(name).filter(v -> !v.isBlank());
    String deprecated = DEPRECATED_NAMES.get(name);
    if (value.isPresent() || deprecated == null) {
      return value;
    }
    Optional<String> old = source.apply(deprecated).filter(v -> !v.isBlank());
    if (old.isPresent() && WARNED.add(deprecated)) {
      LOG.warning(() -> deprecated + " is deprecated: set " + name + " instead");
    }
    return old;
  }
}
