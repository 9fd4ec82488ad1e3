package org.pkiaas.health.boundary;

import java.util.function.Function;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * What every PKIaaS health check shares: a name under {@code pkiaas-}, and a failure to find the
 * facts (the database is away, say) reported as DOWN with its reason instead of an error. Checks
 * never log: a load balancer asks every few seconds.
 */
final class Checks {

  private static final int MAX_REASON = 300;

  private Checks() {}

  /** Runs {@code judge} on a builder named {@code name}; DOWN with the reason if it throws. */
  static HealthCheckResponse guarded(
      String name, Function<HealthCheckResponseBuilder, HealthCheckResponseBuilder> judge) {
    HealthCheckResponseBuilder builder = HealthCheckResponse.named(name);
    try {
      return judge.apply(builder).build();
    } catch (RuntimeException e) {
      return builder.down().withData("error", reason(e)).build();
    }
  }

  /** The innermost cause's message, short: what an operator needs, not a stack trace. */
  static String reason(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    message = message.strip().lines().findFirst().orElse("");
    return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "…" : message;
  }
}
