package org.pkiaas.probe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Where the EJB module's health checks register, by name, for the probes WildFly calls. One per
 * deployment (this class lives in the EAR's lib/, loaded once per deployment).
 */
public final class Probes {

  private static final Map<String, Supplier<HealthCheckResponse>> CHECKS =
      new ConcurrentHashMap<>();

  private Probes() {}

  /** Makes {@code check} the one that answers for {@code name}. */
  public static void register(String name, Supplier<HealthCheckResponse> check) {
    CHECKS.put(name, check);
  }

  /** Forgets every check, when the application stops. */
  public static void clear() {
    CHECKS.clear();
  }

  /** The named check's answer; DOWN until the application has registered it. */
  static HealthCheckResponse call(String name) {
    Supplier<HealthCheckResponse> check = CHECKS.get(name);
    if (check == null) {
      return HealthCheckResponse.named(name)
          .down()
          .withData("error", "the application is still starting")
          .build();
    }
    return check.get();
  }
}
