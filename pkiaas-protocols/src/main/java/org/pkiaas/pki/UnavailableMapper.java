package org.pkiaas.pki;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.pkiaas.problem.UnavailableException;

/** Not ready yet (a CRL being built elsewhere): 503 with Retry-After (RFC 9110 §10.2.3). */
@Provider
public class UnavailableMapper implements ExceptionMapper<UnavailableException> {

  @Override
  public Response toResponse(UnavailableException exception) {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header("Retry-After", exception.retryAfterSeconds())
        .type(MediaType.TEXT_PLAIN_TYPE)
        .entity(exception.getMessage() + "\n")
        .build();
  }
}
