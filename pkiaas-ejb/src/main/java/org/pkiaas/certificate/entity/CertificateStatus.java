package org.pkiaas.certificate.entity;

/** Where an issued certificate stands. Expiry is read from notAfter, not stored. */
public enum CertificateStatus {
  VALID,
  REVOKED,
  /** Revoked with reason certificateHold (RFC 5280 §5.3.1); may be released. */
  ON_HOLD
}
