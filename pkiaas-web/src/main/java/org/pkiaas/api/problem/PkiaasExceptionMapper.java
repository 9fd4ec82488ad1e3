package org.pkiaas.api.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.pkiaas.api.body.MalformedBodyException;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.ForbiddenException;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.problem.ThrottledException;
import org.pkiaas.problem.UnauthenticatedException;

/** The core's failures as problem documents. */
@Provider
public class PkiaasExceptionMapper implements ExceptionMapper<PkiaasException> {

  @Override
  public Response toResponse(PkiaasException exception) {
    return toProblem(exception);
  }

  static Response toProblem(PkiaasException exception) {
    String detail = exception.getMessage();
    if (exception instanceof MalformedBodyException) {
      return Problem.of(Status.BAD_REQUEST, "malformed-body", detail, null).toResponse();
    }
    if (exception instanceof InvalidInputException invalid) {
      return Problem.of(Status.BAD_REQUEST, "invalid-input", detail, invalid.field()).toResponse();
    }
    if (exception instanceof NotFoundException) {
      return Problem.of(Status.NOT_FOUND, "not-found", detail, null).toResponse();
    }
    if (exception instanceof ConflictException) {
      return Problem.of(Status.CONFLICT, "conflict", detail, null).toResponse();
    }
    if (exception instanceof org.pkiaas.problem.GoneException) {
      return Problem.of(Status.GONE, "gone", detail, null).toResponse();
    }
    if (exception instanceof org.pkiaas.problem.UnavailableException unavailable) {
      return Response.fromResponse(
              Problem.of(Status.SERVICE_UNAVAILABLE, "unavailable", detail, null).toResponse())
          .header(HttpHeaders.RETRY_AFTER, unavailable.retryAfterSeconds())
          .build();
    }
    if (exception instanceof ThrottledException throttled) {
      return Response.fromResponse(
              Problem.of(Status.TOO_MANY_REQUESTS, "throttled", detail, null).toResponse())
          .header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds())
          .build();
    }
    if (exception instanceof ForbiddenException) {
      return Problem.of(Status.FORBIDDEN, "forbidden", detail, null).toResponse();
    }
    if (exception instanceof UnauthenticatedException) {
      return Response.fromResponse(
              Problem.of(Status.UNAUTHORIZED, "unauthenticated", detail, null).toResponse())
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"PKIaaS\", Bearer realm=\"PKIaaS\"")
          .build();
    }
    return Problem.of(
            Status.INTERNAL_SERVER_ERROR, "internal", "The request could not be completed", null)
        .toResponse();
  }
}
