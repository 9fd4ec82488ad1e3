package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * http-01 and dns-01 validated by the server, asynchronously, against responders the test runs:
 * a web server on the configured http-01 port and the DNS server the server is configured to ask.
 */
class AcmeChallengesIT extends ServerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final AcmeFixture acme = new AcmeFixture("ACME Challenges " + System.nanoTime(), "");

    @BeforeAll
    static void responders() {
        ChallengeResponders.start();
    }

    private static String unique(String suffix) {
        return "h" + System.nanoTime() + "." + suffix;
    }

    @Test
    void http01IsValidatedAndTheOrderIssues() throws Exception {
        Login login = acme.register(AcmeFixture.accountKey());
        String domain = unique("web.test");
        Order order = login.newOrder().domain(domain).create();
        assertEquals(Status.PENDING, order.getStatus());
        Authorization authorization = order.getAuthorizations().get(0);
        assertEquals(Status.PENDING, authorization.getStatus());
        Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class).orElseThrow();
        assertTrue(authorization.findChallenge(Dns01Challenge.class).isPresent());
        ChallengeResponders.http(challenge.getToken(), challenge.getAuthorization());
        challenge.trigger();
        assertEquals(Status.VALID, challenge.waitForCompletion(WAIT));
        assertEquals(Status.READY, order.waitUntilReady(WAIT));
        order.execute(Csrs.keys("EC"));
        assertEquals(Status.VALID, order.waitForCompletion(WAIT));
        assertTrue(order.getCertificate().getCertificate().getSubjectAlternativeNames().stream()
                .anyMatch(n -> domain.equals(n.get(1))));
    }

    @Test
    void dns01ProvesAWildcard() throws Exception {
        Login login = acme.register(AcmeFixture.accountKey());
        String base = unique("dns.test");
        Order order = login.newOrder().domains("*." + base).create();
        Authorization authorization = order.getAuthorizations().get(0);
        assertTrue(authorization.isWildcard());
        assertFalse(authorization.findChallenge(Http01Challenge.class).isPresent(), "a wildcard is proven by dns-01 only");
        Dns01Challenge challenge = authorization.findChallenge(Dns01Challenge.class).orElseThrow();
        ChallengeResponders.txt(challenge.getRRName(base).replaceAll("\\.$", ""), challenge.getDigest());
        assertEquals(challenge.getDigest(), digest(challenge.getAuthorization()), "the digest of RFC 8555 §8.4");
        challenge.trigger();
        assertEquals(Status.VALID, challenge.waitForCompletion(WAIT));
        assertEquals(Status.READY, order.waitUntilReady(WAIT));
        order.execute(Csrs.keys("EC"));
        assertEquals(Status.VALID, order.waitForCompletion(WAIT));
    }

    @Test
    void aFailingChallengeTurnsInvalidWithTheReason() throws Exception {
        Login login = acme.register(AcmeFixture.accountKey());
        Order order = login.newOrder().domain(unique("wrong.test")).create();
        Authorization authorization = order.getAuthorizations().get(0);
        Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class).orElseThrow();
        ChallengeResponders.http(challenge.getToken(), "not-the-key-authorization");
        challenge.trigger();
        assertEquals(Status.INVALID, challenge.waitForCompletion(WAIT));
        var error = challenge.getError().orElseThrow();
        assertEquals("urn:ietf:params:acme:error:incorrectResponse", error.getType().toString());
        authorization.fetch();
        assertEquals(Status.INVALID, authorization.getStatus());
        order.fetch();
        assertEquals(Status.INVALID, order.getStatus());
        AcmeServerException refused = assertThrows(AcmeServerException.class, () -> order.execute(Csrs.keys("EC")));
        assertEquals("urn:ietf:params:acme:error:orderNotReady", refused.getType().toString());

        Order unresolvable = login.newOrder().domain(unique("nx.test")).create();
        Dns01Challenge dns = unresolvable.getAuthorizations().get(0).findChallenge(Dns01Challenge.class).orElseThrow();
        dns.trigger();
        assertEquals(Status.INVALID, dns.waitForCompletion(WAIT));
        assertEquals("urn:ietf:params:acme:error:dns", dns.getError().orElseThrow().getType().toString());
    }

    @Test
    void aPendingOrderIsNotReady() throws Exception {
        Login login = acme.register(AcmeFixture.accountKey());
        Order order = login.newOrder().domain(unique("pending.test")).create();
        AcmeServerException refused = assertThrows(AcmeServerException.class, () -> order.execute(Csrs.keys("EC")));
        assertEquals("urn:ietf:params:acme:error:orderNotReady", refused.getType().toString());
    }

    private static String digest(String keyAuthorization) throws Exception {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(keyAuthorization.getBytes(StandardCharsets.US_ASCII)));
    }
}
