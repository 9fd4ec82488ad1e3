package org.pkiaas.problem;

/**
 * Too many attempts from this client or for this account; worth retrying after the given wait (HTTP
 * 429).
 */
public class ThrottledException extends PkiaasException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public ThrottledException(String detail, long retryAfterSeconds) {
    super(detail);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
