package org.pkiaas.api.account;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.tenant.boundary.Settings;

/** Installation-wide settings: only administrators read and change them. */
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

  public record SettingsBody(Boolean signupEnabled) {}

  @Inject Settings settings;

  @Inject RequestCaller caller;

  @GET
  @Operation(
      summary = "The installation's settings",
      description = "Administrators only; other accounts get 403.")
  public SettingsBody read() {
    return new SettingsBody(settings.signupEnabled(caller.get()));
  }

  @PUT
  @Operation(
      summary = "Change the installation's settings",
      description = "Administrators only; other accounts get 403.")
  public SettingsBody change(SettingsBody body) {
    if (body == null || body.signupEnabled() == null) {
      throw new InvalidInputException("signupEnabled", "signupEnabled (true or false) is required");
    }
    settings.changeSignupEnabled(caller.get(), body.signupEnabled());
    return new SettingsBody(settings.signupEnabled());
  }
}
