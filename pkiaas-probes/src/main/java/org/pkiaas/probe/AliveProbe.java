package org.pkiaas.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Liveness;

/** Liveness: the application answers; asks nothing of the database. */
@Liveness
@ApplicationScoped
public class AliveProbe extends Probe {

  public AliveProbe() {
    super("pkiaas");
  }
}
