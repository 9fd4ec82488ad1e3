package org.pkiaas.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.pkiaas.config.NodeName;

/**
 * Liveness: the application is deployed and its beans answer. It asks nothing of the database or
 * any other dependency, so an outage there makes the node not ready, never a restart candidate.
 */
@ApplicationScoped
public class Alive implements HealthCheck {

  @Inject NodeName node;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("pkiaas").up().withData("node", node.name()).build();
  }
}
