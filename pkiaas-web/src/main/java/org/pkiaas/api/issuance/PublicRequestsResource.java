package org.pkiaas.api.issuance;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.security.Public;
import org.pkiaas.api.security.RateLimited;
import org.pkiaas.issuance.boundary.PublicRequests;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.tenant.boundary.RateLimit;

/**
 * A template's public request endpoint (user guide 2.5.1): open to anyone while the template allows
 * it.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicRequestsResource {

  public record PublicOffer(
      String templateId,
      String templateName,
      String caName,
      String description,
      List<String> allowedKeyTypes,
      List<String> allowedSanTypes) {}

  public record Submitted(String id, String status) {}

  @Inject PublicRequests publicRequests;

  @Context UriInfo uriInfo;

  @GET
  @Path("templates/{templateId}/public")
  @Public
  public PublicOffer offer(@PathParam("templateId") String templateId) {
    PublicRequests.Offer offer = publicRequests.offer(templateId);
    TemplateSettings settings = offer.template().settings();
    return new PublicOffer(
        offer.template().id(),
        offer.template().name(),
        offer.ca().name(),
        settings.general().description(),
        settings.requests().allowedKeyTypes(),
        settings.requests().allowedSanTypes().stream().map(Enum::name).toList());
  }

  @POST
  @Path("templates/{templateId}/public")
  @Public
  @RateLimited(RateLimit.Kind.PUBLIC_REQUEST)
  @APIResponse(
      responseCode = "201",
      description = "The request, waiting for approval; Location holds its URL",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Submitted.class)))
  public Response submit(
      @PathParam("templateId") String templateId, PublicRequestSubmission request) {
    if (request == null) {
      throw new InvalidInputException(
          "email", "A JSON body with your email and a CSR or a subject is required");
    }
    CertificateRequest submitted = publicRequests.submit(templateId, request.toDomain());
    return Response.created(
            uriInfo.getBaseUriBuilder().path("requests").path(submitted.id()).build())
        .entity(new Submitted(submitted.id(), submitted.status().name()))
        .build();
  }
}
