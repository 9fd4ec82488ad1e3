package org.pkiaas.hsm.link;

import org.pkiaas.hsm.HsmException;

/**
 * A message on the link was refused: malformed, tampered with, stale, replayed, not addressed to
 * this end, or signed by a key this end does not trust.
 *
 * <p>The message says which check failed, never what the message contained.
 */
public class LinkRefusedException extends HsmException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message which check failed
   */
  public LinkRefusedException(String message) {
    super(message);
  }

  /**
   * @param message which check failed
   * @param cause the underlying failure
   */
  public LinkRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
