package org.pkiaas.problem;

/**
 * The thing exists but cannot be served right now (a CRL being built elsewhere); worth retrying
 * soon.
 */
public class UnavailableException extends PkiaasException {

  private static final long serialVersionUID = 1L;

  private final int retryAfterSeconds;

  public UnavailableException(String detail, int retryAfterSeconds) {
    super(detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
