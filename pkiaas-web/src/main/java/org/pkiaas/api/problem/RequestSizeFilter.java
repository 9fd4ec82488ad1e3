package org.pkiaas.api.problem;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pkiaas.problem.BodyLimitFilter;

/**
 * The body limit of the console and the integrator API: 1 MiB, far above any CSR, certificate chain
 * or CPS text they take. Larger bodies get 413 with a problem document, before they are read.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestSizeFilter extends BodyLimitFilter {

  private static final long serialVersionUID = 1L;
  public static final long MAX_BODY_BYTES = 1024 * 1024;

  @Override
  protected long limit(HttpServletRequest request) {
    return MAX_BODY_BYTES;
  }

  @Override
  protected void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    int status = response.getStatus();
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add(
                    "type",
                    "https://pkiaas.org/problems/"
                        + (status == 413 ? "payload-too-large" : "length-required"))
                .add("title", status == 413 ? "Content Too Large" : "Length Required")
                .add("status", status)
                .add("detail", detail)
                .build()
                .toString());
  }
}
