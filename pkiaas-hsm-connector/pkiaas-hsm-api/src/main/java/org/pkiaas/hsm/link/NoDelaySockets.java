package org.pkiaas.hsm.link;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets to the broker with Nagle's algorithm off (RFC 896; {@code TCP_NODELAY}). A
 * signing request and its answer are a few hundred bytes each; with Nagle on, a message written
 * while the previous one is still unacknowledged waits for the peer's delayed ACK (40 ms on Linux),
 * on each of the four hops of a round trip. Paho's default factory leaves Nagle on.
 */
public final class NoDelaySockets extends SocketFactory {

  public static final NoDelaySockets INSTANCE = new NoDelaySockets();

  private NoDelaySockets() {}

  /**
   * The factory for a broker URL: this one for {@code tcp://}; {@code null} (Paho's own) for any
   * other scheme, whose TLS or WebSocket transport needs a factory of its kind.
   */
  public static SocketFactory forBroker(String brokerUrl) {
    return brokerUrl != null && brokerUrl.startsWith("tcp://") ? INSTANCE : null;
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new Socket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return noDelay(new Socket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(new Socket(address, port, localAddress, localPort));
  }
}
