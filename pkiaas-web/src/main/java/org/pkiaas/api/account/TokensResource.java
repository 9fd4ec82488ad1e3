package org.pkiaas.api.account;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.input.PlainText;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.tenant.boundary.ApiTokens;
import org.pkiaas.tenant.boundary.NewApiToken;
import org.pkiaas.tenant.entity.ApiToken;

/** The caller's personal API tokens. The secret is in the creation answer only. */
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource {

  public record TokenRequest(
      @Size(max = 100, message = "A token name has at most {max} characters") @PlainText
          String name,
      @Min(value = 1, message = "A token is valid for 1 to 3650 days")
          @Max(value = 3650, message = "A token is valid for 1 to 3650 days")
          Integer validityDays) {}

  public record TokenResponse(
      String id,
      String name,
      String prefix,
      Instant createdAt,
      Instant lastUsedAt,
      Instant expiresAt) {

    static TokenResponse of(ApiToken token) {
      return new TokenResponse(
          token.id(),
          token.name(),
          token.prefix(),
          token.createdAt(),
          token.lastUsedAt(),
          token.expiresAt());
    }
  }

  /** {@code token} is the secret: shown this once, never stored. */
  public record NewTokenResponse(
      String id, String name, String token, Instant createdAt, Instant expiresAt) {}

  @Inject ApiTokens tokens;

  @Inject RequestCaller caller;

  @Context UriInfo uriInfo;

  @POST
  @APIResponse(
      responseCode = "201",
      description = "The new token, with its secret (shown only here); Location holds its URL",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NewTokenResponse.class)))
  public Response create(TokenRequest request) {
    if (request == null) {
      throw new InvalidInputException("name", "A JSON body with the token's name is required");
    }
    NewApiToken created = tokens.create(caller.get(), request.name(), request.validityDays());
    ApiToken token = created.token();
    return Response.created(uriInfo.getBaseUriBuilder().path("tokens").path(token.id()).build())
        .entity(
            new NewTokenResponse(
                token.id(), token.name(), created.secret(), token.createdAt(), token.expiresAt()))
        .build();
  }

  @GET
  public List<TokenResponse> list() {
    return tokens.list(caller.get()).stream().map(TokenResponse::of).toList();
  }

  @DELETE
  @Path("{tokenId}")
  @APIResponse(responseCode = "204", description = "Revoked")
  public Response revoke(@PathParam("tokenId") String tokenId) {
    tokens.revoke(caller.get(), tokenId);
    return Response.noContent().build();
  }
}
