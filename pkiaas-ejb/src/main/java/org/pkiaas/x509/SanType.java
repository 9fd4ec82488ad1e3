package org.pkiaas.x509;

/** The subject alternative name types (RFC 5280 §4.2.1.6) a template may allow. */
public enum SanType {
  DNS,
  IP,
  EMAIL,
  URI,
  /** Microsoft user principal name: otherName 1.3.6.1.4.1.311.20.2.3. */
  UPN
}
