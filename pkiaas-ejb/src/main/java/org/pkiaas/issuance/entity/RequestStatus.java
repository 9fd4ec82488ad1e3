package org.pkiaas.issuance.entity;

/** Where a certificate request stands. */
public enum RequestStatus {
  PENDING,
  /** Approved; the certificate is issued when the holder claims it with a key. */
  APPROVED,
  ISSUED,
  DECLINED
}
