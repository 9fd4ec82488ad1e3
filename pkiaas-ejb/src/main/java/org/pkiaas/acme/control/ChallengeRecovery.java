package org.pkiaas.acme.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pkiaas.problem.Incidents;

/**
 * Takes up challenge validations that were lost: a challenge stays {@code processing} (RFC 8555
 * §7.1.6) when the node validating it stopped, and a client polling it would wait for ever. Every
 * node sweeps once a minute for processing challenges without a live claim and validates them; the
 * claim in the database lets exactly one node through. Challenges of expired orders are left alone:
 * nobody can use them any more, and re-running them would cost a validation every sweep.
 */
@Singleton
@Startup
public class ChallengeRecovery {

  private static final Logger LOG = Logger.getLogger(ChallengeRecovery.class.getName());
  static final Duration SWEEP = Duration.ofMinutes(1);

  @Resource TimerService timers;

  @Inject ChallengeOutcomes outcomes;

  @Inject ChallengeValidation validation;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        SWEEP.toMillis(), SWEEP.toMillis(), new TimerConfig("acme-challenge-recovery", false));
  }

  @Timeout
  void sweep() {
    try {
      for (ChallengeOutcomes.Lost lost :
          outcomes.unclaimed(Instant.now().minus(ChallengeValidation.CLAIM))) {
        LOG.info(
            () ->
                "Resuming the validation of ACME challenge "
                    + lost.challengeId()
                    + ", unclaimed for "
                    + ChallengeValidation.CLAIM.toMinutes()
                    + " minutes");
        validation.start(lost.accountId(), lost.challengeId());
      }
    } catch (RuntimeException e) {
      Incidents.log(LOG, Level.WARNING, "Could not look for lost ACME challenge validations", e);
    }
  }
}
