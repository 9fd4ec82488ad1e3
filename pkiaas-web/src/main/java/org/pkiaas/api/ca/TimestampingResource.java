package org.pkiaas.api.ca;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.tsa.boundary.TimestampingCertificates;

/** The time-stamp authority of the signed-in account's CAs. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TimestampingResource {

  @Inject TimestampingCertificates certificates;

  @Inject RequestCaller caller;

  /**
   * Makes the CA stamp with a certificate it issued from a Timestamping template, to the key given
   * here, instead of the certificate it issues itself.
   */
  @PUT
  @Path("cas/{caId}/timestamping-certificate")
  @APIResponse(responseCode = "204", description = "The CA stamps with this certificate from now")
  public Response useCertificate(
      @PathParam("caId") String caId, TimestampingCertificateRequest request) {
    if (request == null) {
      throw new InvalidInputException(
          "certificateId", "A JSON body with certificateId and privateKeyPem is required");
    }
    certificates.useImported(
        caller.get(),
        caId,
        request.certificateId(),
        request.privateKeyPem(),
        request.privateKeyPassword());
    return Response.noContent().build();
  }
}
