package org.pkiaas.problem;

/** The thing existed but is no longer usable: an expired claim link. */
public class GoneException extends PkiaasException {

  private static final long serialVersionUID = 1L;

  public GoneException(String detail) {
    super(detail);
  }
}
