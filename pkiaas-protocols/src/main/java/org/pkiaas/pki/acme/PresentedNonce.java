package org.pkiaas.pki.acme;

import jakarta.enterprise.context.RequestScoped;

/**
 * The nonce of the ACME request being served, from the moment it was checked until the request
 * ends, for {@link NonceUseOnFailure}.
 */
@RequestScoped
public class PresentedNonce {

    private String nonce;

    void set(String nonce) {
        this.nonce = nonce;
    }

    /** The request's nonce was refused: there is no use to record. */
    void clear() {
        nonce = null;
    }

    String get() {
        return nonce;
    }
}
