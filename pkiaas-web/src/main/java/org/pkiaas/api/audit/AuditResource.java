package org.pkiaas.api.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.PagedList;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.audit.boundary.AuditLog;
import org.pkiaas.audit.boundary.AuditVerification;
import org.pkiaas.audit.entity.AuditEvent;
import org.pkiaas.audit.entity.Outcome;

/**
 * The audit log, newest first: administrators see every event, others what they did and what
 * happened on their CAs; and the check of its chains.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  public record AuditEventResponse(
      String id,
      Instant occurredAt,
      String actor,
      String action,
      String objectType,
      String objectId,
      @Schema(implementation = Outcome.class) String outcome,
      String detail,
      String tenantId,
      String caId,
      Long chainSequence) {

    static AuditEventResponse of(AuditEvent event) {
      return new AuditEventResponse(
          event.id(),
          event.occurredAt(),
          event.actor(),
          event.action(),
          event.objectType(),
          event.objectId(),
          event.outcome().name(),
          event.detail(),
          event.tenantId(),
          event.caId(),
          event.chainSeq());
    }
  }

  /**
   * The first broken link of one chain: the position, the event there (if any) and what is wrong.
   */
  public record BrokenLinkResponse(String chain, long sequence, String eventId, String problem) {}

  public record VerificationResponse(
      boolean intact,
      long eventsVerified,
      int chainsVerified,
      List<BrokenLinkResponse> brokenLinks,
      Instant verifiedAt) {

    static VerificationResponse of(AuditVerification.Report report) {
      return new VerificationResponse(
          report.intact(),
          report.eventsVerified(),
          report.chainsVerified(),
          report.brokenLinks().stream()
              .map(b -> new BrokenLinkResponse(b.chainId(), b.seq(), b.eventId(), b.problem()))
              .toList(),
          report.verifiedAt());
    }
  }

  @Inject AuditLog auditLog;

  @Inject AuditVerification verification;

  @Inject RequestCaller caller;

  @Context UriInfo uriInfo;

  /**
   * One page of the events the caller may read, newest first, paged as every list is ({@link
   * PagedList}: {@code page}, {@code size}, {@code X-Total-Count}, {@code Link}).
   *
   * @param offset deprecated: the paging before 2026-12, {@code offset} and {@code limit}; still
   *     answered (as an array without the paging headers) when {@code page} and {@code size} are
   *     absent
   * @param limit deprecated, with {@code offset}
   */
  @GET
  @APIResponse(
      responseCode = "200",
      description = "One page of events, newest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEventResponse.class)))
  public Response read(
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size,
      @Deprecated @QueryParam("offset") Integer offset,
      @Deprecated @QueryParam("limit") Integer limit) {
    if (page == null && size == null && (offset != null || limit != null)) {
      return Response.ok(
              auditLog
                  .read(caller.get(), offset == null ? 0 : offset, limit == null ? 100 : limit)
                  .stream()
                  .map(AuditEventResponse::of)
                  .toList())
          .build();
    }
    return PagedList.of(
        auditLog.page(caller.get(), page == null ? 0 : page, size == null ? 100 : size),
        AuditEventResponse::of,
        uriInfo);
  }

  /**
   * Checks the audit chains the caller may see (an administrator every chain, anyone else their
   * own) after sealing everything written so far, and names the first broken link of each broken
   * chain.
   */
  @GET
  @Path("verify")
  public VerificationResponse verify() {
    return VerificationResponse.of(verification.verify(caller.get()));
  }
}
