package org.pkiaas.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the batch jobs run and their last runs did not fail. */
@Readiness
@ApplicationScoped
public class BatchJobsProbe extends Probe {

  public BatchJobsProbe() {
    super("pkiaas-batch-jobs");
  }
}
