package org.pkiaas.hsm;

/**
 * A signing request to an IoT-HSM device failed.
 *
 * <p>Messages name the slot and the reason, never key material or signed data.
 */
public class HsmException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message for operators.
   *
   * @param message what failed, naming the slot where one is involved
   */
  public HsmException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message for operators and its cause.
   *
   * @param message what failed, naming the slot where one is involved
   * @param cause the underlying failure
   */
  public HsmException(String message, Throwable cause) {
    super(message, cause);
  }
}
