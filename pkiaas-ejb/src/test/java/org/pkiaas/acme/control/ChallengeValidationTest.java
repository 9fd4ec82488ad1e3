package org.pkiaas.acme.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pkiaas.acme.entity.ChallengeType;
import org.pkiaas.config.PkiaasConfigs;

/**
 * The validation loop against a port nobody listens on: it claims before it works, gives up when
 * another node holds the claim, and a validation resumed after its node stopped makes only the
 * attempts that were left.
 */
class ChallengeValidationTest {

    @TempDir
    Path dir;

    /** Records what the loop reports instead of writing it to a database. */
    private static final class RecordedOutcomes extends ChallengeOutcomes {
        final ChallengeOutcomes.Work work;
        final List<String> calls = new ArrayList<>();
        Instant staleBefore;

        RecordedOutcomes(ChallengeOutcomes.Work work) {
            this.work = work;
        }

        @Override
        public Work claim(String challengeId, Instant staleBefore) {
            this.staleBefore = staleBefore;
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

    private RecordedOutcomes run(ChallengeOutcomes.Work work) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ChallengeValidation validation = new ChallengeValidation();
        RecordedOutcomes outcomes = new RecordedOutcomes(work);
        validation.outcomes = outcomes;
        validation.config = PkiaasConfigs.withAcmeHttp01Port(dir.resolve("master.key"), closedPort);
        validation.run("challenge-1");
        return outcomes;
    }

    private static ChallengeOutcomes.Work http01(int attemptsMade) {
        return new ChallengeOutcomes.Work(ChallengeType.HTTP_01, "127.0.0.1", true, "token", "token.thumbprint", attemptsMade);
    }

    @Test
    void aFreshValidationMakesEveryAttemptAndTheLastOneDecides() throws Exception {
        RecordedOutcomes outcomes = run(http01(0));
        assertEquals(List.of("claim", "failed connection", "failed connection", "failed connection last"), outcomes.calls);
        Duration claim = Duration.between(outcomes.staleBefore, Instant.now());
        assertTrue(claim.compareTo(ChallengeValidation.CLAIM) >= 0 && claim.compareTo(ChallengeValidation.CLAIM.plusMinutes(1)) < 0,
                "a claim is stale after " + ChallengeValidation.CLAIM);
    }

    @Test
    void aResumedValidationMakesOnlyTheAttemptsLeft() throws Exception {
        assertEquals(List.of("claim", "failed connection last"), run(http01(ChallengeValidation.ATTEMPTS - 1)).calls);
    }

    @Test
    void aChallengeClaimedByAnotherNodeIsLeftToIt() throws Exception {
        assertEquals(List.of("claim"), run(null).calls);
    }
}
