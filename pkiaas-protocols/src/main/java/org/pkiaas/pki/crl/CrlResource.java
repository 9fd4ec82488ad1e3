package org.pkiaas.pki.crl;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.pkiaas.crl.boundary.CrlDocument;
import org.pkiaas.crl.boundary.CrlService;

/**
 * The CRLs that CRL distribution points name (RFC 5280 §4.2.1.13): DER as {@code
 * application/pkix-crl} (RFC 2585 §4.2). Public, no sign-in. Shared caches may keep a CRL for a
 * minute at most, since a revocation must show quickly; clients revalidate with the entity tag.
 */
@Path("crl")
public class CrlResource {

  static final String PKIX_CRL = "application/pkix-crl";
  private static final int SHARED_MAX_AGE = 60;

  @Inject CrlService crls;

  @GET
  @Path("{caId}.crl")
  @Produces(PKIX_CRL)
  public Response complete(@PathParam("caId") String caId, @Context Request request) {
    return serve(crls.complete(caId), request, caId + ".crl");
  }

  @GET
  @Path("{caId}-delta.crl")
  @Produces(PKIX_CRL)
  public Response delta(@PathParam("caId") String caId, @Context Request request) {
    return serve(crls.delta(caId), request, caId + "-delta.crl");
  }

  private static Response serve(CrlDocument crl, Request request, String filename) {
    EntityTag tag = new EntityTag(crl.entityTag().replace("\"", ""));
    CacheControl cache = new CacheControl();
    long untilNext = Duration.between(Instant.now(), crl.nextUpdate()).getSeconds();
    cache.setMaxAge((int) Math.max(0, Math.min(SHARED_MAX_AGE, untilNext)));
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    if (unchanged != null) {
      return unchanged.cacheControl(cache).build();
    }
    StreamingOutput body = crl::writeTo;
    return Response.ok(body, PKIX_CRL)
        .tag(tag)
        .lastModified(Date.from(crl.thisUpdate()))
        .cacheControl(cache)
        .header("Content-Length", crl.size())
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .build();
  }
}
