package org.pkiaas.acme.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A Replay-Nonce handed out and not yet used (RFC 8555 §6.5); a row is deleted when it is used. */
@Entity
@Table(name = "acme_nonce")
@NamedQuery(name = "AcmeNonce.consume", query = "DELETE FROM AcmeNonce n WHERE n.nonce = :nonce AND n.expiresAt > :now")
@NamedQuery(name = "AcmeNonce.deleteExpired", query = "DELETE FROM AcmeNonce n WHERE n.expiresAt <= :now")
public class AcmeNonce {

    @Id
    private String nonce;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected AcmeNonce() {
        // JPA
    }

    public AcmeNonce(String nonce, Instant expiresAt) {
        this.nonce = Objects.requireNonNull(nonce);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    public String nonce() {
        return nonce;
    }
}
