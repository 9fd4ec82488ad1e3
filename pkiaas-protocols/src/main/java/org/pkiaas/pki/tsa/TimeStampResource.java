package org.pkiaas.pki.tsa;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.pkiaas.problem.ThrottledException;
import org.pkiaas.tsa.boundary.FailInfo;
import org.pkiaas.tsa.boundary.TimeStampAuthority;
import org.pkiaas.tsa.boundary.TimeStampRejected;

/**
 * A CA's time-stamping URL, {@code /pki/tsa/{caId}}, for both protocols clients speak, told apart
 * by the request's media type as public TSAs do on one host: RFC 3161 over HTTP (§3.4, {@code
 * application/timestamp-query} in, {@code application/timestamp-reply} out, every refusal a
 * TimeStampResp with status rejection) and Microsoft's legacy Authenticode protocol ({@code
 * application/octet-stream}, base64 both ways; a refusal is an HTTP 400 with the reason). HTTP
 * only; {@link TimeStampAuthority} decides.
 */
@Path("tsa/{caId}")
public class TimeStampResource {

  static final String TIMESTAMP_QUERY = "application/timestamp-query";
  static final String TIMESTAMP_REPLY = "application/timestamp-reply";

  /** The name some older clients use for RFC 3161 requests. */
  static final String TIMESTAMP_REQUEST = "application/timestamp-request";

  @Inject TimeStampAuthority tsa;

  @Context HttpServletRequest http;

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response stamp(
      @PathParam("caId") String caId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      byte[] body) {
    String type = mediaType(contentType);
    try {
      if (TIMESTAMP_QUERY.equals(type) || TIMESTAMP_REQUEST.equals(type)) {
        return Response.ok(tsa.rfc3161(caId, body, http.getRemoteAddr()))
            .type(TIMESTAMP_REPLY)
            .header("Cache-Control", "no-store")
            .build();
      }
      if (MediaType.APPLICATION_OCTET_STREAM.equals(type)) {
        return Response.ok(tsa.authenticode(caId, body, http.getRemoteAddr()))
            .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
            .header("Cache-Control", "no-store")
            .build();
      }
      return plain(
          Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode(),
          "Send an RFC 3161 request as "
              + TIMESTAMP_QUERY
              + " or an Authenticode request as application/octet-stream");
    } catch (TimeStampRejected e) {
      int status =
          e.failInfo() == FailInfo.SYSTEM_FAILURE
              ? Response.Status.SERVICE_UNAVAILABLE.getStatusCode()
              : Response.Status.BAD_REQUEST.getStatusCode();
      return plain(status, e.failInfo().rfcName() + ": " + e.getMessage());
    } catch (ThrottledException e) {
      return Response.fromResponse(plain(429, e.getMessage()))
          .header("Retry-After", e.retryAfterSeconds())
          .build();
    }
  }

  /** The media type without parameters, lower case; empty when absent. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  private static Response plain(int status, String text) {
    return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(text + "\n").build();
  }
}
