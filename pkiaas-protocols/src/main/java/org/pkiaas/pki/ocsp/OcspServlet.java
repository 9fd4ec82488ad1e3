package org.pkiaas.pki.ocsp;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.pkiaas.ocsp.boundary.OcspAnswer;
import org.pkiaas.ocsp.boundary.OcspResponder;

/**
 * The OCSP responder URL that AIA names (RFC 6960 Appendix A): {@code POST /pki/ocsp/{caId}} with a
 * DER request, and {@code GET /pki/ocsp/{caId}/{url-encoded base64 request}}. A plain servlet, the
 * shortest path to the responder. Successful GET answers without a nonce carry the RFC 5019 §6.2
 * caching headers, consistent with the response's thisUpdate and nextUpdate; whatever a client
 * sends, the answer is an OCSP response (malformedRequest, unauthorized), never an HTML error.
 */
@WebServlet(urlPatterns = "/ocsp/*")
public class OcspServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  static final String OCSP_RESPONSE = "application/ocsp-response";

  @Inject transient OcspResponder responder;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String caId = caId(request);
    if (caId == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    byte[] body =
        readAtMost(
            request.getInputStream(),
            request.getContentLength(),
            OcspResponder.MAX_REQUEST_BYTES + 1);
    OcspAnswer answer = responder.answer(caId, body);
    response.setHeader("Cache-Control", "no-store");
    write(answer, response);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String caId = caId(request);
    String encoded = encodedRequest(request);
    if (caId == null || encoded == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(percentDecode(encoded));
    } catch (IllegalArgumentException e) {
      der = new byte[0]; // the responder answers malformedRequest
    }
    OcspAnswer answer = responder.answer(caId, der);
    if (answer.cacheable()) {
      Instant now = Instant.now();
      long maxAge = Math.max(0, Duration.between(now, answer.nextUpdate()).getSeconds());
      String tag = answer.entityTag();
      response.setHeader(
          "Cache-Control", "max-age=" + maxAge + ", public, no-transform, must-revalidate");
      response.setDateHeader("Last-Modified", answer.thisUpdate().toEpochMilli());
      response.setDateHeader("Expires", answer.nextUpdate().toEpochMilli());
      response.setHeader("ETag", tag);
      if (tag.equals(request.getHeader("If-None-Match"))) {
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return;
      }
    } else {
      response.setHeader("Cache-Control", "no-store");
    }
    write(answer, response);
  }

  private static void write(OcspAnswer answer, HttpServletResponse response) throws IOException {
    response.setContentType(OCSP_RESPONSE);
    response.setContentLength(answer.der().length);
    response.getOutputStream().write(answer.der());
  }

  /** The first segment after /ocsp/, from the raw URI. */
  private static String caId(HttpServletRequest request) {
    String[] segments = segments(request);
    return segments.length >= 1 && !segments[0].isEmpty() ? segments[0] : null;
  }

  /**
   * Everything after /ocsp/{caId}/, raw: base64 may hold '/' whether or not the client escaped it.
   */
  private static String encodedRequest(HttpServletRequest request) {
    String[] segments = segments(request);
    return segments.length == 2 && !segments[1].isEmpty() ? segments[1] : null;
  }

  private static String[] segments(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String prefix = request.getContextPath() + request.getServletPath() + "/";
    if (!uri.startsWith(prefix)) {
      return new String[0];
    }
    return uri.substring(prefix.length()).split("/", 2);
  }

  /** Percent-decoding that leaves '+' alone: it is a base64 character here, not a space. */
  static String percentDecode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length()) {
        out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The body, or its first {@code limit} bytes: read straight into an array of its declared length
   * when it has one within the limit, else in chunks.
   */
  static byte[] readAtMost(InputStream in, int contentLength, int limit) throws IOException {
    if (contentLength >= 0 && contentLength <= limit) {
      return in.readNBytes(contentLength);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    int n;
    while ((n = in.read(buffer)) > 0) {
      out.write(buffer, 0, n);
      if (out.size() >= limit) {
        break;
      }
    }
    return out.toByteArray();
  }
}
