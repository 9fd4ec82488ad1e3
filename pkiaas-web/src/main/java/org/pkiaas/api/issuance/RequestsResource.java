package org.pkiaas.api.issuance;

import static org.pkiaas.input.FieldFormats.ID;
import static org.pkiaas.input.FieldFormats.ID_MESSAGE;
import static org.pkiaas.input.FieldFormats.MAX_CSR_LENGTH;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.PagedList;
import org.pkiaas.api.certificate.IssuedCertificateResponse;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.ct.boundary.EmbeddedTimestamps;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.input.PlainText;
import org.pkiaas.issuance.boundary.BulkDecisions;
import org.pkiaas.issuance.boundary.CertificateRequests;
import org.pkiaas.issuance.boundary.PreApprovals;
import org.pkiaas.issuance.boundary.RequestQuery;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.issuance.entity.RequestStatus;
import org.pkiaas.paging.Page;
import org.pkiaas.problem.InvalidInputException;

/** Submitting CSRs and working the approval queue (user guide 2.5.2, 2.6). */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestsResource {

  public record CsrSubmission(
      @Size(max = MAX_CSR_LENGTH, message = "A CSR has at most {max} characters")
          @PlainText(multiline = true)
          String csr) {}

  public record Decline(
      @Size(max = 1000, message = "A reason has at most {max} characters")
          @PlainText(multiline = true)
          String reason) {}

  /**
   * One action on many requests; each succeeds or fails on its own.
   *
   * @param action sign, approve, decline or resend
   */
  public record BulkAction(
      @Pattern(
              regexp = "sign|approve|decline|resend",
              message = "The action is sign, approve, decline or resend")
          String action,
      @Size(max = BulkDecisions.MAX_REQUESTS, message = "At most {max} requests at once")
          List<@Pattern(regexp = ID, message = ID_MESSAGE) String> ids,
      @Size(max = 1000, message = "A reason has at most {max} characters")
          @PlainText(multiline = true)
          String reason,
      @Valid SignOverridesRequest overrides) {}

  /**
   * @param outcome OK or FAILED
   */
  public record BulkOutcome(
      String id,
      @Schema(enumeration = {"OK", "FAILED"}) String outcome,
      @Schema(implementation = RequestStatus.class) String status,
      String certificateId,
      String detail) {

    static BulkOutcome of(BulkDecisions.Outcome outcome) {
      return new BulkOutcome(
          outcome.id(),
          outcome.ok() ? "OK" : "FAILED",
          outcome.status() == null ? null : outcome.status().name(),
          outcome.certificateId(),
          outcome.detail());
    }
  }

  @Inject CertificateRequests requests;

  @Inject BulkDecisions bulkDecisions;

  @Inject PreApprovals preApprovals;

  @Inject org.pkiaas.scep.boundary.AppleProfiles appleProfiles;

  @Inject RequestCaller caller;

  @Inject EmbeddedTimestamps timestamps;

  @Inject LoggedIssuance logged;

  @Context UriInfo uriInfo;

  @POST
  @Path("templates/{templateId}/requests")
  @APIResponse(
      responseCode = "201",
      description = "The request, waiting for approval; Location holds its URL",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RequestResponse.class)))
  public Response submit(@PathParam("templateId") String templateId, CsrSubmission submission) {
    CertificateRequest request =
        requests.submitCsr(caller.get(), templateId, submission == null ? null : submission.csr());
    return Response.created(uriInfo.getBaseUriBuilder().path("requests").path(request.id()).build())
        .entity(RequestResponse.of(request))
        .build();
  }

  /** One page of the CA's requests, newest first, paged as every list is ({@link PagedList}). */
  @GET
  @Path("cas/{caId}/requests")
  @APIResponse(
      responseCode = "200",
      description = "One page of requests, newest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = RequestResponse.class)))
  public Response list(
      @PathParam("caId") String caId,
      @QueryParam("status") @Parameter(schema = @Schema(implementation = RequestStatus.class))
          String status,
      @QueryParam("search") String search,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("100") int size) {
    Page<CertificateRequest> found =
        requests.list(
            caller.get(),
            caId,
            new RequestQuery(status(status), search, RequestQuery.Column.RECEIVED, false),
            page,
            size);
    return PagedList.of(found, RequestResponse::of, uriInfo);
  }

  @GET
  @Path("requests/{id}")
  public RequestResponse get(@PathParam("id") String id) {
    return RequestResponse.of(requests.get(caller.get(), id));
  }

  @POST
  @Path("requests/{id}/sign")
  public IssuedCertificateResponse sign(
      @PathParam("id") String id, SignOverridesRequest overrides) {
    // the SCTs read inside the run, which has just verified them (EmbeddedTimestamps)
    return logged.run(
        () -> {
          IssuedCertificate issued =
              requests.sign(caller.get(), id, SignOverridesRequest.toDomain(overrides));
          return IssuedCertificateResponse.of(issued, timestamps.of(issued));
        });
  }

  /**
   * Approves a request without a key; the answer carries the claim link (also mailed to the
   * requester).
   */
  @POST
  @Path("requests/{id}/approve")
  public ClaimResponse approve(@PathParam("id") String id, SignOverridesRequest overrides) {
    return ClaimResponse.of(
        requests.approve(caller.get(), id, SignOverridesRequest.toDomain(overrides)));
  }

  /** Mails the claim link again; the previous link stops working. */
  @POST
  @Path("requests/{id}/resend")
  public ClaimResponse resend(@PathParam("id") String id) {
    return ClaimResponse.of(requests.resend(caller.get(), id));
  }

  @POST
  @Path("templates/{templateId}/preapproved")
  @APIResponse(
      responseCode = "201",
      description =
          "The pre-approved request with its claim link, or the certificate when it was issued at once; Location holds its URL",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ClaimResponse.class)))
  public Response preApprove(
      @PathParam("templateId") String templateId, PreApprovalRequest request) {
    if (request == null) {
      throw new InvalidInputException(
          "subject", "A JSON body with the subject and names to approve is required");
    }
    PreApprovals.PreApproval approval = request.toDomain();
    PreApprovals.Outcome outcome =
        approval.forAppleDevice()
            ? appleProfiles.preApprove(caller.get(), templateId, approval)
            : logged.run(() -> preApprovals.create(caller.get(), templateId, approval));
    ClaimResponse body =
        outcome.link() == null
            ? new ClaimResponse(
                outcome.request().id(),
                RequestResponse.of(outcome.request()),
                null,
                null,
                null,
                IssuedCertificateResponse.of(outcome.certificate()))
            : new ClaimResponse(
                outcome.request().id(),
                RequestResponse.of(outcome.request()),
                outcome.link().token(),
                outcome.link().url(),
                outcome.link().expiresAt(),
                null);
    return Response.created(
            uriInfo.getBaseUriBuilder().path("requests").path(outcome.request().id()).build())
        .entity(body)
        .build();
  }

  @POST
  @Path("requests/{id}/decline")
  public RequestResponse decline(@PathParam("id") String id, Decline decline) {
    return RequestResponse.of(
        requests.decline(caller.get(), id, decline == null ? null : decline.reason()));
  }

  /**
   * Each id in its own transaction: one failure does not undo the others ({@link BulkDecisions},
   * which the console's queue uses too).
   */
  @POST
  @Path("requests/bulk")
  public List<BulkOutcome> bulk(BulkAction bulk) {
    if (bulk == null) {
      throw new InvalidInputException("ids", "List the ids of the requests to act on");
    }
    return bulkDecisions
        .apply(
            caller.get(),
            BulkDecisions.Action.parse(bulk.action()),
            bulk.ids(),
            SignOverridesRequest.toDomain(bulk.overrides()),
            bulk.reason())
        .stream()
        .map(BulkOutcome::of)
        .toList();
  }

  private static RequestStatus status(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return RequestStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "status", "The status is PENDING, APPROVED, ISSUED or DECLINED");
    }
  }
}
