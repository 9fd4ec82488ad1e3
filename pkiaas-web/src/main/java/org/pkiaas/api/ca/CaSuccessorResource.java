package org.pkiaas.api.ca;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.ca.boundary.CaRollovers;
import org.pkiaas.ca.boundary.NewSuccessor;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.config.PkiaasConfig;

/** The rollover of the signed-in account's CAs to a new key: prepare the successor, activate it. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaSuccessorResource {

  @Inject CaRollovers rollovers;

  @Inject RequestCaller caller;

  @Inject PkiaasConfig config;

  @Context UriInfo uriInfo;

  @POST
  @Path("cas/{caId}/successor")
  @Operation(
      summary = "Prepare the CA's successor: the same subject and settings with a new key",
      description =
          "The CA's owner only, for an active CA whose key is held here. The body is optional:"
              + " keyType, keySize, curve, parameterSet, signatureAlgorithm and validityDays"
              + " default to the CA's. A root's successor is self-signed at once and NEXT; an"
              + " intermediate's is AWAITING_CERTIFICATE: fetch its CSR from"
              + " /api/v1/cas/{successorId}/csr and import the signed certificate with POST"
              + " /api/v1/cas/{successorId}/certificate. A NEXT successor issues nothing; SCEP"
              + " clients get it through GetNextCACert. 409 while the CA already has a successor"
              + " (delete it to start again) or is not active.")
  @APIResponse(
      responseCode = "201",
      description = "The successor, a CA of its own; Location holds its URL",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CaResponse.class)))
  public Response prepare(@PathParam("caId") String caId, NewSuccessor request) {
    CertificateAuthority next = rollovers.prepare(caller.get(), caId, request);
    return Response.created(uriInfo.getBaseUriBuilder().path("cas").path(next.id()).build())
        .entity(response(next))
        .build();
  }

  @GET
  @Path("cas/{caId}/successor")
  @Operation(
      summary = "The CA's successor that is not active yet",
      description = "404 when the CA has none (or its successor was activated already).")
  public CaResponse get(@PathParam("caId") String caId) {
    return response(rollovers.successor(caller.get(), caId));
  }

  @POST
  @Path("cas/{caId}/successor/activate")
  @Operation(
      summary = "Make the CA's successor the issuing CA, and retire the CA",
      description =
          "The CA's owner only. The CA's templates move to the successor (their URLs stay), the"
              + " successor gets its OCSP responder and issues from now on; the CA is retired,"
              + " so its CRL and OCSP keep answering for what it issued. 409 without a successor,"
              + " or while the successor awaits its certificate. Answers the successor.")
  public CaResponse activate(@PathParam("caId") String caId) {
    return response(rollovers.activate(caller.get(), caId));
  }

  private CaResponse response(CertificateAuthority ca) {
    return CaResponse.of(ca, config.pkiUrl(), null);
  }
}
