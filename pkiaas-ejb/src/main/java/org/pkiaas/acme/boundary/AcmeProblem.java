package org.pkiaas.acme.boundary;

import org.pkiaas.problem.PkiaasException;

/** A request the ACME server refuses, in RFC 8555's error language (§6.7). */
public class AcmeProblem extends PkiaasException {

  private static final long serialVersionUID = 1L;

  private final AcmeError error;
  private final long retryAfterSeconds;

  public AcmeProblem(AcmeError error, String detail) {
    this(error, detail, 0);
  }

  /**
   * @param retryAfterSeconds when the client may try again (a Retry-After header), or 0 for no hint
   */
  public AcmeProblem(AcmeError error, String detail, long retryAfterSeconds) {
    super(detail);
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds until the client may try again; 0 when the answer gives no hint. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public AcmeError error() {
    return error;
  }
}
