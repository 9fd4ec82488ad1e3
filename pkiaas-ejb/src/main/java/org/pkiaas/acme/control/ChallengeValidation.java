package org.pkiaas.acme.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pkiaas.config.PkiaasConfig;

/**
 * Validates challenges off the request thread, on the server's managed executor: a few attempts a
 * little apart, each recorded, before the challenge is declared invalid with the last reason. The
 * node claims the challenge in the database first and renews the claim with every attempt; a
 * claim older than {@link #CLAIM} means the node stopped, and {@link ChallengeRecovery} hands the
 * challenge to this class again on whichever node sweeps first, to go on from the attempt reached.
 */
@ApplicationScoped
public class ChallengeValidation {

    static final int ATTEMPTS = 3;
    static final Duration RETRY_DELAY = Duration.ofSeconds(2);
    /** Longer than one attempt can take: two addresses, each with a 10 s connect and a 10 s read, after the lookups. */
    static final Duration CLAIM = Duration.ofMinutes(3);
    private static final Logger LOG = Logger.getLogger(ChallengeValidation.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    ChallengeOutcomes outcomes;

    @Inject
    PkiaasConfig config;

    /** Starts validating; call once the challenge's processing state is committed. */
    public void start(String challengeId) {
        executor.submit(() -> run(challengeId));
    }

    void run(String challengeId) {
        try {
            ChallengeOutcomes.Work work = outcomes.claim(challengeId, Instant.now().minus(CLAIM));
            if (work == null) {
                return;
            }
            ChallengeChecks checks = new ChallengeChecks(config.acmeDnsResolver(), config.acmeHttp01Port(), config.acmeTlsAlpn01Port());
            for (int attempt = work.attemptsMade() + 1; attempt <= ATTEMPTS; attempt++) {
                ChallengeChecks.Failure failure = switch (work.type()) {
                    case HTTP_01 -> checks.http01(work.identifier(), work.ip(), work.token(), work.keyAuthorization());
                    case DNS_01 -> checks.dns01(work.identifier(), work.keyAuthorization());
                    case TLS_ALPN_01 -> checks.tlsAlpn01(work.identifier(), work.ip(), work.keyAuthorization());
                };
                if (failure == null) {
                    outcomes.passed(challengeId);
                    return;
                }
                outcomes.failed(challengeId, failure, attempt >= ATTEMPTS);
                if (attempt < ATTEMPTS) {
                    Thread.sleep(RETRY_DELAY.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Validating ACME challenge " + challengeId + " failed", e);
        }
    }
}
