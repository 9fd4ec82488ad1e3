package org.pkiaas.scep.control;

/** Why a CertRep says FAILURE: the SCEP failInfo attribute (RFC 8894 §3.2.1.4). */
public enum FailInfo {
  /** Unrecognized or unsupported algorithm. */
  BAD_ALG(0),
  /** Integrity check (signature or decryption) failed. */
  BAD_MESSAGE_CHECK(1),
  /** Transaction not permitted or supported. */
  BAD_REQUEST(2),
  /** The signingTime attribute was not close enough to the system time. */
  BAD_TIME(3),
  /** No certificate could be identified matching the provided criteria. */
  BAD_CERT_ID(4);

  private final int value;

  FailInfo(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }
}
