package org.pkiaas.pki;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pkiaas.problem.DatabaseOutage;
import org.pkiaas.problem.Incidents;
import org.pkiaas.problem.WriteConflict;

/**
 * Anything else: logged here with an incident id (the stack trace once per cause and interval),
 * answered with a plain 500 naming only that id, never a stack trace. A database that cannot be
 * reached is temporary: 503 with Retry-After, and for ACME the {@code serverInternal} problem (RFC
 * 8555 §6.7) with the same hint; so is a transaction that lost a write conflict (a deadlock, or a
 * Galera certification failure), which changed nothing. JAX-RS's own answers (404, 405, 406) pass
 * through unchanged.
 */
@Provider
public class UnexpectedMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(UnexpectedMapper.class.getName());
  static final String ACME_SERVER_INTERNAL = "urn:ietf:params:acme:error:serverInternal";

  @Context UriInfo uri;

  @Override
  public Response toResponse(Exception exception) {
    if (exception instanceof WebApplicationException web) {
      return web.getResponse();
    }
    boolean acme = uri != null && uri.getPath().replaceFirst("^/", "").startsWith("acme/");
    if (WriteConflict.isCause(exception)) {
      LOG.log(Level.FINE, "Protocol request lost a write conflict; answered 503", exception);
      String detail = "A concurrent change won; nothing was changed, send the request again";
      Response.ResponseBuilder conflict =
          Response.status(Response.Status.SERVICE_UNAVAILABLE)
              .header(HttpHeaders.RETRY_AFTER, WriteConflict.RETRY_AFTER_SECONDS)
              .header("Cache-Control", "no-store");
      return acme
          ? conflict.type("application/problem+json").entity(acmeProblem(detail, 503)).build()
          : conflict.type(MediaType.TEXT_PLAIN_TYPE).entity(detail + "\n").build();
    }
    if (DatabaseOutage.isCause(exception)) {
      String id =
          Incidents.log(
              LOG, Level.WARNING, "Protocol request answered 503, database unreachable", exception);
      String detail = "Temporarily unavailable; try again shortly (incident " + id + ")";
      Response.ResponseBuilder unavailable =
          Response.status(Response.Status.SERVICE_UNAVAILABLE)
              .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
              .header("Cache-Control", "no-store");
      return acme
          ? unavailable.type("application/problem+json").entity(acmeProblem(detail, 503)).build()
          : unavailable.type(MediaType.TEXT_PLAIN_TYPE).entity(detail + "\n").build();
    }
    String id = Incidents.log(LOG, Level.SEVERE, "Protocol request failed", exception);
    return acme
        ? Response.serverError()
            .type("application/problem+json")
            .entity(acmeProblem("Internal error " + id, 500))
            .build()
        : Response.serverError()
            .type(MediaType.TEXT_PLAIN_TYPE)
            .entity("Internal error " + id + "\n")
            .build();
  }

  private static String acmeProblem(String detail, int status) {
    return Json.createObjectBuilder()
        .add("type", ACME_SERVER_INTERNAL)
        .add("detail", detail)
        .add("status", status)
        .build()
        .toString();
  }
}
