package org.pkiaas.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A tls-alpn-01 responder (RFC 8737) on the port the server validates against: it speaks only
 * {@code acme-tls/1} and presents the validation certificate it was last given.
 */
final class TlsAlpnResponder {

  private static volatile SSLContext current;
  private static boolean started;

  private TlsAlpnResponder() {}

  /** Presents {@code certificate} (made with acme4j for the challenge) from now on. */
  static synchronized void present(X509Certificate certificate, KeyPair key) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "validation", key.getPrivate(), new char[0], new X509Certificate[] {certificate});
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, new char[0]);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      current = context;
      if (!started) {
        ServerSocket server = new ServerSocket();
        server.bind(
            new InetSocketAddress(
                InetAddress.getLoopbackAddress(),
                Integer.getInteger("pkiaas.it.acme.tlsalpn01-port", 5104)));
        Thread thread = new Thread(() -> serve(server), "test-tls-alpn");
        thread.setDaemon(true);
        thread.start();
        started = true;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void serve(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket raw = server.accept();
          SSLSocket tls =
              (SSLSocket)
                  current.getSocketFactory().createSocket(raw, null, raw.getPort(), false)) {
        tls.setUseClientMode(false);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"acme-tls/1"});
        tls.setSSLParameters(parameters);
        tls.startHandshake();
      } catch (IOException e) {
        // a failed handshake ends that connection only
      }
    }
  }
}
