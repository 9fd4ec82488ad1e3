package org.pkiaas.pki;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pkiaas.problem.BodyLimitFilter;

/**
 * The body limit of every protocol endpoint, answered before the body is read: OCSP requests stop
 * at 16 KiB (their codec refuses more anyway), everything else (ACME JWS, SCEP, TSP) at 256 KiB,
 * far above a post-quantum CSR with its chain. 413 with a problem document (ACME's {@code
 * malformed} under /acme, RFC 8555 §6.7).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestSizeFilter extends BodyLimitFilter {

  private static final long serialVersionUID = 1L;
  static final long MAX_OCSP_BYTES = 16 * 1024;
  static final long MAX_BODY_BYTES = 256 * 1024;

  @Override
  protected long limit(HttpServletRequest request) {
    return path(request).startsWith("/ocsp/") ? MAX_OCSP_BYTES : MAX_BODY_BYTES;
  }

  @Override
  protected void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    int status = response.getStatus();
    String type =
        path(request).startsWith("/acme/")
            ? "urn:ietf:params:acme:error:malformed"
            : "https://pkiaas.org/problems/"
                + (status == 413 ? "payload-too-large" : "length-required");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("type", type)
                .add("status", status)
                .add("detail", detail)
                .build()
                .toString());
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
