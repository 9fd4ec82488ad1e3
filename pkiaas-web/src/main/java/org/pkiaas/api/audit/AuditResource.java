package org.pkiaas.api.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.audit.boundary.AuditLog;
import org.pkiaas.audit.boundary.AuditVerification;
import org.pkiaas.audit.entity.AuditEvent;

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
      String outcome,
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

  @GET
  public List<AuditEventResponse> read(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return auditLog.read(caller.get(), offset, limit).stream().map(AuditEventResponse::of).toList();
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
