package org.pkiaas.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.pkiaas.health.control.HealthFacts;

/**
 * Readiness: a connection from the application's pool answers within two seconds. The pool
 * validates connections when they are taken, so this goes DOWN as soon as the database is away and
 * UP again once it is back, without a restart.
 */
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

  @Inject HealthFacts facts;

  @Override
  public HealthCheckResponse call() {
    return Checks.guarded(
        "pkiaas-database",
        builder -> {
          try {
            return builder.up().withData("database", facts.database());
          } catch (SQLException e) {
            return builder.down().withData("error", Checks.reason(e));
          }
        });
  }
}
