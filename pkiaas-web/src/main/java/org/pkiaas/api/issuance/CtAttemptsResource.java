package org.pkiaas.api.issuance;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.ct.boundary.CtAttempts;
import org.pkiaas.issuance.boundary.CertificateRequests;
import org.pkiaas.issuance.entity.CertificateRequest;

/**
 * The CT submissions that stopped an issuance (too few valid SCTs, RFC 6962 §3.1), for the
 * administrator: each log's answer and the precertificate, per request or for a whole CA.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class CtAttemptsResource {

  @Inject CertificateRequests requests;

  @Inject CtAttempts attempts;

  @Inject RequestCaller caller;

  /** This request's stopped submissions, newest first. */
  @GET
  @Path("requests/{id}/ct-attempts")
  public List<CtAttemptResponse> ofRequest(@PathParam("id") String id) {
    CertificateRequest request = requests.get(caller.get(), id);
    return attempts.ofRequest(request.caId(), request.id()).stream()
        .map(CtAttemptResponse::of)
        .toList();
  }

  /** A CA's stopped submissions, newest first (500 at most), ACME orders' included. */
  @GET
  @Path("cas/{caId}/ct-attempts")
  public List<CtAttemptResponse> ofCa(@PathParam("caId") String caId) {
    return attempts.ofCa(caller.get(), caId).stream().map(CtAttemptResponse::listed).toList();
  }
}
