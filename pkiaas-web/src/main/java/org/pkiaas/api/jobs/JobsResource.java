package org.pkiaas.api.jobs;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.jobs.boundary.JobRun;
import org.pkiaas.jobs.boundary.Jobs;

/**
 * The batch jobs (administrators only): their runs, kept across restarts, and starting or
 * restarting one by hand. A start while a run is going on anywhere in the cluster is a 409.
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

  @Inject Jobs jobs;

  @Inject RequestCaller caller;

  @GET
  public List<JobRun> runs(@QueryParam("limit") @DefaultValue("50") int limit) {
    return jobs.runs(caller.get(), Math.max(1, Math.min(limit, 500)));
  }

  @GET
  @Path("executions/{executionId}")
  public JobRun run(@PathParam("executionId") long executionId) {
    return jobs.run(caller.get(), executionId);
  }

  @POST
  @Path("{name}")
  @APIResponse(
      responseCode = "202",
      description = "The run, started",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobRun.class)))
  public Response start(@PathParam("name") String name) {
    return Response.accepted(jobs.start(caller.get(), name)).build();
  }

  @POST
  @Path("executions/{executionId}/restart")
  @APIResponse(
      responseCode = "202",
      description = "The run, restarted",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobRun.class)))
  public Response restart(@PathParam("executionId") long executionId) {
    return Response.accepted(jobs.restart(caller.get(), executionId)).build();
  }
}
