package org.pkiaas.tenant.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in throttle's and the anonymous rate limits' settings (system properties or {@code
 * PKIAAS_...} environment variables; docs/operator-guide.md lists them). Every node keeps its own
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
  @ConfigProperty(name = "pkiaas.ratelimit.public-request", defaultValue = "20/3600")
  String publicRequestLimit;

  @Inject
  @ConfigProperty(name = "pkiaas.ratelimit.claim", defaultValue = "30/600")
  String claimLimit;

  @Inject
  @ConfigProperty(name = "pkiaas.ratelimit.renewal", defaultValue = "30/3600")
  String renewalLimit;

  @Inject
  @ConfigProperty(name = "pkiaas.ratelimit.signup", defaultValue = "5/3600")
  String signupLimit;

  @Inject
  @ConfigProperty(name = "pkiaas.ratelimit.exempt")
  Optional<String> exemptAddresses;

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
          case PUBLIC_REQUEST -> publicRequestLimit;
          case CLAIM -> claimLimit;
          case RENEWAL -> renewalLimit;
          case SIGNUP -> signupLimit;
        };
    return RateLimit.parse(kind, configured);
  }

  /**
   * Client addresses the anonymous rate limits do not count (monitoring, a trusted gateway); never
   * sign-in.
   */
  public Set<String> exemptAddresses() {
    return exemptAddresses
        .map(
            list ->
                Arrays.stream(list.split(","))
                    .map(String::trim)
                    .filter(a -> !a.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }
}
