package org.pkiaas.api.account;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.https.boundary.ServerCertificateSettings;
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
   * @param httpsTemplateId the template (of one of the administrator's CAs) that issues the HTTPS
   *     listener's certificate, renewed automatically; "" for the configured key store
   */
  public record SettingsBody(
      Boolean signupEnabled, String estDefaultLabel, String httpsTemplateId) {}

  /** When the renewal was asked for; every node replaces certificates issued before it. */
  public record RenewalRequested(Instant requestedAt) {}

  @Inject Settings settings;

  @Inject ServerCertificateSettings httpsCertificate;

  @Inject RequestCaller caller;

  @GET
  @Operation(
      summary = "The installation's settings",
      description = "Administrators only; other accounts get 403.")
  public SettingsBody read() {
    return current();
  }

  @PUT
  @Operation(
      summary = "Change the installation's settings",
      description = "Administrators only; other accounts get 403.")
  public SettingsBody change(SettingsBody body) {
    if (body == null
        || (body.signupEnabled() == null
            && body.estDefaultLabel() == null
            && body.httpsTemplateId() == null)) {
      throw new InvalidInputException(
          "signupEnabled",
          "signupEnabled (true or false), estDefaultLabel or httpsTemplateId is required");
    }
    if (body.signupEnabled() != null) {
      settings.changeSignupEnabled(caller.get(), body.signupEnabled());
    }
    if (body.estDefaultLabel() != null) {
      settings.changeEstDefaultLabel(caller.get(), body.estDefaultLabel());
    }
    if (body.httpsTemplateId() != null) {
      httpsCertificate.changeTemplate(caller.get(), body.httpsTemplateId());
    }
    return current();
  }

  @POST
  @Path("https-certificate/renewal")
  @Operation(
      summary = "Renew the HTTPS certificate now",
      description =
          "Administrators only. Every node issues its HTTPS certificate again from the chosen"
              + " template (this node at once, the others at their next check); 409 when no"
              + " template issues it.")
  @APIResponse(
      responseCode = "202",
      description = "Asked for; every node renews",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RenewalRequested.class)))
  public Response renewHttpsCertificate() {
    Instant at = httpsCertificate.requestRenewal(caller.get());
    return Response.accepted(new RenewalRequested(at)).build();
  }

  private SettingsBody current() {
    return new SettingsBody(
        settings.signupEnabled(caller.get()),
        orEmpty(settings.estDefaultLabel()),
        httpsCertificate.templateId(caller.get()));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
