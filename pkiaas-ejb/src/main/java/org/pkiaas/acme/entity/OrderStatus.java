package org.pkiaas.acme.entity;

import java.util.Locale;

/** An ACME order's status (RFC 8555 §7.1.6). */
public enum OrderStatus {
  PENDING,
  READY,
  PROCESSING,
  VALID,
  INVALID;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
