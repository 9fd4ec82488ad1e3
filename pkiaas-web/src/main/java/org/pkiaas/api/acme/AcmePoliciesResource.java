package org.pkiaas.api.acme;

import jakarta.inject.Inject;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.acme.boundary.AcmePolicies;
import org.pkiaas.acme.boundary.AcmePolicies.PolicyChange;
import org.pkiaas.acme.boundary.ExternalAccountBindings;
import org.pkiaas.acme.boundary.ExternalAccountBindings.BindingRequest;
import org.pkiaas.acme.entity.AcmePolicy;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.config.PkiaasConfig;

/** ACME policies, their external account bindings and their accounts (user guide 5.2, 5.3). */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AcmePoliciesResource {

  private static final PolicyChange EMPTY = new PolicyChange(null, null, null);

  @Inject AcmePolicies policies;

  @Inject ExternalAccountBindings bindings;

  @Inject RequestCaller caller;

  @Inject PkiaasConfig config;

  @Context UriInfo uriInfo;

  @POST
  @Path("cas/{caId}/acme-policies")
  @APIResponse(
      responseCode = "201",
      description = "The new ACME policy; Location holds its URL",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AcmePolicyResponse.class)))
  public Response create(@PathParam("caId") String caId, PolicyChange request) {
    AcmePolicy policy = policies.create(caller.get(), caId, request == null ? EMPTY : request);
    return Response.created(
            uriInfo.getBaseUriBuilder().path("acme-policies").path(policy.id()).build())
        .entity(AcmePolicyResponse.of(policy, directoryUrl()))
        .build();
  }

  @GET
  @Path("cas/{caId}/acme-policies")
  public List<AcmePolicyResponse> list(@PathParam("caId") String caId) {
    return policies.list(caller.get(), caId).stream()
        .map(p -> AcmePolicyResponse.of(p, directoryUrl()))
        .toList();
  }

  @GET
  @Path("acme-policies/{id}")
  public AcmePolicyResponse get(@PathParam("id") String id) {
    return AcmePolicyResponse.of(policies.get(caller.get(), id), directoryUrl());
  }

  @PUT
  @Path("acme-policies/{id}")
  public AcmePolicyResponse update(@PathParam("id") String id, PolicyChange request) {
    return AcmePolicyResponse.of(
        policies.update(caller.get(), id, request == null ? EMPTY : request), directoryUrl());
  }

  @DELETE
  @Path("acme-policies/{id}")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") String id) {
    policies.delete(caller.get(), id);
    return Response.noContent().build();
  }

  /** Creates a binding; the answer carries the HMAC key, which no later answer shows. */
  @POST
  @Path("acme-policies/{id}/eabs")
  @APIResponse(
      responseCode = "201",
      description = "The new binding, with its HMAC key (shown only here); Location holds its URL",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EabResponse.class)))
  public Response createEab(@PathParam("id") String id, BindingRequest request) {
    var created =
        bindings.create(
            caller.get(),
            id,
            request == null ? new BindingRequest(null, null, null, null) : request);
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path("acme-policies")
                .path(id)
                .path("eabs")
                .path(created.id())
                .build())
        .entity(EabResponse.of(created.binding(), created.hmacKey(), directoryUrl()))
        .build();
  }

  @GET
  @Path("acme-policies/{id}/eabs")
  public List<EabResponse> listEabs(@PathParam("id") String id) {
    return bindings.list(caller.get(), id).stream()
        .map(b -> EabResponse.of(b, null, directoryUrl()))
        .toList();
  }

  @GET
  @Path("acme-policies/{id}/eabs/{eabId}")
  public EabResponse getEab(@PathParam("id") String id, @PathParam("eabId") String eabId) {
    return EabResponse.of(bindings.get(caller.get(), id, eabId), null, directoryUrl());
  }

  @DELETE
  @Path("acme-policies/{id}/eabs/{eabId}")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response deleteEab(@PathParam("id") String id, @PathParam("eabId") String eabId) {
    bindings.delete(caller.get(), id, eabId);
    return Response.noContent().build();
  }

  @GET
  @Path("acme-policies/{id}/accounts")
  public List<AcmeAccountResponse> accounts(@PathParam("id") String id) {
    return policies.accounts(caller.get(), id).stream().map(AcmeAccountResponse::of).toList();
  }

  @POST
  @Path("acme-policies/{id}/accounts/{accountId}/deactivate")
  public AcmeAccountResponse deactivate(
      @PathParam("id") String id, @PathParam("accountId") String accountId) {
    return AcmeAccountResponse.of(policies.deactivateAccount(caller.get(), id, accountId));
  }

  private String directoryUrl() {
    return config.publicUrl() + "/pki/acme/directory";
  }
}
