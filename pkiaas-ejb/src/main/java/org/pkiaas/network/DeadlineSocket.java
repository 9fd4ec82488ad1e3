package org.pkiaas.network;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A plain socket whose reads all end by one deadline: before each read the timeout is set to the
 * time left, so a peer that sends a byte now and then cannot hold the connection past it. TLS
 * layered on it ({@code SSLSocketFactory.createSocket(socket, host, port, true)}) reads through the
 * same stream, handshake included.
 */
public final class DeadlineSocket extends Socket {

  private final long deadlineNanos;
  private final long readTimeoutMillis;
  private InputStream in;

  /**
   * @param deadlineNanos a {@link System#nanoTime()} value after which every read fails
   * @param readTimeoutMillis the longest one read may wait, however far the deadline is
   */
  public DeadlineSocket(long deadlineNanos, long readTimeoutMillis) {
    this.deadlineNanos = deadlineNanos;
    this.readTimeoutMillis = readTimeoutMillis;
  }

  /** The milliseconds left before the deadline, at least 1 while any are. */
  public long millisLeft() {
    return (deadlineNanos - System.nanoTime()) / 1_000_000;
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (in == null) {
      in =
          new FilterInputStream(super.getInputStream()) {
            @Override
            public int read() throws IOException {
              beforeRead();
              return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              beforeRead();
              return super.read(b, off, len);
            }
          };
    }
    return in;
  }

  private void beforeRead() throws IOException {
    long left = millisLeft();
    if (left <= 0) {
      throw new SocketTimeoutException("deadline reached");
    }
    setSoTimeout((int) Math.min(readTimeoutMillis, left));
  }
}
