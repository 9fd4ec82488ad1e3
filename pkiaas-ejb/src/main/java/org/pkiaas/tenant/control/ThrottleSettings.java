package org.pkiaas.tenant.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pkiaas.config.RateLimitSettings;
import org.pkiaas.tenant.boundary.RateLimit;

/**
 * The sign-in throttle's ({@code pkiaas.signin.*}) and the anonymous rate limits' ({@code
 * pkiaas.rate-limits.*}, {@link RateLimitSettings}) settings: system properties or {@code
 * PKIAAS_...} environment variables; docs/operator-guide.md lists them. Every node keeps its own
 * counters.
 */
@ApplicationScoped
public class ThrottleSettings {

  @Inject
  @ConfigProperty(name = "pkiaas.signin.free-failures.per-address", defaultValue = "10")
  int freeFailuresPerAddress;

  @Inject
  @ConfigProperty(name = "pkiaas.signin.free-failures.per-user", defaultValue = "10")
  int freeFailuresPerUser;

  @Inject
  @ConfigProperty(name = "pkiaas.signin.backoff.max.seconds", defaultValue = "900")
  long maxBackoffSeconds;

  @Inject
  @ConfigProperty(name = "pkiaas.signin.cache.seconds", defaultValue = "5")
  long signInCacheSeconds;

  @Inject RateLimitSettings rateLimits;

  /** The longest {@link #signInCacheWindow()}: a revocation waits at most this on other nodes. */
  static final Duration MAX_SIGN_IN_CACHE_WINDOW = Duration.ofMinutes(1);

  /**
   * How long a node remembers a successful API sign-in ({@link SignInCache}); a change of
   * credentials through another node takes effect here within it. Zero: every call reads its
   * account; at most {@link #MAX_SIGN_IN_CACHE_WINDOW}.
   */
  public Duration signInCacheWindow() {
    long seconds = Math.max(0, Math.min(signInCacheSeconds, MAX_SIGN_IN_CACHE_WINDOW.toSeconds()));
    return Duration.ofSeconds(seconds);
  }

  public Backoff.Policy perAddress() {
    return policy(freeFailuresPerAddress);
  }

  public Backoff.Policy perUser() {
    return policy(freeFailuresPerUser);
  }

  private Backoff.Policy policy(int freeFailures) {
    Duration max = Duration.ofSeconds(Math.max(1, maxBackoffSeconds));
    return new Backoff.Policy(
        Math.max(0, freeFailures), Duration.ofSeconds(1), max, max.plusMinutes(15), 100_000);
  }

  /** The limit configured for one kind of anonymous request. */
  public RateLimit limit(RateLimit.Kind kind) {
    String configured =
        switch (kind) {
          case PUBLIC_REQUEST -> rateLimits.value("public-request", "20/3600");
          case CLAIM -> rateLimits.value("claim", "30/600");
          case RENEWAL -> rateLimits.value("renewal", "30/3600");
          case SIGNUP -> rateLimits.value("signup", "5/3600");
          case SCEP -> rateLimits.value("scep", "300/600");
          case TIMESTAMP -> rateLimits.value("timestamp", "600/60");
          case EST -> rateLimits.value("est", "300/600");
        };
    return RateLimit.parse(kind, configured);
  }

  /**
   * Client addresses the anonymous rate limits do not count (monitoring, a trusted gateway); never
   * sign-in.
   */
  public Set<String> exemptAddresses() {
    return rateLimits
        .value("exempt")
        .map(
            list ->
                Arrays.stream(list.split(","))
                    .map(String::trim)
                    .filter(a -> !a.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }
}
