package org.pkiaas.api.problem;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pkiaas.problem.DatabaseOutage;
import org.pkiaas.problem.Incidents;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.problem.WriteConflict;

/**
 * Everything else: JAX-RS's own errors (unknown path, wrong method or media type), unreadable JSON,
 * and unexpected failures. The client gets a problem document with an incident id; the stack trace
 * goes only to the server log, once per cause and interval. A database that cannot be reached is
 * 503 with Retry-After: the connection pool recovers by itself when it returns. A transaction that
 * lost a write conflict (a deadlock, or a Galera certification failure between two nodes) changed
 * nothing and is 503 {@code write-conflict} with Retry-After: send it again.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    Throwable cause = unwrap(exception);
    if (cause instanceof PkiaasException pkiaas) {
      return PkiaasExceptionMapper.toProblem(pkiaas);
    }
    if (causedBy(exception, jakarta.persistence.OptimisticLockException.class)) {
      return Problem.of(
              Status.CONFLICT,
              "concurrent-change",
              "Someone changed this at the same moment; try again",
              null)
          .toResponse();
    }
    if (cause instanceof JsonbException || cause instanceof ProcessingException) {
      return Problem.of(
              Status.BAD_REQUEST,
              "malformed-body",
              "The request body is not valid JSON for this operation",
              null)
          .toResponse();
    }
    if (cause instanceof WebApplicationException web) {
      Status status = Status.fromStatusCode(web.getResponse().getStatus());
      Status shown = status == null ? Status.BAD_REQUEST : status;
      return Problem.of(shown, "http-" + shown.getStatusCode(), shown.getReasonPhrase(), null)
          .toResponse();
    }
    if (WriteConflict.isCause(exception)) {
      LOG.log(Level.FINE, "API request lost a write conflict; answered 503", exception);
      return Response.fromResponse(
              Problem.of(
                      Status.SERVICE_UNAVAILABLE,
                      "write-conflict",
                      "A concurrent change to the same data won; nothing was changed, send the"
                          + " request again",
                      null)
                  .toResponse())
          .header(HttpHeaders.RETRY_AFTER, WriteConflict.RETRY_AFTER_SECONDS)
          .build();
    }
    if (DatabaseOutage.isCause(exception)) {
      String incident =
          Incidents.log(
              LOG, Level.WARNING, "API request answered 503, database unreachable", exception);
      return Response.fromResponse(
              Problem.of(
                      Status.SERVICE_UNAVAILABLE,
                      "unavailable",
                      "The service is temporarily unavailable; try again shortly (incident "
                          + incident
                          + ")",
                      null)
                  .toResponse())
          .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
          .build();
    }
    String incident = Incidents.log(LOG, Level.SEVERE, "API request failed", exception);
    return Problem.of(
            Status.INTERNAL_SERVER_ERROR,
            "internal",
            "The request could not be completed (incident " + incident + ")",
            null)
        .toResponse();
  }

  /**
   * Whether {@code type} is anywhere in the cause chain (the container wraps a failed commit
   * several times).
   */
  private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
    for (Throwable current = exception;
        current != null;
        current = current.getCause() == current ? null : current.getCause()) {
      if (type.isInstance(current)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable exception) {
    Throwable current = exception;
    while ((current instanceof EJBException
            || current instanceof jakarta.ejb.EJBTransactionRolledbackException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    if (current instanceof ProcessingException && current.getCause() instanceof JsonbException) {
      return current.getCause();
    }
    // A request body the API refused, as the container hands it on from the body reader.
    for (Throwable cause = current;
        cause != null && cause.getCause() != cause;
        cause = cause.getCause()) {
      if (cause instanceof PkiaasException) {
        return cause;
      }
    }
    return current;
  }
}
