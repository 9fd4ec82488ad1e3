package org.pkiaas.pki.aia;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.pkiaas.ca.boundary.CaPublication;

/**
 * The CA certificates that AIA caIssuers URLs point to (RFC 5280 §4.2.2.1): DER as {@code
 * application/pkix-cert} (RFC 2585 §4.1), and the chain as PEM. Public, no sign-in.
 */
@Path("ca")
public class CaCertificatesResource {

  static final String PKIX_CERT = "application/pkix-cert";
  static final String PEM_CHAIN = "application/pem-certificate-chain";

  @Inject CaPublication publication;

  @GET
  @Path("{caId}.crt")
  @Produces(PKIX_CERT)
  public Response certificate(@PathParam("caId") String caId) {
    return cached(
        Response.ok(publication.certificate(caId), PKIX_CERT)
            .header("Content-Disposition", "attachment; filename=\"" + caId + ".crt\""));
  }

  @GET
  @Path("{caId}.pem")
  @Produces(PEM_CHAIN)
  public Response chain(@PathParam("caId") String caId) {
    return cached(Response.ok(publication.chainPem(caId), PEM_CHAIN));
  }

  private static Response cached(Response.ResponseBuilder builder) {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(3600);
    return builder.cacheControl(cache).build();
  }
}
