package org.pkiaas.api.jobs;

import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.PagedList;
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

  @Context UriInfo uriInfo;

  /**
   * One page of the runs, newest first, paged as every list is ({@link PagedList}: {@code page},
   * {@code size}, {@code X-Total-Count}, {@code Link}).
   *
   * @param limit deprecated: the size of the only page before 2026-12; still answered as {@code
   *     size} when {@code size} is absent
   */
  @GET
  @APIResponse(
      responseCode = "200",
      description = "One page of runs, newest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = JobRun.class)))
  public Response runs(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") Integer size,
      @Deprecated @QueryParam("limit") Integer limit) {
    int pageSize =
        size != null ? size : limit != null ? Math.max(1, Math.min(limit, Jobs.MAX_PAGE_SIZE)) : 50;
    return PagedList.of(jobs.runs(caller.get(), page, pageSize), run -> run, uriInfo);
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
