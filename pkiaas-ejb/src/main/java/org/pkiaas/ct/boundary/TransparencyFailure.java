package org.pkiaas.ct.boundary;

import org.pkiaas.problem.UnavailableException;

/**
 * Too few CT logs gave a valid SCT: nothing was issued. The detail says how many were needed and
 * what each failing log did; the request can be retried once the logs answer.
 */
public class TransparencyFailure extends UnavailableException {

  private static final long serialVersionUID = 1L;

  private static final int RETRY_AFTER_SECONDS = 60;

  public TransparencyFailure(String detail) {
    super(detail, RETRY_AFTER_SECONDS);
  }
}
