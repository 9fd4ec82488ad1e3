package org.pkiaas.api.issuance;

import static org.pkiaas.input.FieldFormats.MAX_CSR_LENGTH;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.pkiaas.api.certificate.IssuedCertificateResponse;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.ct.boundary.EmbeddedTimestamps;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.input.PlainText;
import org.pkiaas.issuance.boundary.OneCallIssuance;

/**
 * One-call issuance for integrators who may sign on a template: a CSR in, the certificate out, as
 * the queue's submit and sign would give it, in one request, stored before it is answered (in a
 * transaction shared with concurrent calls). It signs with no transaction open, so none is open
 * while a template's CT logs answer; it runs under {@link LoggedIssuance}, as every other channel's
 * issuance does, which keeps the logs' answers for the certificate's SCTs.
 *
 * <p>Application-scoped, unlike the other resources: it keeps nothing per request ({@code uriInfo}
 * and the caller are the container's per-request proxies), and a resource made per request costs
 * RESTEasy a validator set-up and an injection each time, some 1.5 % of this hot path's CPU
 * (docs/BENCHMARKS.md).
 */
@ApplicationScoped
@Path("templates/{templateId}/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateCertificatesResource {

  /**
   * A CSR (PEM) and, optionally, what the sign call may change: subject, names, validity.
   *
   * @param overrides as {@code POST /requests/{id}/sign} takes them; absent: the request's and
   *     template's values
   */
  public record CsrIssuance(
      @Size(max = MAX_CSR_LENGTH, message = "A CSR has at most {max} characters")
          @PlainText(multiline = true)
          String csr,
      @Valid SignOverridesRequest overrides) {}

  @Inject OneCallIssuance oneCall;

  @Inject RequestCaller caller;

  @Inject EmbeddedTimestamps timestamps;

  @Inject LoggedIssuance logged;

  @Context UriInfo uriInfo;

  @POST
  @APIResponse(
      responseCode = "201",
      description = "The certificate, issued; Location holds its URL",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = IssuedCertificateResponse.class)))
  public Response issue(@PathParam("templateId") String templateId, CsrIssuance issuance) {
    // the SCTs read inside the run, which has just verified them (EmbeddedTimestamps)
    IssuedCertificateResponse issued =
        logged.run(
            () -> {
              IssuedCertificate certificate =
                  oneCall.issue(
                      caller.get(),
                      templateId,
                      issuance == null ? null : issuance.csr(),
                      SignOverridesRequest.toDomain(
                          issuance == null ? null : issuance.overrides()));
              return IssuedCertificateResponse.of(certificate, timestamps.of(certificate));
            });
    return Response.created(
            uriInfo.getBaseUriBuilder().path("certificates").path(issued.id()).build())
        .entity(issued)
        .build();
  }
}
