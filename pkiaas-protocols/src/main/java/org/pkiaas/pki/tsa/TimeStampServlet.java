package org.pkiaas.pki.tsa;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.problem.PlainText;
import org.pkiaas.problem.ThrottledException;
import org.pkiaas.tsa.boundary.FailInfo;
import org.pkiaas.tsa.boundary.TimeStampAuthority;
import org.pkiaas.tsa.boundary.TimeStampRejected;
import org.pkiaas.tsa.control.TimeStampCodec;

/**
 * A CA's time-stamping URL, {@code POST /pki/tsa/{caId}}, for both protocols clients speak, told
 * apart by the request's media type as public TSAs do on one host: RFC 3161 over HTTP (§3.4, {@code
 * application/timestamp-query} in, {@code application/timestamp-reply} out, every refusal a
 * TimeStampResp with status rejection) and Microsoft's legacy Authenticode protocol ({@code
 * application/octet-stream}, base64 both ways; a refusal is an HTTP 400 with the reason). An
 * unknown or disabled CA is a plain 404, a client over its rate limit a 429 with Retry-After. HTTP
 * only; {@link TimeStampAuthority} decides.
 *
 * <p>A plain servlet, like the OCSP responder's: a token costs about a tenth of a millisecond to
 * sign, and JAX-RS's per-request work (a resource instance, context proxies, validation, config
 * lookups) cost a third as much again (docs/BENCHMARKS.md, "Time stamps").
 */
@WebServlet(urlPatterns = "/tsa/*", asyncSupported = true)
public class TimeStampServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String TIMESTAMP_QUERY = "application/timestamp-query";
  static final String TIMESTAMP_REPLY = "application/timestamp-reply";
  static final String OCTET_STREAM = "application/octet-stream";

  /** The name some older clients use for RFC 3161 requests. */
  static final String TIMESTAMP_REQUEST = "application/timestamp-request";

  /**
   * The longest body read: an Authenticode request is base64 of at most twice an RFC 3161 request's
   * bound; a longer one is read this far and refused by its codec.
   */
  static final int MAX_BODY_BYTES = 4 * TimeStampCodec.MAX_REQUEST_BYTES;

  @Inject transient TimeStampAuthority tsa;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String caId = caId(request);
    if (caId == null) {
      PlainText.answer(response, HttpServletResponse.SC_NOT_FOUND, "Not found");
      return;
    }
    String type = mediaType(request.getContentType());
    boolean rfc3161 = TIMESTAMP_QUERY.equals(type) || TIMESTAMP_REQUEST.equals(type);
    if (!rfc3161 && !OCTET_STREAM.equals(type)) {
      PlainText.answer(
          response,
          HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
          "Send an RFC 3161 request as "
              + TIMESTAMP_QUERY
              + " or an Authenticode request as "
              + OCTET_STREAM);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    String client = request.getRemoteAddr();
    try {
      if (rfc3161) {
        write(request, response, TIMESTAMP_REPLY, tsa.rfc3161(caId, body, client));
      } else {
        write(request, response, OCTET_STREAM, tsa.authenticode(caId, body, client));
      }
    } catch (TimeStampRejected e) {
      int status =
          e.failInfo() == FailInfo.SYSTEM_FAILURE
              ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
              : HttpServletResponse.SC_BAD_REQUEST;
      PlainText.answer(response, status, e.failInfo().rfcName() + ": " + e.getMessage());
    } catch (NotFoundException e) {
      PlainText.answer(response, HttpServletResponse.SC_NOT_FOUND, "Not found");
    } catch (ThrottledException e) {
      response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      PlainText.answer(response, 429, e.getMessage());
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

  /** The one segment after /tsa/, or null when there is none or more than one. */
  static String caId(HttpServletRequest request) {
    String path = request.getPathInfo();
    if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
      return null;
    }
    return path.substring(1);
  }

  private static void write(
      HttpServletRequest request, HttpServletResponse response, String type, byte[] body)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    response.setContentType(type);
    IoThreadReply.send(request, response, body);
  }
}
