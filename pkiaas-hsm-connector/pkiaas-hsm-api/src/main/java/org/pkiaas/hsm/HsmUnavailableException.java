package org.pkiaas.hsm;

/**
 * The device link is not reachable: the broker is not configured or down, or the device holding the
 * slot is offline.
 *
 * <p>Thrown fast, so that a signing request fails with a clear error instead of waiting out a
 * timeout. Its message never contains key material.
 */
public class HsmUnavailableException extends HsmException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message for operators.
   *
   * @param message why the device cannot be reached, naming the slot
   */
  public HsmUnavailableException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message for operators and its cause.
   *
   * @param message why the device cannot be reached, naming the slot
   * @param cause the underlying failure
   */
  public HsmUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
