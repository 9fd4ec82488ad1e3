package org.pkiaas.api.issuance;

import static org.pkiaas.input.FieldFormats.MAX_CSR_LENGTH;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.security.Public;
import org.pkiaas.api.security.RateLimited;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.input.PlainText;
import org.pkiaas.issuance.boundary.Claims;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.pem.Pem;
import org.pkiaas.tenant.boundary.RateLimit;

/**
 * Claim links, for the holder (no sign-in: the link's token is the credential). The claim page
 * calls these; the key is made where the holder chooses, and only its CSR comes here. The token
 * travels in the {@value #TOKEN_HEADER} header, never in the path: the link keeps it in the
 * fragment so that no access log or proxy records it, and the API must not undo that.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClaimsResource {

  public record ClaimOffer(
      String requestId,
      String templateName,
      String caName,
      String subject,
      List<String> subjectAltNames,
      Integer validityDays,
      Instant expiresAt) {}

  public record ClaimSubmission(
      @Size(max = MAX_CSR_LENGTH, message = "A CSR has at most {max} characters")
          @PlainText(multiline = true)
          String csr) {}

  /**
   * The certificate, and its issuing CA with that CA's issuers (PEM), for the holder to install
   * with the key.
   */
  public record ClaimedCertificate(String certificateId, String certificatePem, String chainPem) {}

  public static final String TOKEN_HEADER = "Claim-Token";

  @Inject Claims claims;

  @Inject LoggedIssuance logged;

  @Context UriInfo uriInfo;

  @GET
  @Path("claims")
  @Public
  public ClaimOffer describe(@HeaderParam(TOKEN_HEADER) String token) {
    Claims.Offer offer = claims.describe(token);
    CertificateRequest request = offer.request();
    return new ClaimOffer(
        request.id(),
        offer.template().name(),
        offer.ca().name(),
        request.approvedSubjectDn(),
        request.approvedSubjectAltNames(),
        // what issuance will use: the pre-approval's validity, else the template's
        request.validityDays() != null
            ? request.validityDays()
            : offer.template().settings().general().validityDays(),
        request.claimExpiresAt());
  }

  @POST
  @Path("claims")
  @Public
  @RateLimited(RateLimit.Kind.CLAIM)
  @APIResponse(
      responseCode = "201",
      description = "The certificate issued for the claim; Location holds its URL",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ClaimedCertificate.class)))
  public Response claim(@HeaderParam(TOKEN_HEADER) String token, ClaimSubmission submission) {
    String csr = submission == null ? null : submission.csr();
    IssuedCertificate issued = logged.run(() -> claims.claim(token, csr));
    CertificateAuthority ca = claims.issuerOf(issued);
    String chain = ca.certificateChainPem();
    return Response.created(
            uriInfo.getBaseUriBuilder().path("certificates").path(issued.id()).build())
        .entity(new ClaimedCertificate(issued.id(), Pem.certificate(issued.der()), chain))
        .build();
  }
}
