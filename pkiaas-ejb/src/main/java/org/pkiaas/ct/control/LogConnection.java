package org.pkiaas.ct.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;

/**
 * One connection to a CT log, cleartext or TLS, and the bytes read from it but not yet used: writes
 * a request and reads the answer to it (RFC 9112 §4–§7: the status line, the head, and a body
 * delimited by its length, by chunks or by the end of the connection). Each read waits at most
 * until the submission's deadline; past it, reads of a millisecond take what has already arrived,
 * for at most {@link #GRACE} more (counted from when the answer began to be read, when that was
 * after the deadline). A TLS read may read its socket several times, and a TLS handshake many, so a
 * TLS connection also has a guard, armed while it is in use, that closes its socket at the same
 * cut-off. The answer's head and body are bounded too ({@value #MAX_HEAD_BYTES} bytes, {@link
 * CtJson#MAX_ANSWER_BYTES}); a connection is kept for another request only when its answer was
 * framed without doubt and nothing follows it. One thread at a time uses a connection.
 */
final class LogConnection {

  private static final int MAX_HEAD_BYTES = 16 * 1024;

  /** How long past its deadline an answer may still be read, when its bytes keep coming. */
  static final Duration GRACE = Duration.ofMillis(500);

  private final Socket raw;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[4096];
  private int start;
  private int end;
  private long read;
  private long cutoff;
  private volatile ScheduledFuture<?> guard;
  long idleSince;

  /**
   * @param raw the connected socket
   * @param socket {@code raw}, or the TLS socket layered over it
   */
  LogConnection(Socket raw, Socket socket) throws IOException {
    this.raw = raw;
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Completes the TLS handshake, waiting at most until {@code due} (and the guard's grace). */
  void handshake(long due) throws IOException {
    socket.setSoTimeout(CtLogClient.millis(due - System.nanoTime()));
    ((SSLSocket) socket).startHandshake();
  }

  /**
   * For a TLS connection, closes its socket at {@code until} and the grace unless {@link
   * #unguard()} comes first: that ends any read, write or handshake still waiting then. A cleartext
   * connection needs no guard: its reads wait no longer than their socket timeouts, and its one
   * write of a request of a few KiB fits the socket's send buffer.
   */
  void guard(ScheduledExecutorService watchdog, long until) {
    if (raw != socket) {
      unguard();
      guard =
          watchdog.schedule(
              this::closeQuietly,
              until - System.nanoTime() + GRACE.toNanos(),
              TimeUnit.NANOSECONDS);
    }
  }

  void unguard() {
    ScheduledFuture<?> set = guard;
    if (set != null) {
      set.cancel(false);
      guard = null;
    }
  }

  void send(byte[] request) throws IOException {
    out.write(request);
    out.flush();
  }

  boolean nothingRead() {
    return read == 0;
  }

  /** The next answer (RFC 9112 §4–§7), skipping interim 1xx ones. */
  Response response(long due) throws IOException {
    read = 0;
    // an answer read late, after other logs', still has the grace from now: it may have arrived
    // in time while this thread read the others
    cutoff = Math.max(due, System.nanoTime()) + GRACE.toNanos();
    while (true) {
      String statusLine = line(due);
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
        throw new LogFailure("no proper HTTP answer: not an HTTP/1.1 answer");
      }
      int status;
      try {
        status = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new LogFailure("no proper HTTP answer: not an HTTP status");
      }
      long length = -1;
      String codings = null;
      boolean close = parts[0].equals("HTTP/1.0");
      int headBytes = statusLine.length();
      for (String header = line(due); !header.isEmpty(); header = line(due)) {
        headBytes += header.length();
        if (headBytes > MAX_HEAD_BYTES) {
          throw new LogFailure("no proper HTTP answer: the answer's head is too long");
        }
        int colon = header.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-length" -> length = AnswerFraming.contentLength(value, length);
          case "transfer-encoding" -> codings = codings == null ? value : codings + "," + value;
          case "connection" ->
              close = value.contains("close") || (close && !value.contains("keep-alive"));
          default -> {
            // not needed
          }
        }
      }
      if (status >= 100 && status < 200 && status != 101) {
        continue; // interim answer (RFC 9110 §15.2); the final one follows
      }
      if (status == 101) {
        throw new LogFailure("no proper HTTP answer: the log switched protocols");
      }
      if (status == 204 || status == 304) {
        return new Response(status, "", !close);
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      boolean chunked = codings != null && AnswerFraming.lastCoding(codings).equals("chunked");
      if (codings != null && length >= 0) {
        close = true; // both: framed by the codings, and the connection not trusted further (§6.3)
      }
      if (chunked) {
        for (long size = AnswerFraming.chunkSize(line(due));
            size > 0;
            size = AnswerFraming.chunkSize(line(due))) {
          copy(size, body, due);
          if (!line(due).isEmpty()) {
            throw new LogFailure("no proper HTTP answer: a chunk does not end where its size says");
          }
        }
        while (!line(due).isEmpty()) {
          // trailer fields, not needed
        }
      } else if (length >= 0 && codings == null) {
        copy(length, body, due);
      } else {
        do { // the body ends with the connection (RFC 9112 §6.3, items 3 and 8)
          copy(end - start, body, due);
        } while (fill(due));
        close = true;
      }
      // bytes after the answer frame nothing this client asked for: the connection is not kept
      return new Response(status, body.toString(StandardCharsets.UTF_8), !close && start == end);
    }
  }

  private void copy(long count, ByteArrayOutputStream body, long due) throws IOException {
    if (count > CtJson.MAX_ANSWER_BYTES - body.size()) {
      throw new LogFailure("the answer is longer than " + CtJson.MAX_ANSWER_BYTES + " bytes");
    }
    long left = count;
    while (left > 0) {
      if (start == end && !fill(due)) {
        throw new LogFailure("no proper HTTP answer: the connection closed within the answer");
      }
      int n = (int) Math.min(left, end - start);
      body.write(buffer, start, n);
      start += n;
      left -= n;
    }
  }

  /** A line ending in CRLF (or LF), without it. */
  private String line(long due) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      if (start == end && !fill(due)) {
        throw new LogFailure("no proper HTTP answer: the connection closed within the answer");
      }
      byte b = buffer[start++];
      if (b == '\n') {
        int length = line.length();
        return length > 0 && line.charAt(length - 1) == '\r'
            ? line.substring(0, length - 1)
            : line.toString();
      }
      if (line.length() >= MAX_HEAD_BYTES) {
        throw new LogFailure("no proper HTTP answer: a line of the answer's head is too long");
      }
      line.append((char) (b & 0xff));
    }
  }

  /**
   * Reads what has arrived, waiting at most until {@code due}; past it, a millisecond at a time
   * until the cut-off (the grace after the deadline, or after the answer began to be read if that
   * was later), so that an answer that came in while the caller read another log's is still taken,
   * and a log still sending is not waited for.
   *
   * @return false at the end of the stream
   */
  private boolean fill(long due) throws IOException {
    long now = System.nanoTime();
    if (now - cutoff >= 0) {
      throw new SocketTimeoutException();
    }
    long left = due - now;
    socket.setSoTimeout(CtLogClient.millis(left));
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      return false;
    }
    start = 0;
    end = n;
    read += n;
    return true;
  }

  void closeQuietly() {
    unguard();
    // the connected socket, not the TLS one: a TLS close could wait on a read under way
    close(raw);
  }

  static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to keep
    }
  }

  /** A log's answer: its status and body, and whether its connection can take another request. */
  record Response(int status, String body, boolean reusable) {}
}
