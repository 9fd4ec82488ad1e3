package org.pkiaas.acme.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.pkiaas.acme.entity.ChallengeType;

/**
 * The validation loop: it claims before it works, gives up when another node holds the claim, a
 * validation resumed after its node stopped makes only the attempts that were left, and a check
 * that throws is a failed attempt, so the challenge still ends invalid.
 */
class ChallengeValidationTest {

  /** Records what the loop reports instead of writing it to a database. */
  private static final class RecordedOutcomes extends ChallengeOutcomes {
    final ChallengeOutcomes.Work work;
    final List<String> calls = new ArrayList<>();
    Instant staleBefore;
    int maxAttempts;

    RecordedOutcomes(ChallengeOutcomes.Work work) {
      this.work = work;
    }

    @Override
    public Work claim(String challengeId, Instant staleBefore, int maxAttempts) {
      this.staleBefore = staleBefore;
      this.maxAttempts = maxAttempts;
      calls.add("claim");
      return work;
    }

    @Override
    public void passed(String challengeId) {
      calls.add("passed");
    }

    @Override
    public void failed(String challengeId, ChallengeChecks.Failure failure, boolean last) {
      calls.add("failed " + failure.type() + (last ? " last" : ""));
    }
  }

  private static RecordedOutcomes run(
      ChallengeOutcomes.Work work, Function<ChallengeOutcomes.Work, ChallengeChecks.Failure> probe)
      throws Exception {
    RecordedOutcomes outcomes = new RecordedOutcomes(work);
    ChallengeValidation.validate(
        "challenge-1", outcomes, probe, Duration.ofMillis(10), ChallengeValidation.CLAIM);
    return outcomes;
  }

  /** http-01 against a port nobody listens on, through the real checks. */
  private static RecordedOutcomes runAgainstClosedPort(ChallengeOutcomes.Work work)
      throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ChallengeChecks checks = new ChallengeChecks(Optional.empty(), closedPort, closedPort);
    return run(work, w -> checks.http01(w.identifier(), w.ip(), w.token(), w.keyAuthorization()));
  }

  private static ChallengeOutcomes.Work http01(int attemptsMade) {
    return new ChallengeOutcomes.Work(
        ChallengeType.HTTP_01, "127.0.0.1", true, "token", "token.thumbprint", attemptsMade);
  }

  @Test
  void aFreshValidationMakesEveryAttemptAndTheLastOneDecides() throws Exception {
    RecordedOutcomes outcomes = runAgainstClosedPort(http01(0));
    assertEquals(
        List.of("claim", "failed connection", "failed connection", "failed connection last"),
        outcomes.calls);
    assertEquals(ChallengeValidation.ATTEMPTS, outcomes.maxAttempts, "the claim caps the attempts");
    Duration claim = Duration.between(outcomes.staleBefore, Instant.now());
    assertTrue(
        claim.compareTo(ChallengeValidation.CLAIM) >= 0
            && claim.compareTo(ChallengeValidation.CLAIM.plusMinutes(1)) < 0,
        "a claim is stale after " + ChallengeValidation.CLAIM);
  }

  @Test
  void aResumedValidationMakesOnlyTheAttemptsLeft() throws Exception {
    assertEquals(
        List.of("claim", "failed connection last"),
        runAgainstClosedPort(http01(ChallengeValidation.ATTEMPTS - 1)).calls);
  }

  @Test
  void aChallengeClaimedByAnotherNodeIsLeftToIt() throws Exception {
    assertEquals(List.of("claim"), runAgainstClosedPort(null).calls);
  }

  @Test
  void aProbeThatThrowsFailsItsAttemptAndTheChallengeEndsInvalid() throws Exception {
    AtomicInteger probes = new AtomicInteger();
    RecordedOutcomes outcomes =
        run(
            http01(0),
            work -> {
              probes.incrementAndGet();
              throw new IllegalArgumentException(
                  "what a broken certificate or redirect makes a library throw");
            });
    assertEquals(
        List.of(
            "claim",
            "failed serverInternal",
            "failed serverInternal",
            "failed serverInternal last"),
        outcomes.calls);
    assertEquals(ChallengeValidation.ATTEMPTS, probes.get());
  }

  @Test
  void aStackOverflowInAProbeIsAFailedAttemptToo() throws Exception {
    RecordedOutcomes outcomes =
        run(
            http01(ChallengeValidation.ATTEMPTS - 1),
            work -> {
              throw new StackOverflowError();
            });
    assertEquals(List.of("claim", "failed serverInternal last"), outcomes.calls);
  }

  @Test
  void aPassingProbeEndsTheValidation() throws Exception {
    assertEquals(List.of("claim", "passed"), run(http01(1), work -> null).calls);
  }
}
