package org.pkiaas.acme.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.pkiaas.acme.entity.AcmeNonce;

/**
 * Replay nonces (RFC 8555 §6.5): random, single-use, expiring, kept in the database so that a
 * nonce one node handed out is accepted, once, by any node.
 */
@Stateless
public class AcmeNonces {

    static final Duration LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    /** A fresh nonce, base64url as §6.5.1 requires. */
    public String issue() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.persist(new AcmeNonce(nonce, Instant.now().plus(LIFETIME)));
        return nonce;
    }

    /** Whether the nonce was handed out, unexpired and unused; it is used up either way. */
    public boolean consume(String nonce) {
        if (nonce == null || nonce.isEmpty() || nonce.length() > 64) {
            return false;
        }
        return em.createNamedQuery("AcmeNonce.consume").setParameter("nonce", nonce).setParameter("now", Instant.now())
                .executeUpdate() == 1;
    }

    /** Forgets expired nonces; harmless when several nodes do it at once. */
    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void deleteExpired() {
        em.createNamedQuery("AcmeNonce.deleteExpired").setParameter("now", Instant.now()).executeUpdate();
    }
}
