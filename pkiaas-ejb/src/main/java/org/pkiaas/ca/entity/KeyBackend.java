package org.pkiaas.ca.entity;

/** Where a CA's private key lives. */
public enum KeyBackend {
  /** Generated here, stored wrapped under the master key. */
  MANAGED,
  /** Uploaded by the owner, stored wrapped under the master key. */
  IMPORTED,
  /**
   * On a PKCS#11 token of an IoT-HSM device, reached through the resource adapter; nothing of the
   * private key is stored here.
   */
  HSM
}
