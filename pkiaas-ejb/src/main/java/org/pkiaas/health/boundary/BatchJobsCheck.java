package org.pkiaas.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.config.ServiceRenewalSettings;
import org.pkiaas.jobs.boundary.JobRun;
import org.pkiaas.jobs.boundary.Jobs;

/**
 * Readiness: the batch jobs that keep revocation status fresh run, and their last runs did not
 * fail. DOWN when a job's newest run (on any node: the job repository is shared) failed or was
 * abandoned, or when, with timers on, none has started for three intervals: CRLs and responder
 * certificates then expire unrenewed.
 */
@ApplicationScoped
public class BatchJobsCheck implements HealthCheck {

  private static final Instant STARTED = Instant.now();
  private static final Duration GRACE = Duration.ofMinutes(5);

  @Inject Jobs jobs;

  @Inject PkiaasConfig config;

  @Inject ServiceRenewalSettings renewal;

  @Override
  public HealthCheckResponse call() {
    return Checks.guarded(
        "pkiaas-batch-jobs",
        builder -> {
          boolean up = true;
          Map<String, JobRun> latest = jobs.latestRuns();
          for (String name : Jobs.NAMES) {
            JobRun run = latest.get(name);
            String verdict = verdict(name, run);
            builder.withData(name, verdict);
            up &= verdict.startsWith("ok");
          }
          return up ? builder.up() : builder.down();
        });
  }

  private String verdict(String name, JobRun run) {
    Instant now = Instant.now();
    Instant lastStart = run == null ? null : run.createdAt();
    if (run != null && ("FAILED".equals(run.status()) || "ABANDONED".equals(run.status()))) {
      return "last run " + run.executionId() + " " + run.status() + " at " + run.endedAt();
    }
    Duration overdue = interval(name).multipliedBy(3).plus(GRACE);
    Instant since = lastStart == null ? STARTED : lastStart;
    if (config.jobTimersEnabled() && Duration.between(since, now).compareTo(overdue) > 0) {
      return (run == null ? "never ran" : "last started " + lastStart) + ": overdue";
    }
    return run == null ? "ok, not run yet" : "ok, last run " + run.status() + " at " + lastStart;
  }

  private Duration interval(String name) {
    return Jobs.CRL_REGENERATION.equals(name)
        ? config.crlRegenerationInterval()
        : renewal.interval();
  }
}
