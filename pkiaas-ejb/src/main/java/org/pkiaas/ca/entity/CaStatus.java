package org.pkiaas.ca.entity;

/** The lifecycle of a CA. */
public enum CaStatus {
    /** Holds a certificate and signs. */
    ACTIVE,
    /** Created with "CSR only": waits for its signed certificate to be imported. */
    AWAITING_CERTIFICATE
}
