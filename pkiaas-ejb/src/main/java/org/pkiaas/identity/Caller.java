package org.pkiaas.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * The authenticated account on whose behalf a boundary acts. Every boundary method that reads or
 * changes tenant data takes one and scopes its queries to {@link #accountId()}. {@code notAfter} is
 * when the credential the caller presented stops working (an API token's expiry), or null.
 */
public record Caller(String accountId, String username, Role role, Instant notAfter) {

  public Caller {
    Objects.requireNonNull(accountId);
    Objects.requireNonNull(username);
    Objects.requireNonNull(role);
  }

  /** A caller whose credential does not expire (a password, a console session). */
  public Caller(String accountId, String username, Role role) {
    this(accountId, username, role, null);
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
