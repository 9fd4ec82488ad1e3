package org.pkiaas.acme.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.problem.WriteConflict;

/**
 * Validates challenges off the request thread: a few attempts a little apart, each recorded, before
 * the challenge is declared invalid with the last reason. Anything a check throws is a failed
 * attempt like any other, so no challenge stays {@code processing} because a probe broke.
 *
 * <p>Validation has workers of its own ({@code pkiaas.acme.validation.threads}), fed from a {@link
 * ValidationQueue} that serves the accounts in turn: validations that wait on slow or silent
 * servers occupy only validation's workers, and one account's many do not delay every other
 * account's few. The node claims a challenge in the database first and renews the claim with every
 * attempt; a claim older than {@code pkiaas.acme.validation.claim.seconds} (by default {@link
 * #CLAIM}) means the node stopped, and {@link ChallengeRecovery} offers the challenge again on
 * whichever node sweeps first, to go on from the attempt reached.
 */
@ApplicationScoped
public class ChallengeValidation {

  static final int ATTEMPTS = 3;
  static final Duration RETRY_DELAY = Duration.ofSeconds(2);

  /**
   * The default claim: longer than one attempt can take (two addresses, each with a 10 s connect
   * and a 10 s read, after the lookups).
   */
  static final Duration CLAIM = Duration.ofMinutes(3);

  private static final Logger LOG = Logger.getLogger(ChallengeValidation.class.getName());

  @Resource ManagedThreadFactory threads;

  @Inject ChallengeOutcomes outcomes;

  @Inject PkiaasConfig config;

  private ValidationQueue queue;
  private final List<Thread> workers = new ArrayList<>();

  @PostConstruct
  void startWorkers() {
    queue =
        new ValidationQueue(
            config.acmeValidationQueuePerAccount(), config.acmeValidationQueueTotal());
    for (int i = 0; i < config.acmeValidationThreads(); i++) {
      Thread worker = threads.newThread(this::work);
      worker.setName("acme-validation-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  @PreDestroy
  void stopWorkers() {
    workers.forEach(Thread::interrupt);
  }

  /**
   * Queues the validation of a challenge of {@code accountId}; call once its processing state is
   * committed. When the account's lane is full the challenge waits for the recovery sweep.
   */
  public void start(String accountId, String challengeId) {
    if (!queue.offer(accountId, challengeId)) {
      LOG.fine(
          () ->
              "ACME challenge "
                  + challengeId
                  + " waits for the recovery sweep: its account has "
                  + config.acmeValidationQueuePerAccount()
                  + " validations queued, or the queue is full");
    }
  }

  private void work() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        run(queue.take());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(String challengeId) throws InterruptedException {
    try {
      ChallengeChecks checks =
          new ChallengeChecks(
              config.acmeDnsResolver(), config.acmeHttp01Port(), config.acmeTlsAlpn01Port());
      validate(
          challengeId,
          outcomes,
          work -> probe(checks, work),
          RETRY_DELAY,
          config.acmeValidationClaim());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Validating ACME challenge " + challengeId + " failed", e);
    }
  }

  private static ChallengeChecks.Failure probe(
      ChallengeChecks checks, ChallengeOutcomes.Work work) {
    return switch (work.type()) {
      case HTTP_01 ->
          checks.http01(work.identifier(), work.ip(), work.token(), work.keyAuthorization());
      case DNS_01 -> checks.dns01(work.identifier(), work.keyAuthorization());
      case TLS_ALPN_01 -> checks.tlsAlpn01(work.identifier(), work.ip(), work.keyAuthorization());
    };
  }

  /**
   * Claims the challenge and makes the attempts left, at most {@link #ATTEMPTS} in all; a probe
   * that throws has failed that attempt.
   */
  static void validate(
      String challengeId,
      ChallengeOutcomes outcomes,
      Function<ChallengeOutcomes.Work, ChallengeChecks.Failure> probe,
      Duration retryDelay,
      Duration claim)
      throws InterruptedException {
    // Each outcome is a transaction of its own, repeated when it loses a write conflict (two
    // authorizations of one order decided on two nodes at once).
    ChallengeOutcomes.Work work =
        WriteConflict.retried(
            () -> outcomes.claim(challengeId, Instant.now().minus(claim), ATTEMPTS));
    if (work == null) {
      return;
    }
    for (int attempt = work.attemptsMade() + 1; attempt <= ATTEMPTS; attempt++) {
      ChallengeChecks.Failure failure;
      try {
        failure = probe.apply(work);
      } catch (RuntimeException | StackOverflowError e) {
        LOG.log(
            Level.WARNING,
            "An ACME " + work.type().json() + " check of challenge " + challengeId + " broke",
            e);
        failure =
            new ChallengeChecks.Failure("serverInternal", "The validation could not be completed");
      }
      if (failure == null) {
        WriteConflict.retried(() -> outcomes.passed(challengeId));
        return;
      }
      boolean last = attempt >= ATTEMPTS;
      ChallengeChecks.Failure failed = failure;
      WriteConflict.retried(() -> outcomes.failed(challengeId, failed, last));
      if (attempt < ATTEMPTS) {
        Thread.sleep(retryDelay.toMillis());
      }
    }
  }
}
