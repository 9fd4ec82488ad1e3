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

  /**
   * @param estDefaultLabel the EST label that {@code /.well-known/est/} without a label serves; ""
   *     for none
   */
  public record SettingsBody(Boolean signupEnabled, String estDefaultLabel) {}

  @Inject Settings settings;

  @Inject RequestCaller caller;

  @GET
  @Operation(
      summary = "The installation's settings",
      description = "Administrators only; other accounts get 403.")
  public SettingsBody read() {
    return new SettingsBody(
        settings.signupEnabled(caller.get()), orEmpty(settings.estDefaultLabel()));
  }

  @PUT
  @Operation(
      summary = "Change the installation's settings",
      description = "Administrators only; other accounts get 403.")
  public SettingsBody change(SettingsBody body) {
    if (body == null || (body.signupEnabled() == null && body.estDefaultLabel() == null)) {
      throw new InvalidInputException(
          "signupEnabled", "signupEnabled (true or false) or estDefaultLabel is required");
    }
    if (body.signupEnabled() != null) {
      settings.changeSignupEnabled(caller.get(), body.signupEnabled());
    }
    if (body.estDefaultLabel() != null) {
      settings.changeEstDefaultLabel(caller.get(), body.estDefaultLabel());
    }
    return new SettingsBody(settings.signupEnabled(), orEmpty(settings.estDefaultLabel()));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
