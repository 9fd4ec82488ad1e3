package org.pkiaas.api.ca;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.tsa.boundary.CaTimestamping;
import org.pkiaas.tsa.boundary.TimestampingCertificates;
import org.pkiaas.tsa.boundary.TimestampingChanges;
import org.pkiaas.tsa.boundary.TimestampingState;

/** The time-stamp authority of the signed-in account's CAs. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TimestampingResource {

  @Inject TimestampingCertificates certificates;

  @Inject CaTimestamping timestamping;

  @Inject RequestCaller caller;

  @GET
  @Path("cas/{caId}/timestamping")
  @Operation(
      summary = "Whether the CA's time-stamp authority answers, and under which policies",
      description =
          "The CA's owner only. defaultPolicy is named in tokens whose request names no policy;"
              + " a request may name it or one of acceptedPolicies, any other is refused with"
              + " unacceptedPolicy (RFC 3161 §2.4.1). url is null while the service is off.")
  public TimestampingState get(@PathParam("caId") String caId) {
    return timestamping.read(caller.get(), caId);
  }

  @PUT
  @Path("cas/{caId}/timestamping")
  @Operation(
      summary = "Turn the CA's time-stamp authority on or off and set its policies",
      description =
          "All at once: enabled is required; a defaultPolicy left out or empty is the"
              + " operator's, acceptedPolicies left out are none. Off, /pki/tsa/{caId} answers"
              + " 404 to RFC 3161 and Authenticode requests alike.")
  public TimestampingState change(@PathParam("caId") String caId, TimestampingChanges changes) {
    if (changes == null) {
      throw new InvalidInputException(
          "enabled", "A JSON body with enabled, defaultPolicy and acceptedPolicies is required");
    }
    return timestamping.change(caller.get(), caId, changes);
  }

  /**
   * Makes the CA stamp with a certificate it issued from a Timestamping template, to the key given
   * here, instead of the certificate it issues itself.
   */
  @PUT
  @Path("cas/{caId}/timestamping-certificate")
  @Operation(
      summary = "Stamp with a certificate from the CA's Timestamping template",
      description = "The CA's owner only; the private key is wrapped like every service key.")
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
