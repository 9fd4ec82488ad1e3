package org.pkiaas.ca.boundary;

import java.util.Objects;
import org.pkiaas.ca.entity.CertificateAuthority;

/**
 * A step in a CA's life, fired by {@link CertificateAuthorities} in the transaction of the change.
 * The components that keep something per CA follow it without the CA component knowing them: the
 * CRL state, the delegated OCSP responder, the starter template, the check that no unexpired
 * certificate is left before a deletion, the ACME directory a deleted CA takes with it. An observer
 * that throws undoes the change.
 */
public record CaLifecycle(CertificateAuthority ca, Stage stage) {

  /** What happened. */
  public enum Stage {
    /** The CA row exists, with its key, certificate or not. */
    CREATED,
    /** The CA has its certificate (self-signed at creation, or imported later). */
    ACTIVATED,
    /** A setting that its CRLs show (such as their validity) changed. */
    CRL_SETTINGS_CHANGED,
    /** The CA issues nothing more; its CRL and OCSP keep answering. */
    RETIRED,
    /**
     * The CA, a successor just activated, takes over from its predecessor ({@link
     * CertificateAuthority#predecessorId()}), which is retired next in the same transaction.
     */
    TOOK_OVER,
    /** The CA is about to be deleted: an observer that objects throws. */
    DELETING,
    /** The CA is deleted. */
    DELETED
  }

  public CaLifecycle {
    Objects.requireNonNull(ca);
    Objects.requireNonNull(stage);
  }
}
