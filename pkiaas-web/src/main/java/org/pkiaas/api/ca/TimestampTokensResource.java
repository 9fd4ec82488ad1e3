package org.pkiaas.api.ca;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.PagedList;
import org.pkiaas.api.QueryInstants;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.tsa.boundary.GrantedTimestamps;
import org.pkiaas.tsa.boundary.TimestampTokenFilter;

/** The time stamps the signed-in account's CAs granted, as recorded. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class TimestampTokensResource {

  @Inject GrantedTimestamps timestamps;

  @Inject RequestCaller caller;

  @Context UriInfo uriInfo;

  /** One page of the CA's recorded time stamps, paged as every list is ({@link PagedList}). */
  @GET
  @Path("cas/{caId}/timestamp-tokens")
  @Operation(
      summary = "The time stamps the CA granted, newest first",
      description =
          "The CA's owner only. ?imprint= (the hash stamped, hex) answers whether the CA stamped"
              + " it; ?from= and ?to= (ISO 8601) bound genTime, to excluded. Nothing is recorded"
              + " while the operator has turned recording off (pkiaas.tsa.record-tokens).")
  @APIResponse(
      responseCode = "200",
      description = "One page of time stamps, newest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = TimestampTokenResponse.class)))
  public Response list(
      @PathParam("caId") String caId,
      @QueryParam("imprint")
          @Parameter(description = "The hash stamped, hex; colons and spaces are ignored")
          String imprint,
      @QueryParam("from") @Parameter(description = "genTime at or after, ISO 8601") String from,
      @QueryParam("to") @Parameter(description = "genTime before, ISO 8601") String to,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    TimestampTokenFilter filter =
        new TimestampTokenFilter(
            imprint, QueryInstants.parse("from", from), QueryInstants.parse("to", to));
    return PagedList.of(
        timestamps.list(caller.get(), caId, filter, page, size),
        TimestampTokenResponse::of,
        uriInfo);
  }
}
