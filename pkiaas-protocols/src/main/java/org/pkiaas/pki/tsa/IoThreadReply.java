package org.pkiaas.pki.tsa;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends a time-stamp reply that is already whole with the Servlet API's non-blocking output
 * (Jakarta Servlet 6.0 §5.7), so that the request ends on the connection's I/O thread rather than
 * on the request thread.
 *
 * <p>Why: with a blocking write, the request thread flushes the answer and then hands the
 * connection back to Undertow (2.3) for its next request. A client on a kept-alive connection sends
 * that request as soon as it has read the answer; the I/O thread that reads it finds the hand-over
 * under way and spins on a compare-and-set until the request thread finishes it. On a machine with
 * fewer cores than busy threads the request thread is often descheduled in that window: a profile
 * of refused time-stamp and OCSP requests had 40–50 % of their samples in that spin. Ended on the
 * I/O thread itself, the hand-over has no second thread to wait for.
 *
 * <p>The asynchronous hand-off has a price of its own. Measured back to back under the same load
 * (docs/BENCHMARKS.md, "Time stamps" and "Revocation status", 2026-12-04): a signed time-stamp
 * token cost the server 0.25 ms of CPU instead of 0.33 ms, a refused time-stamp request 0.11 ms
 * instead of 0.08 ms; OCSP answers, signed or cached, were no cheaper (a cached GET 0.06–0.08 ms
 * against 0.07 ms), so the OCSP servlet keeps its plain write, and this class stays with its one
 * user. Measure before giving it another.
 */
final class IoThreadReply {

  private IoThreadReply() {}

  /**
   * Writes {@code body} as the whole response (its status and headers already set) and ends the
   * request; the servlet must support asynchronous processing.
   */
  static void send(HttpServletRequest request, HttpServletResponse response, byte[] body)
      throws IOException {
    response.setContentLength(body.length);
    AsyncContext async = request.startAsync();
    ServletOutputStream out = response.getOutputStream();
    out.setWriteListener(new Writer(async, out, body));
  }

  /** Writes the body once the stream is ready, and ends the request once it has all gone out. */
  private static final class Writer implements WriteListener {

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final byte[] body;
    private boolean written;

    Writer(AsyncContext async, ServletOutputStream out, byte[] body) {
      this.async = async;
      this.out = out;
      this.body = body;
    }

    @Override
    public void onWritePossible() throws IOException {
      if (!written) {
        written = true;
        out.write(body);
      }
      if (out.isReady()) {
        async.complete();
      }
    }

    @Override
    public void onError(Throwable failure) {
      // the client went away: nothing more can reach it
      async.complete();
    }
  }
}
