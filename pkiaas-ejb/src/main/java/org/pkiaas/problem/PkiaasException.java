package org.pkiaas.problem;

import jakarta.ejb.ApplicationException;

/**
 * Base of every failure the core reports to a caller. Each interface (REST, console, protocols)
 * translates these into its own error language. The message is the human-readable detail and must
 * never contain key material or internal state.
 *
 * <p>Thrown from an EJB, it rolls the transaction back, so a failed operation leaves the database
 * as it was.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class PkiaasException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected PkiaasException(String detail) {
    super(detail);
  }

  protected PkiaasException(String detail, Throwable cause) {
    super(detail, cause);
  }
}
