package org.pkiaas.tenant.boundary;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code requests} requests of one kind per client address in each {@code window}; a limit
 * of 0 requests switches the limit off. Configured as {@code "requests/seconds"}, e.g. {@code
 * "20/3600"} for twenty an hour.
 */
public record RateLimit(Kind kind, int requests, Duration window) {

  /** What anyone can do without an account. */
  public enum Kind {
    PUBLIC_REQUEST("public requests"),
    CLAIM("claims"),
    RENEWAL("renewals"),
    SIGNUP("sign-ups"),
    SCEP("SCEP enrollments"),
    TIMESTAMP("time stamps"),
    EST("EST requests");

    private final String plural;

    Kind(String plural) {
      this.plural = plural;
    }

    public String plural() {
      return plural;
    }
  }

  public RateLimit {
    Objects.requireNonNull(kind);
    if (requests < 0 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("A rate limit needs requests >= 0 and a positive window");
    }
  }

  public boolean off() {
    return requests == 0;
  }

  public static RateLimit parse(Kind kind, String configured) {
    String[] parts = configured == null ? new String[0] : configured.trim().split("/");
    try {
      if (parts.length == 2) {
        return new RateLimit(
            kind,
            Integer.parseInt(parts[0].trim()),
            Duration.ofSeconds(Long.parseLong(parts[1].trim())));
      }
    } catch (IllegalArgumentException e) {
      // reported below, with the setting's name
    }
    throw new IllegalArgumentException(
        "The rate limit for "
            + kind.plural()
            + " must look like requests/seconds (e.g. 20/3600), not '"
            + configured
            + "'");
  }
}
