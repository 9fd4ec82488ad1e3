package org.pkiaas.signing;

import org.pkiaas.problem.UnavailableException;

/**
 * The IoT-HSM device holding a CA key did not sign: it is offline, did not answer within the link's
 * timeout, refused, or returned a signature that does not verify. Nothing was issued; the request
 * may be retried once the device is back. Each interface answers in its own language (REST 503,
 * ACME {@code serverInternal}, SCEP {@code FAILURE}).
 */
public class SigningDeviceUnavailable extends UnavailableException {

  private static final long serialVersionUID = 1L;

  /** How long a client should wait before retrying: about one agent reconnect. */
  static final int RETRY_AFTER_SECONDS = 10;

  private final boolean offline;

  /**
   * @param detail what happened, naming the key id, never key material
   * @param offline {@code true} if the device could not be reached or did not answer in time;
   *     {@code false} if it answered wrongly
   */
  public SigningDeviceUnavailable(String detail, boolean offline) {
    super(detail, RETRY_AFTER_SECONDS);
    this.offline = offline;
  }

  /**
   * @return whether the device was away, rather than answering wrongly
   */
  public boolean offline() {
    return offline;
  }
}
