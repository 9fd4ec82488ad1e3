package org.pkiaas.acme.entity;

import java.util.Locale;

/** A challenge's status (RFC 8555 §7.1.6). */
public enum ChallengeStatus {
  PENDING,
  PROCESSING,
  VALID,
  INVALID;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
