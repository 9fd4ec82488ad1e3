package org.pkiaas.jobs.control;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Releases the job's cluster-wide lock when the run ends, however it ends. */
@Named
@Dependent
public class JobLockListener extends AbstractJobListener {

  @Inject JobContext job;

  @Inject @BatchProperty String lockHolder;

  @Inject JobLocks locks;

  @Override
  public void afterJob() {
    if (lockHolder != null && !lockHolder.isEmpty()) {
      locks.release(job.getJobName(), lockHolder);
    }
  }
}
