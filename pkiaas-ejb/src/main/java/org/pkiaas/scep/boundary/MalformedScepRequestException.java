package org.pkiaas.scep.boundary;

import org.pkiaas.problem.PkiaasException;

/**
 * A request that cannot be answered in SCEP terms: no signed PKIMessage with a signer to reply to,
 * an unknown operation, a missing message. The resource answers HTTP 400 with the detail as plain
 * text (RFC 8894 §4.1 leaves such errors to HTTP).
 */
public class MalformedScepRequestException extends PkiaasException {

  private static final long serialVersionUID = 1L;

  public MalformedScepRequestException(String detail) {
    super(detail);
  }
}
