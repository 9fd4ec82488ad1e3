package org.pkiaas.tsa.boundary;

/**
 * A time-stamp request this TSA does not grant: answered with status rejection and {@link
 * #failInfo()} (RFC 3161 §2.4.2), or for Authenticode with an HTTP error, never a token.
 */
public class TimeStampRejected extends Exception {

  private static final long serialVersionUID = 1L;

  private final FailInfo failInfo;

  public TimeStampRejected(FailInfo failInfo, String detail) {
    super(detail);
    this.failInfo = failInfo;
  }

  public FailInfo failInfo() {
    return failInfo;
  }
}
