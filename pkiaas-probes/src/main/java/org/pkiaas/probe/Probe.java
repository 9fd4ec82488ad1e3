package org.pkiaas.probe;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** A health check WildFly finds, answered by the check registered under its name. */
abstract class Probe implements HealthCheck {

  private final String name;

  Probe(String name) {
    this.name = name;
  }

  @Override
  public HealthCheckResponse call() {
    return Probes.call(name);
  }
}
