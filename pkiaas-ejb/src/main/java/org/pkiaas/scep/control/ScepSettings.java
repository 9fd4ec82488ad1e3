package org.pkiaas.scep.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SCEP service's server-wide settings ({@code pkiaas.scep.*}, as system properties or {@code
 * PKIAAS_...} environment variables; docs/operator-guide.md lists them). The RA certificate's
 * validity is {@code PkiaasConfig}'s, beside the other service certificates'.
 */
@ApplicationScoped
public class ScepSettings {

  /** Ten years: any larger figure means "any time" and must not overflow a {@link Duration}. */
  static final long MAX_CLOCK_SKEW_MINUTES = 10L * 366 * 24 * 60;

  @Inject
  @ConfigProperty(name = "pkiaas.scep.clock-skew.minutes", defaultValue = "1440")
  long clockSkewMinutes;

  /**
   * How far a message's signingTime may be from the server's clock before it is answered FAILURE
   * badTime (RFC 8894 §3.2.1.4); empty when the check is off (0 or less).
   */
  public Optional<Duration> clockSkew() {
    return clockSkewMinutes > 0
        ? Optional.of(Duration.ofMinutes(Math.min(clockSkewMinutes, MAX_CLOCK_SKEW_MINUTES)))
        : Optional.empty();
  }
}
