package org.pkiaas.scep.control;

/** The SCEP pkiStatus attribute of a CertRep (RFC 8894 §3.2.1.3). */
public enum PkiStatus {
  SUCCESS(0),
  FAILURE(2),
  PENDING(3);

  private final int value;

  PkiStatus(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }
}
