package org.pkiaas.est.boundary;

import java.util.Objects;
import org.pkiaas.problem.PkiaasException;

/**
 * A request the EST server refuses, answered as RFC 7030 §4.2.3 asks: an HTTP status (4xx, 5xx) and
 * a human-readable {@code text/plain} body. Thrown from an EJB it rolls the transaction back, so
 * nothing of the refused request is stored.
 */
public class EstFailure extends PkiaasException {

  private static final long serialVersionUID = 1L;

  /** The statuses EST speaks (RFC 7030 §3.2.3, §4.2.3), with the reason phrase. */
  public enum Status {
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404);

    private final int code;

    Status(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  private final Status status;

  public EstFailure(Status status, String detail) {
    super(detail);
    this.status = Objects.requireNonNull(status);
  }

  public Status status() {
    return status;
  }
}
