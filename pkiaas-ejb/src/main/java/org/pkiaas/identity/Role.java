package org.pkiaas.identity;

/** What an account may do beyond managing its own CAs. */
public enum Role {
  /** Manages accounts and settings as well as its own CAs. */
  ADMIN,
  /** Manages its own CAs. */
  USER
}
