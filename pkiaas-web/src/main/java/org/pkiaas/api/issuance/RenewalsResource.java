package org.pkiaas.api.issuance;

import static org.pkiaas.input.FieldFormats.MAX_CSR_LENGTH;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.security.Public;
import org.pkiaas.api.security.RateLimited;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.input.PlainText;
import org.pkiaas.issuance.boundary.Renewals;
import org.pkiaas.pem.Pem;
import org.pkiaas.tenant.boundary.RateLimit;

/**
 * Renewal with a valid certificate, for holders (no sign-in): the CSR must be signed with the key
 * of the certificate being renewed, e.g. {@code openssl req -new -key current.key -subj /CN=x}.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RenewalsResource {

  public record RenewalRequest(
      @Size(max = MAX_CSR_LENGTH, message = "A CSR has at most {max} characters")
          @PlainText(multiline = true)
          String csr) {}

  public record Renewed(
      String certificateId,
      String certificatePem,
      String chainPem,
      String renewedSerialNumber,
      boolean renewedRevoked) {}

  @Inject Renewals renewals;

  @Inject LoggedIssuance logged;

  @Context UriInfo uriInfo;

  @POST
  @Path("cas/{caId}/renewals")
  @Public
  @RateLimited(RateLimit.Kind.RENEWAL)
  @APIResponse(
      responseCode = "201",
      description = "The new certificate; Location holds its URL",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Renewed.class)))
  public Response renew(@PathParam("caId") String caId, RenewalRequest request) {
    String csr = request == null ? null : request.csr();
    Renewals.Renewal renewal = logged.run(() -> renewals.renew(caId, csr));
    CertificateAuthority ca = renewal.ca();
    String chain = ca.certificateChainPem();
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path("certificates")
                .path(renewal.certificate().id())
                .build())
        .entity(
            new Renewed(
                renewal.certificate().id(),
                Pem.certificate(renewal.certificate().der()),
                chain,
                renewal.renewed().serialNumber(),
                renewal.renewed().status()
                    != org.pkiaas.certificate.entity.CertificateStatus.VALID))
        .build();
  }
}
