package org.pkiaas.pki.acme;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pkiaas.acme.boundary.AcmeNonces;

/** The ACME directory (RFC 8555 §7.1.1), one for all tenants, and newNonce (§7.2). */
@Path("acme")
public class AcmeDirectoryResource {

    @Inject
    AcmeUrls urls;

    @Inject
    AcmeNonces nonces;

    @GET
    @Path("directory")
    @Produces(MediaType.APPLICATION_JSON)
    public Response directory() {
        return Response.ok(AcmeJson.directory(urls).toString(), MediaType.APPLICATION_JSON_TYPE).build();
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
        return builder.header(AcmeResource.REPLAY_NONCE, nonces.issue()).header("Cache-Control", "no-store")
                .header("Link", "<" + urls.directory() + ">;rel=\"index\"").build();
    }
}
