package org.pkiaas.pki.aia;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.pkiaas.config.InstallationCa;

/**
 * The installation CA's certificate (PEM), on plain HTTP beside the CA certificates, so that a
 * client can fetch what it must trust for HTTPS and compare its fingerprint with the one the start
 * banner printed. 404 when the HTTPS certificate does not come from an installation CA.
 */
@Path("installation-ca.pem")
public class InstallationCaResource {

  static final String PEM = "application/x-pem-file";

  @Inject InstallationCa installationCa;

  @GET
  public Response certificate() {
    return installationCa
        .pem()
        .map(pem -> Response.ok(pem, PEM).build())
        .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
  }
}
