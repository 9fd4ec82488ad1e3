package org.pkiaas.acme.entity;

import java.util.Locale;

/** An ACME authorization's status (RFC 8555 §7.1.6). */
public enum AuthorizationStatus {
  PENDING,
  VALID,
  INVALID,
  DEACTIVATED,
  EXPIRED,
  REVOKED;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
