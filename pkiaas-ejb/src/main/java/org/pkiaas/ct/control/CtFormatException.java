package org.pkiaas.ct.control;

/** Bytes or JSON that are not the RFC 6962 structure they should be. */
public class CtFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CtFormatException(String message) {
    super(message);
  }

  public CtFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
