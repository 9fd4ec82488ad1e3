package org.pkiaas.problem;

/**
 * The request is well-formed but clashes with the current state (a duplicate name, a wrong status).
 */
public class ConflictException extends PkiaasException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String detail) {
    super(detail);
  }
}
