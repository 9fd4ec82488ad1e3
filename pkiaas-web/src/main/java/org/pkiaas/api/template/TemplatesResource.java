package org.pkiaas.api.template;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.est.boundary.EstSecrets;
import org.pkiaas.input.PlainText;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.scep.boundary.ScepSecrets;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.template.entity.StarterTemplate;

/** Certificate templates (user guide 4). */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplatesResource {

  /**
   * {@code starter}: a starter's name (WEB_SERVER, CODE_SIGNING, …) or display name; default Web
   * Server.
   */
  public record NewTemplate(
      @Size(max = 200, message = "A template name has at most {max} characters") @PlainText
          String name,
      @Pattern(regexp = "[A-Za-z_ ]{1,64}", message = "The starter is a name such as WEB_SERVER")
          String starter,
      @Size(max = 1000, message = "A description has at most {max} characters")
          @PlainText(multiline = true)
          String description) {}

  public record Starter(String name, String displayName) {}

  @Inject Templates templates;

  @Inject ScepSecrets scepSecrets;

  @Inject EstSecrets estSecrets;

  @Inject RequestCaller caller;

  @Inject PkiaasConfig config;

  @Context UriInfo uriInfo;

  @GET
  @Path("templates/starters")
  public List<Starter> starters() {
    caller.get();
    return Arrays.stream(StarterTemplate.values())
        .map(s -> new Starter(s.name(), s.displayName()))
        .toList();
  }

  @POST
  @Path("cas/{caId}/templates")
  @APIResponse(
      responseCode = "201",
      description = "The new template; Location holds its URL",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TemplateResponse.class)))
  public Response create(@PathParam("caId") String caId, NewTemplate request) {
    NewTemplate body = request == null ? new NewTemplate(null, null, null) : request;
    CertificateTemplate template =
        templates.create(caller.get(), caId, body.name(), body.starter(), body.description());
    return Response.created(
            uriInfo.getBaseUriBuilder().path("templates").path(template.id()).build())
        .entity(response(template))
        .build();
  }

  @GET
  @Path("cas/{caId}/templates")
  public List<TemplateResponse> list(@PathParam("caId") String caId) {
    return templates.list(caller.get(), caId).stream().map(this::response).toList();
  }

  @GET
  @Path("templates/{id}")
  public TemplateResponse get(@PathParam("id") String id) {
    return response(templates.get(caller.get(), id));
  }

  /** Replaces the sections given; sections left out stay as they are. */
  @PUT
  @Path("templates/{id}")
  public TemplateResponse update(@PathParam("id") String id, TemplateSettingsRequest settings) {
    if (settings == null) {
      throw new InvalidInputException(
          "name", "A JSON body with the template's settings is required");
    }
    return response(templates.update(caller.get(), id, settings.toDomain()));
  }

  @DELETE
  @Path("templates/{id}")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") String id) {
    templates.delete(caller.get(), id);
    return Response.noContent().build();
  }

  public record Invitation(
      @Size(max = 320, message = "An email address has at most {max} characters") @PlainText
          String email) {}

  public record Invited(String email, String publicRequestUrl) {}

  /** Mails the public request page's link to someone. */
  @POST
  @Path("templates/{id}/invitations")
  public Invited invite(@PathParam("id") String id, Invitation invitation) {
    String email = invitation == null ? null : invitation.email();
    return new Invited(email, templates.invite(caller.get(), id, email));
  }

  /** A new static SCEP passphrase, shown this once (user guide 6.5). */
  public record ScepPassphrase(String passphrase) {}

  /**
   * Generates the template's static SCEP passphrase; the previous one stops working. Only its hash
   * is kept, so this answer is the only place it appears.
   */
  @POST
  @Path("templates/{id}/scep/passphrase")
  public ScepPassphrase newScepPassphrase(@PathParam("id") String id) {
    return new ScepPassphrase(scepSecrets.newPassphrase(caller.get(), id));
  }

  /** The username and password of the template's NDES page (Basic authentication). */
  public record NdesCredentials(
      @Size(max = 128, message = "A username has at most {max} characters") @PlainText
          String username,
      @Size(max = 1000, message = "A password has at most {max} characters") String password) {}

  /** Sets the Basic credentials that open the template's NDES page (user guide 6.3.3). */
  @PUT
  @Path("templates/{id}/scep/ndes-credentials")
  @APIResponse(responseCode = "204", description = "Set")
  public Response ndesCredentials(@PathParam("id") String id, NdesCredentials credentials) {
    NdesCredentials given = credentials == null ? new NdesCredentials(null, null) : credentials;
    scepSecrets.ndesCredentials(caller.get(), id, given.username(), given.password());
    return Response.noContent().build();
  }

  /** The client secret of the template's Entra ID application, for Intune validation. */
  public record IntuneSecret(
      @Size(max = 1000, message = "A client secret has at most {max} characters")
          String clientSecret) {}

  /**
   * Sets the client secret that Intune validation authenticates with (user guide 6.2); it is stored
   * encrypted and never shown again.
   */
  @PUT
  @Path("templates/{id}/scep/intune-secret")
  @APIResponse(responseCode = "204", description = "Set")
  public Response intuneSecret(@PathParam("id") String id, IntuneSecret secret) {
    scepSecrets.intuneClientSecret(caller.get(), id, secret == null ? null : secret.clientSecret());
    return Response.noContent().build();
  }

  /** The template's EST username, and its password shown this once. */
  public record EstCredentials(
      @Size(max = 128, message = "A username has at most {max} characters") @PlainText
          String username,
      String password) {}

  /**
   * Sets the template's EST username (HTTP Basic, RFC 7030 §3.2.3) and generates its password; the
   * previous one stops working. Only its hash is kept, so this answer is the only place it appears.
   */
  @POST
  @Path("templates/{id}/est/credentials")
  public EstCredentials newEstCredentials(@PathParam("id") String id, EstCredentials asked) {
    String username = asked == null ? null : asked.username();
    return new EstCredentials(username, estSecrets.newPassword(caller.get(), id, username));
  }

  private TemplateResponse response(CertificateTemplate template) {
    return TemplateResponse.of(template, config.publicUrl());
  }
}
