package org.pkiaas.jobs.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.config.ServiceRenewalSettings;
import org.pkiaas.problem.Incidents;

/**
 * Starts the batch jobs on every node's timers; {@link Jobs#startScheduled} lets one node per
 * schedule slot through. Slots are wall-clock multiples of the interval, so nodes started at
 * different times still agree on them. The intervals are settings ({@code
 * pkiaas.jobs.*.interval.minutes}); the first start comes two minutes after boot.
 */
@Singleton
@Startup
public class JobScheduler {

  private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());
  private static final Duration FIRST = Duration.ofMinutes(2);

  @Resource TimerService timers;

  @Inject PkiaasConfig config;

  @Inject ServiceRenewalSettings renewal;

  @Inject Jobs jobs;

  @PostConstruct
  void schedule() {
    if (!config.jobTimersEnabled()) {
      LOG.info("Batch job timers are off on this node (pkiaas.jobs.timers.enabled=false)");
      return;
    }
    schedule(Jobs.CRL_REGENERATION, config.crlRegenerationInterval());
    schedule(Jobs.SERVICE_CERTIFICATE_RENEWAL, renewal.interval());
    LOG.info(
        () ->
            "Batch job timers fire on this node (every "
                + config.crlRegenerationInterval().toMinutes()
                + " and "
                + renewal.interval().toMinutes()
                + " minutes); each slot starts once in the cluster");
  }

  private void schedule(String job, Duration interval) {
    timers.createIntervalTimer(
        FIRST.toMillis(),
        interval.toMillis(),
        new TimerConfig(new Slot(job, interval.toMillis()), false));
  }

  @Timeout
  void fire(Timer timer) {
    Slot slot = (Slot) timer.getInfo();
    long now = System.currentTimeMillis();
    Instant start = Instant.ofEpochMilli(now - now % slot.intervalMillis());
    try {
      jobs.startScheduled(slot.job(), start)
          .ifPresent(
              execution ->
                  LOG.info(
                      () ->
                          "Started "
                              + slot.job()
                              + " for "
                              + start
                              + " (execution "
                              + execution
                              + ")"));
    } catch (RuntimeException e) {
      Incidents.log(LOG, Level.WARNING, "Could not start " + slot.job(), e);
    }
  }

  /** A timer's job and interval. */
  public record Slot(String job, long intervalMillis) implements java.io.Serializable {}
}
