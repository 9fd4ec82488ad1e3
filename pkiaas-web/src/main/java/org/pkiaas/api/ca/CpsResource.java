package org.pkiaas.api.ca;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.pkiaas.api.security.Public;
import org.pkiaas.ca.boundary.CaPublication;
import org.pkiaas.ca.boundary.ServiceUrls;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.config.PkiaasConfig;

/**
 * What a CA publishes on its CPS page, for anyone: its name, subject, practice statement and
 * service URLs.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class CpsResource {

  public record PublicCa(
      String id, String name, String subject, String cpsText, String cpsUrl, ServiceUrls urls) {}

  @Inject CaPublication publication;

  @Inject PkiaasConfig config;

  @GET
  @Path("cas/{caId}/cps")
  @Public
  public PublicCa cps(@PathParam("caId") String caId) {
    CertificateAuthority ca = publication.publicView(caId);
    return new PublicCa(
        ca.id(),
        ca.name(),
        ca.subjectDn(),
        ca.cpsText(),
        ca.cpsUrl(),
        ServiceUrls.of(config.pkiUrl(), ca));
  }

  /**
   * The addresses a CA's certificates carry (AIA, CRL, OCSP, ACME, SCEP); public, as those
   * addresses are.
   */
  @GET
  @Path("cas/{caId}/urls")
  @Public
  public ServiceUrls urls(@PathParam("caId") String caId) {
    return ServiceUrls.of(config.pkiUrl(), publication.publicView(caId));
  }
}
