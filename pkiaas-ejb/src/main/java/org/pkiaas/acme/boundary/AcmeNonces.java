package org.pkiaas.acme.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import org.pkiaas.acme.control.NonceCodec;
import org.pkiaas.acme.entity.UsedNonce;
import org.pkiaas.signing.MasterKey;

/**
 * Replay nonces (RFC 8555 §6.5): random, single-use and expiring, and accepted by every node. A
 * nonce is made without touching the database ({@link NonceCodec}: its expiry and a MAC under a
 * key every node derives from the master key); its use is recorded, and a second use of the same
 * nonce fails on the record's primary key, on any node.
 */
@Stateless
public class AcmeNonces {

    static final Duration LIFETIME = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    MasterKey masterKey;

    private NonceCodec codec;

    @PostConstruct
    void derive() {
        codec = NonceCodec.fromMasterKey(masterKey.key());
    }

    /** A fresh nonce, base64url as §6.5.1 requires. */
    public String issue() {
        return codec.issue(Instant.now().plus(LIFETIME));
    }

    /**
     * Whether the nonce is one of ours, unexpired and unused; using it is committed at once, so a
     * request that fails afterwards has still used it up.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean consume(String nonce) {
        Instant expires = codec.expiry(nonce, Instant.now());
        if (expires == null || em.find(UsedNonce.class, nonce) != null) {
            return false;
        }
        try {
            em.persist(new UsedNonce(nonce, expires));
            em.flush();
            return true;
        } catch (PersistenceException e) {
            // the same nonce used at the same moment on another thread or node: its row came first
            return false;
        }
    }

    /** Forgets used nonces that have expired anyway; harmless when several nodes do it at once. */
    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void deleteExpired() {
        em.createNamedQuery("UsedNonce.deleteExpired").setParameter("now", Instant.now()).executeUpdate();
    }
}
