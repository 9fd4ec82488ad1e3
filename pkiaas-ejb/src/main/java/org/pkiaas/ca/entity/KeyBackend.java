package org.pkiaas.ca.entity;

/** Where a CA's private key lives. */
public enum KeyBackend {
  /** Generated here, stored wrapped under the master key. */
  MANAGED,
  /** Uploaded by the owner, stored wrapped under the master key. */
  IMPORTED
}
