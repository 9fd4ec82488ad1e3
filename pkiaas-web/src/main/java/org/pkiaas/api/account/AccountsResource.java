package org.pkiaas.api.account;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.security.AllowedBeforePasswordChange;
import org.pkiaas.api.security.Public;
import org.pkiaas.api.security.RateLimited;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.tenant.boundary.Accounts;
import org.pkiaas.tenant.boundary.RateLimit;
import org.pkiaas.tenant.entity.Account;

/** Accounts: administrators create them; anyone may sign up while sign-up is switched on. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

  @Inject Accounts accounts;

  @Inject RequestCaller caller;

  @Context UriInfo uriInfo;

  @POST
  @Path("accounts")
  @APIResponse(
      responseCode = "201",
      description = "The new account; Location holds its URL",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccountResponse.class)))
  public Response create(AccountRequest request) {
    AccountRequest body = require(request);
    Account account = accounts.create(caller.get(), body.username(), body.password(), body.role());
    return created(account);
  }

  @GET
  @Path("accounts")
  public List<AccountResponse> list() {
    return accounts.list(caller.get()).stream().map(AccountResponse::of).toList();
  }

  @GET
  @Path("accounts/me")
  public AccountResponse me() {
    return AccountResponse.of(accounts.me(caller.get()));
  }

  @PUT
  @Path("accounts/me/password")
  @AllowedBeforePasswordChange
  @APIResponse(responseCode = "204", description = "Changed")
  public Response changePassword(PasswordChangeRequest request) {
    if (request == null) {
      throw new InvalidInputException(
          "newPassword", "A JSON body with currentPassword and newPassword is required");
    }
    accounts.changePassword(caller.get(), request.currentPassword(), request.newPassword());
    return Response.noContent().build();
  }

  /** Self-service sign-up; refused with 403 while an administrator keeps it switched off. */
  @POST
  @Path("signup")
  @Public
  @RateLimited(RateLimit.Kind.SIGNUP)
  @APIResponse(
      responseCode = "201",
      description = "The new account; Location holds its URL",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccountResponse.class)))
  public Response signUp(AccountRequest request) {
    AccountRequest body = require(request);
    return created(accounts.signUp(body.username(), body.password()));
  }

  private Response created(Account account) {
    return Response.created(uriInfo.getBaseUriBuilder().path("accounts").path(account.id()).build())
        .entity(AccountResponse.of(account))
        .build();
  }

  private static AccountRequest require(AccountRequest request) {
    if (request == null) {
      throw new InvalidInputException(
          "username", "A JSON body with username and password is required");
    }
    return request;
  }
}
