package org.pkiaas.scep.control;

/**
 * Intune did not approve: it refused with a code of its own (such as {@code ChallengeExpired}), or
 * it, Entra ID or Microsoft Graph could not be reached or answered outside the contract ({@link
 * #code()} null). Either way the certificate is not issued.
 */
public class IntuneException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;

  public IntuneException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** Intune's error code, or null when no answer within the contract came. */
  public String code() {
    return code;
  }
}
