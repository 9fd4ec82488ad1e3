package org.pkiaas.https.boundary;

/**
 * Fired in the transaction that changed the HTTPS certificate's setting, so that this node checks
 * its certificate as soon as the change is committed.
 */
public record ServerCertificateChanged() {}
