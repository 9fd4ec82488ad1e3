package org.pkiaas.problem;

/**
 * The object does not exist, or it belongs to someone else. Both answer the same so that the
 * existence of another tenant's objects never leaks.
 */
public class NotFoundException extends PkiaasException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String kind, String id) {
    super(kind + " " + id + " was not found");
  }

  private NotFoundException(String detail) {
    super(detail);
  }

  /** A not-found whose detail is given whole. */
  public static NotFoundException because(String detail) {
    return new NotFoundException(detail);
  }
}
