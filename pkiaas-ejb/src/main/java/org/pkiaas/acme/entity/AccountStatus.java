package org.pkiaas.acme.entity;

import java.util.Locale;

/** An ACME account's status (RFC 8555 §7.1.6). */
public enum AccountStatus {
  VALID,
  DEACTIVATED,
  REVOKED;

  /** As the protocol spells it. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
