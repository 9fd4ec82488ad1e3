package org.pkiaas.tls;

import java.net.Socket;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactorySpi;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A JCA provider with one trust manager factory, {@code PKIaaSClientCertificates}, for the HTTPS
 * listener that requests (never requires) a client certificate. Its trust manager lets any client
 * certificate through the handshake, whose CertificateVerify message still proves that the client
 * holds the certificate's key (RFC 8446 §4.4.3, RFC 5246 §7.4.8); the application decides what the
 * certificate is worth against its own CAs and their revocation state, per request (EST, RFC 7030
 * §3.3.2). Trusting a fixed set of anchors here instead would need a server reload for every CA an
 * operator creates. It trusts no server: the listener never acts as a TLS client.
 */
public final class ClientCertificates extends Provider {

  private static final long serialVersionUID = 1L;

  public static final String ALGORITHM = "PKIaaSClientCertificates";

  public ClientCertificates() {
    super("PKIaaS-TLS", "1.0", "PKIaaS: client certificates checked by the application");
    putService(
        new Service(this, "TrustManagerFactory", ALGORITHM, Factory.class.getName(), null, null));
  }

  /** The factory; the key store it is given holds no trust anchors it needs. */
  public static final class Factory extends TrustManagerFactorySpi {

    @Override
    protected void engineInit(KeyStore keyStore) {
      // nothing to read: the application checks client certificates
    }

    @Override
    protected void engineInit(ManagerFactoryParameters parameters) {
      // nothing to read: the application checks client certificates
    }

    @Override
    protected TrustManager[] engineGetTrustManagers() {
      return new TrustManager[] {new Handshake()};
    }
  }

  /** Accepts a client's chain for the handshake; refuses every server. */
  static final class Handshake extends X509ExtendedTrustManager {

    private static void client(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0) {
        throw new CertificateException("An empty client certificate chain");
      }
    }

    private static CertificateException noServer() {
      return new CertificateException("This trust manager trusts no TLS server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      client(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      client(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      client(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw noServer();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw noServer();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw noServer();
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
