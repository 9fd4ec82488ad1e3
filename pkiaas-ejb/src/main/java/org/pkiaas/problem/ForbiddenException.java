package org.pkiaas.problem;

/**
 * The caller is known but may not do this (an administrator-only action, a switched-off feature).
 */
public class ForbiddenException extends PkiaasException {

  private static final long serialVersionUID = 1L;

  public ForbiddenException(String detail) {
    super(detail);
  }
}
