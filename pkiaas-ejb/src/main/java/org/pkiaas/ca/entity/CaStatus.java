package org.pkiaas.ca.entity;

/** The lifecycle of a CA. */
public enum CaStatus {
  /** Holds a certificate and signs. */
  ACTIVE,
  /** Created with "CSR only": waits for its signed certificate to be imported. */
  AWAITING_CERTIFICATE,
  /**
   * The successor of an active CA, with its certificate: issues nothing until its owner activates
   * it, when it takes over its predecessor's templates (SCEP's GetNextCACert serves it meanwhile).
   */
  NEXT,
  /** Issues nothing more; its CRL and OCSP keep answering for the certificates it issued. */
  RETIRED,
  /**
   * Gone for its owner and every service; the row stays because its issuance records refer to it.
   */
  DELETED;

  /**
   * Whether the CA's CRL and OCSP responder answer: it has a certificate and its certificates may
   * still be relied on.
   */
  public boolean publishesStatus() {
    return this == ACTIVE || this == RETIRED;
  }
}
