package org.pkiaas.api.ca;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.ca.boundary.CaChanges;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.boundary.MasterKeyReminder;
import org.pkiaas.ca.boundary.NewCertificateAuthority;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.DeviceLinks;

/**
 * Certificate authorities of the signed-in account. Every API resource class sits at the root path:
 * JAX-RS picks one root class before matching methods, so {@code cas/{caId}/templates} in another
 * class would never be reached behind a class at {@code cas}.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CertificateAuthoritiesResource {

  static final String PEM_CSR = "application/pkcs10";
  static final String PEM_FILE = "application/x-pem-file";

  @Inject CertificateAuthorities cas;

  @Inject MasterKeyReminder masterKeyReminder;

  @Inject RequestCaller caller;

  @Inject PkiaasConfig config;

  @Inject DeviceLinks deviceLinks;

  @Context UriInfo uriInfo;

  @POST
  @Path("cas")
  @APIResponse(
      responseCode = "201",
      description =
          "The new CA; Location holds its URL. The installation's first CA comes with"
              + " masterKeyBackup, once",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CaResponse.class)))
  public Response create(NewCertificateAuthority request) {
    if (request == null) {
      throw new InvalidInputException(
          "subject.commonName", "A JSON body describing the CA is required");
    }
    Caller creator = caller.get();
    CertificateAuthority ca = cas.create(creator, request);
    CaResponse created = response(ca);
    Optional<String> reminder = masterKeyReminder.afterCreating(creator, ca);
    return Response.created(uriInfo.getBaseUriBuilder().path("cas").path(ca.id()).build())
        .entity(reminder.map(created::withMasterKeyBackup).orElse(created))
        .build();
  }

  @GET
  @Path("cas")
  public List<CaResponse> list() {
    return cas.list(caller.get()).stream().map(this::response).toList();
  }

  @GET
  @Path("cas/{caId}")
  public CaResponse get(@PathParam("caId") String caId) {
    return response(cas.get(caller.get(), caId));
  }

  @PATCH
  @Path("cas/{caId}")
  public CaResponse change(@PathParam("caId") String caId, CaChanges changes) {
    if (changes == null) {
      throw new InvalidInputException(
          "cpsText", "A JSON body with the fields to change is required");
    }
    return response(cas.change(caller.get(), caId, changes));
  }

  /**
   * Irreversible: removes the CA for its owner and every service. Refused (409) while any of its
   * certificates is unexpired: retire it instead. Its issuance records are kept.
   */
  @DELETE
  @Path("cas/{caId}")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("caId") String caId) {
    cas.delete(caller.get(), caId);
    return Response.noContent().build();
  }

  /** Stops all issuance by the CA for good; its CRL and OCSP keep answering for what it issued. */
  @POST
  @Path("cas/{caId}/retire")
  public CaResponse retire(@PathParam("caId") String caId) {
    return response(cas.retire(caller.get(), caId));
  }

  @GET
  @Path("cas/{caId}/csr")
  @Produces({PEM_CSR, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
  @APIResponse(
      responseCode = "200",
      description = "The CA's PKCS#10 request, PEM",
      content = {
        @Content(mediaType = PEM_CSR, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING))
      })
  public Response csr(@PathParam("caId") String caId) {
    String pem = cas.csrPem(caller.get(), caId);
    return Response.ok(pem).build();
  }

  /**
   * The HSM provisioning file of a CA created with {@code "keyStorage": "HSM"}: the template
   * certificate, then the server's link certificate, both PEM. The IoT-HSM agent's {@code
   * provision} command reads it.
   */
  @GET
  @Path("cas/{caId}/hsm-provisioning-certificate")
  @Produces({PEM_FILE, MediaType.TEXT_PLAIN})
  @APIResponse(
      responseCode = "200",
      description = "The template certificate and the server's link certificate, PEM",
      content = {
        @Content(mediaType = PEM_FILE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))
      })
  public Response hsmProvisioningCertificate(@PathParam("caId") String caId) {
    return Response.ok(cas.hsmProvisioningPem(caller.get(), caId))
        .header("Content-Disposition", "attachment; filename=\"hsm-provisioning.pem\"")
        .build();
  }

  @POST
  @Path("cas/{caId}/certificate")
  public CaResponse importCertificate(
      @PathParam("caId") String caId, CertificateImportRequest request) {
    if (request == null) {
      throw new InvalidInputException(
          "certificatePem", "A JSON body with certificatePem is required");
    }
    return response(
        cas.importCertificate(
            caller.get(),
            caId,
            request.certificatePem(),
            request.chainPem(),
            Boolean.TRUE.equals(request.fetchIssuers())));
  }

  private CaResponse response(CertificateAuthority ca) {
    // awaiting its certificate, an HSM CA holds only its template's key: no device serves it yet
    CaResponse.HsmLink link =
        deviceLinks
            .state(ca.signingKey())
            .filter(state -> ca.status() != CaStatus.AWAITING_CERTIFICATE)
            .map(state -> new CaResponse.HsmLink(state.keyId(), state.online(), state.lastSeen()))
            .orElse(null);
    return CaResponse.of(ca, config.pkiUrl(), link);
  }
}
