package org.pkiaas.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a request body larger than its endpoint accepts with 413 (RFC 9110 §15.5.14) before the
 * body is read: a declared Content-Length is judged at once; a chunked body is read only up to the
 * limit (a chunked form post is refused with 411). WildFly's own {@code max-post-size} is set far
 * above these limits, so that the answer is this 413 and not the listener's bare 400. Each web
 * module subclasses it with its limits and its error language. A body refused by its declared
 * length is never read: the connection is closed after the answer.
 */
public abstract class BodyLimitFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The largest body accepted for this request, in bytes. */
  protected abstract long limit(HttpServletRequest request);

  /**
   * Writes the refusal (413 or 411, already set as the status) in the endpoint's error language.
   */
  protected abstract void refuse(
      HttpServletRequest request, HttpServletResponse response, String detail) throws IOException;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long limit = limit(request);
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      // nothing of the body is read: close the connection rather than drain it
      response.setHeader("Connection", "close");
      refuseWith413(request, response, limit);
      return;
    }
    if (declared < 0 && chunked(request) && formPost(request)) {
      // the container parses form parameters from the original stream, past any limit here;
      // browsers always send a length, so a chunked form is refused (RFC 9110 §15.5.12)
      response.setStatus(411);
      response.setHeader("Connection", "close");
      refuse(request, response, "A form must be sent with a Content-Length");
      return;
    }
    if (declared < 0 && chunked(request)) {
      byte[] body =
          request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (body.length > limit) {
        refuseWith413(request, response, limit);
        return;
      }
      chain.doFilter(new BufferedBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuseWith413(HttpServletRequest request, HttpServletResponse response, long limit)
      throws IOException {
    response.setStatus(413);
    response.setHeader("Cache-Control", "no-store");
    refuse(request, response, "The request body is larger than " + limit + " bytes");
  }

  private static boolean chunked(HttpServletRequest request) {
    String encoding = request.getHeader("Transfer-Encoding");
    return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
  }

  /** Form parameters are read by the container from the original stream, not through a wrapper. */
  private static boolean formPost(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/"));
  }

  /** The request with its body already read (within the limit). */
  private static final class BufferedBody extends HttpServletRequestWrapper {

    private final byte[] body;
    private final ServletInputStream stream;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
      this.stream = stream(new ByteArrayInputStream(body));
    }

    @Override
    public ServletInputStream getInputStream() {
      return stream;
    }

    private static ServletInputStream stream(InputStream in) {
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          try {
            return in.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("blocking reads only");
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
