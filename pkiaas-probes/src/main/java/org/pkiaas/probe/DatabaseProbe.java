package org.pkiaas.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the database answers through the application's pool. */
@Readiness
@ApplicationScoped
public class DatabaseProbe extends Probe {

  public DatabaseProbe() {
    super("pkiaas-database");
  }
}
