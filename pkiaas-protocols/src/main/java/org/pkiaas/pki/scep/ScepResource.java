package org.pkiaas.pki.scep;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pkiaas.problem.ForbiddenException;
import org.pkiaas.problem.ThrottledException;
import org.pkiaas.scep.boundary.MalformedScepRequestException;
import org.pkiaas.scep.boundary.ScepService;

/**
 * A template's SCEP URL (RFC 8894 §4): {@code /pki/scep/{templateId}} with any suffix clients
 * append ({@code /pkiclient.exe}, {@code /cgi-bin/pkiclient.exe}); {@code
 * /pki/ndes/{templateId}/certsrv/mscep/mscep.dll} is the same service where NDES clients look. HTTP
 * only: the operation, media types (§4.2–§4.4, §4.7), body and status codes; {@link ScepService}
 * decides.
 */
@Path("{prefix: scep|ndes}/{templateId}{suffix: (/.*)?}")
public class ScepResource {

  static final String PKI_MESSAGE = "application/x-pki-message";
  static final String CA_RA_CERT = "application/x-x509-ca-ra-cert";
  static final String NEXT_CA_CERT = "application/x-x509-next-ca-cert";

  @Inject ScepService scep;

  @Context HttpServletRequest http;

  @GET
  public Response get(
      @PathParam("templateId") String templateId, @QueryParam("operation") String operation) {
    return answer(
        () ->
            switch (operation == null ? "" : operation) {
              case "GetCACaps" ->
                  Response.ok(
                          String.join("\n", scep.capabilities(templateId, http.getRemoteAddr()))
                              + "\n")
                      .type(MediaType.TEXT_PLAIN_TYPE)
                      .build();
              case "GetCACert" ->
                  Response.ok(scep.caCertificates(templateId, http.getRemoteAddr()))
                      .type(CA_RA_CERT)
                      .build();
              case "GetNextCACert" ->
                  Response.ok(scep.nextCaCertificate(templateId, http.getRemoteAddr()))
                      .type(NEXT_CA_CERT)
                      .build();
              case "PKIOperation" ->
                  pkiOperation(templateId, ScepMessageParameter.fromQuery(http.getQueryString()));
              default -> unknown(operation);
            });
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response post(
      @PathParam("templateId") String templateId,
      @QueryParam("operation") String operation,
      byte[] body) {
    return answer(
        () ->
            "PKIOperation".equals(operation) ? pkiOperation(templateId, body) : unknown(operation));
  }

  private Response pkiOperation(String templateId, byte[] message) {
    if (message == null) {
      throw new MalformedScepRequestException("PKIOperation needs a message");
    }
    return Response.ok(scep.pkiOperation(templateId, message, http.getRemoteAddr()))
        .type(PKI_MESSAGE)
        .build();
  }

  private static Response unknown(String operation) {
    throw new MalformedScepRequestException(
        operation == null
            ? "The operation parameter is missing"
            : "Unknown operation; use GetCACaps, GetCACert, GetNextCACert or PKIOperation");
  }

  /** SCEP's HTTP errors: 400 for a request without a signer to answer, 429 when rate-limited. */
  private static Response answer(java.util.function.Supplier<Response> operation) {
    try {
      return operation.get();
    } catch (MalformedScepRequestException e) {
      return plain(Response.Status.BAD_REQUEST.getStatusCode(), e.getMessage());
    } catch (ForbiddenException e) {
      return plain(Response.Status.FORBIDDEN.getStatusCode(), e.getMessage());
    } catch (ThrottledException e) {
      return Response.fromResponse(plain(429, e.getMessage()))
          .header("Retry-After", e.retryAfterSeconds())
          .build();
    }
  }

  private static Response plain(int status, String text) {
    return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(text + "\n").build();
  }
}
