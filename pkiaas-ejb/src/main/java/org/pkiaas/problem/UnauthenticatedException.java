package org.pkiaas.problem;

/** No valid credentials were presented. */
public class UnauthenticatedException extends PkiaasException {

  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(String detail) {
    super(detail);
  }
}
