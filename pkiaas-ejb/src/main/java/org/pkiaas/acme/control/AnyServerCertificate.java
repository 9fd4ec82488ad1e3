package org.pkiaas.acme.control;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts whatever certificate a validated host presents. A challenge's proof is in what the host
 * answers, not in its certificate: tls-alpn-01 certificates are self-signed by design (RFC 8737
 * §3), and an http-01 redirect to HTTPS is followed whatever certificate the site has, as Let's
 * Encrypt does.
 */
final class AnyServerCertificate extends X509ExtendedTrustManager {

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {
    // never used as a server
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    // the challenge's answer is the proof
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    // never used as a server
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    // the challenge's answer is the proof
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    // never used as a server
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    // the challenge's answer is the proof
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
