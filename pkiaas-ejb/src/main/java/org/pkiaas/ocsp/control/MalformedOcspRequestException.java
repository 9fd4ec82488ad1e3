package org.pkiaas.ocsp.control;

/**
 * The bytes are not an OCSPRequest this responder accepts; answered {@code malformedRequest} (RFC
 * 6960 §2.3).
 */
public class MalformedOcspRequestException extends Exception {

  private static final long serialVersionUID = 1L;

  public MalformedOcspRequestException(String detail) {
    super(detail);
  }
}
