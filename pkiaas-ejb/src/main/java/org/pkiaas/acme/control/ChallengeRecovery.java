package org.pkiaas.acme.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.problem.Incidents;

/**
 * Takes up challenge validations that were lost: a challenge stays {@code processing} (RFC 8555
 * §7.1.6) when the node validating it stopped, and a client polling it would wait for ever. Every
 * node sweeps once a minute ({@code pkiaas.acme.validation.recovery.seconds}) for processing
 * challenges without a live claim and validates them; the claim in the database lets exactly one
 * node through. Challenges of expired orders are left alone: nobody can use them any more, and
 * re-running them would cost a validation every sweep.
 */
@Singleton
@Startup
public class ChallengeRecovery {

  private static final Logger LOG = Logger.getLogger(ChallengeRecovery.class.getName());
  @Resource TimerService timers;

  @Inject ChallengeOutcomes outcomes;

  @Inject ChallengeValidation validation;

  @Inject PkiaasConfig config;

  @PostConstruct
  void schedule() {
    long sweep = config.acmeValidationRecovery().toMillis();
    timers.createIntervalTimer(sweep, sweep, new TimerConfig("acme-challenge-recovery", false));
  }

  @Timeout
  void sweep() {
    try {
      for (ChallengeOutcomes.Lost lost :
          outcomes.unclaimed(Instant.now().minus(config.acmeValidationClaim()))) {
        LOG.info(
            () ->
                "Resuming the validation of ACME challenge "
                    + lost.challengeId()
                    + ", unclaimed for "
                    + config.acmeValidationClaim().toSeconds()
                    + " s");
        validation.start(lost.accountId(), lost.challengeId());
      }
    } catch (RuntimeException e) {
      Incidents.log(LOG, Level.WARNING, "Could not look for lost ACME challenge validations", e);
    }
  }
}
