package org.pkiaas.problem;

/**
 * The request names a value that is missing, malformed or not allowed; {@link #field()} says which.
 */
public class InvalidInputException extends PkiaasException {

  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidInputException(String field, String detail) {
    super(detail);
    this.field = field;
  }

  public InvalidInputException(String field, String detail, Throwable cause) {
    super(detail, cause);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
