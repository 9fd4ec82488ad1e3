package org.pkiaas.jobs.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One execution of a batch job, as the job repository keeps it.
 *
 * @param itemsRead CAs considered
 * @param itemsProcessed CAs for which something was renewed
 * @param itemsSkipped CAs that needed nothing
 * @param failures CAs whose renewal failed (skipped and logged; the run goes on)
 */
public record JobRun(
    long executionId,
    String job,
    @Schema(
            type = SchemaType.STRING,
            enumeration = {
              "STARTING",
              "STARTED",
              "STOPPING",
              "STOPPED",
              "FAILED",
              "COMPLETED",
              "ABANDONED"
            })
        String status,
    String exitStatus,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    long itemsRead,
    long itemsProcessed,
    long itemsSkipped,
    long failures) {}
