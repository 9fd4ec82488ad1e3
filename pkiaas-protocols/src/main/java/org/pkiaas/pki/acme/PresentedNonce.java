package org.pkiaas.pki.acme;

import jakarta.enterprise.context.RequestScoped;

/**
 * The nonce of the ACME request being served, from the moment it was checked until the request
 * ends, and whether the transaction that recorded its use committed, for {@link NonceUseOnFailure}.
 */
@RequestScoped
public class PresentedNonce {

  private String nonce;
  private boolean committed;

  void set(String nonce) {
    this.nonce = nonce;
    this.committed = false;
  }

  /** The request's transaction, which recorded the nonce's use, committed. */
  void committed() {
    committed = true;
  }

  boolean isCommitted() {
    return committed;
  }

  /** The request's nonce was refused: there is no use to record. */
  void clear() {
    nonce = null;
  }

  String get() {
    return nonce;
  }
}
