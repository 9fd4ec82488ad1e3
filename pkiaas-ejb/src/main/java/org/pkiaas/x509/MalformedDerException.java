package org.pkiaas.x509;

import java.io.IOException;

/**
 * Bytes that are not one well-formed, bounded BER/DER element. An {@link IOException}, like Bouncy
 * Castle's own parse failures, so a codec that already answers those answers this too.
 */
public class MalformedDerException extends IOException {

  private static final long serialVersionUID = 1L;

  public MalformedDerException(String detail) {
    super(detail);
  }
}
