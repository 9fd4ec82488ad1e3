package org.pkiaas.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the master key matches the database and its file is there. */
@Readiness
@ApplicationScoped
public class MasterKeyProbe extends Probe {

  public MasterKeyProbe() {
    super("pkiaas-master-key");
  }
}
