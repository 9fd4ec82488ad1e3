package org.pkiaas.pki.acme;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pkiaas.acme.boundary.AcmeRenewals;
import org.pkiaas.acme.boundary.NonceIssuer;

/**
 * The ACME directory (RFC 8555 §7.1.1), one for all tenants, newNonce (§7.2) and renewalInfo (RFC
 * 9773).
 */
@Path("acme")
public class AcmeDirectoryResource {

  private static final int RENEWAL_INFO_RETRY_SECONDS = 6 * 3600;

  @Inject AcmeUrls urls;

  @Inject NonceIssuer nonces;

  static final int DIRECTORY_MAX_AGE_SECONDS = 3600;

  @Inject AcmeRenewals renewals;

  @GET
  @Path("directory")
  @Produces(MediaType.APPLICATION_JSON)
  public Response directory() {
    // the same for every client until the server's configuration changes: clients may keep it an
    // hour
    return Response.ok(AcmeJson.directory(urls).toString(), MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "public, max-age=" + DIRECTORY_MAX_AGE_SECONDS)
        .build();
  }

  /** ACME Renewal Information (RFC 9773 §4.2): a plain GET; clients ask again after Retry-After. */
  @GET
  @Path("renewal-info/{certificateId}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response renewalInfo(@PathParam("certificateId") String certificateId) {
    return Response.ok(
            AcmeJson.renewalInfo(renewals.window(certificateId)).toString(),
            MediaType.APPLICATION_JSON_TYPE)
        .header("Retry-After", RENEWAL_INFO_RETRY_SECONDS)
        .build();
  }

  @HEAD
  @Path("new-nonce")
  public Response headNonce() {
    return nonce(Response.ok());
  }

  @GET
  @Path("new-nonce")
  public Response getNonce() {
    return nonce(Response.noContent());
  }

  private Response nonce(Response.ResponseBuilder builder) {
    return builder
        .header(AcmeResource.REPLAY_NONCE, nonces.issue())
        .header("Cache-Control", "no-store")
        .header("Link", "<" + urls.directory() + ">;rel=\"index\"")
        .build();
  }
}
