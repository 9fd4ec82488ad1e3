package org.pkiaas.pki.scep;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pkiaas.problem.ForbiddenException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.problem.ThrottledException;
import org.pkiaas.scep.boundary.AppleProfiles;

/**
 * The Apple configuration profile behind a pre-approved request's link (user guide 6.4.3): a signed
 * {@code .mobileconfig} that iOS and macOS install and then enroll with by SCEP. HTTP only; {@link
 * AppleProfiles} decides.
 */
@Path("apple-profiles/{token}.mobileconfig")
public class AppleProfileResource {

  static final String ASPEN_CONFIG = "application/x-apple-aspen-config";

  @Inject AppleProfiles profiles;

  @Context HttpServletRequest http;

  @GET
  public Response get(@PathParam("token") String token) {
    try {
      return Response.ok(profiles.download(token, http.getRemoteAddr()))
          .type(ASPEN_CONFIG)
          .header("Content-Disposition", "attachment; filename=\"pkiaas-scep.mobileconfig\"")
          .header("Cache-Control", "no-store")
          .build();
    } catch (NotFoundException e) {
      return plain(404, e.getMessage());
    } catch (ForbiddenException e) {
      return plain(403, e.getMessage());
    } catch (ThrottledException e) {
      return Response.fromResponse(plain(429, e.getMessage()))
          .header("Retry-After", e.retryAfterSeconds())
          .build();
    }
  }

  private static Response plain(int status, String text) {
    return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(text + "\n").build();
  }
}
