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
import org.pkiaas.audit.entity.AuditEvent;

/** The audit log, newest first: administrators see every event, others their own. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record AuditEventResponse(String id, Instant occurredAt, String actor, String action, String objectType,
            String objectId, String outcome, String detail) {

        static AuditEventResponse of(AuditEvent event) {
            return new AuditEventResponse(event.id(), event.occurredAt(), event.actor(), event.action(), event.objectType(),
                    event.objectId(), event.outcome().name(), event.detail());
        }
    }

    @Inject
    AuditLog auditLog;

    @Inject
    RequestCaller caller;

    @GET
    public List<AuditEventResponse> read(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return auditLog.read(caller.get(), offset, limit).stream().map(AuditEventResponse::of).toList();
    }
}
