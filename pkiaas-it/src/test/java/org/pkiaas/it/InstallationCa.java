package org.pkiaas.it;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The installation CA a server's HTTPS certificate comes from (wildfly-config/https-keystore.sh),
 * as a client's only trust anchor: TLS to the server works with it and with nothing else.
 */
final class InstallationCa {

  private InstallationCa() {}

  /** The test servers' installation CA (prepare-servers.sh makes it). */
  static Path ofTestServers() {
    return Path.of(System.getProperty("pkiaas.it.servers", "target/servers"))
        .resolve("tls/installation-ca.pem")
        .toAbsolutePath();
  }

  /** An SSL context that trusts the CA in {@code pem} and nothing else. */
  static SSLContext trustingOnly(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      return trustingOnly(
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
    } catch (Exception e) {
      throw new IllegalStateException("cannot trust " + pem, e);
    }
  }

  /** An SSL context that trusts {@code ca} and nothing else. */
  static SSLContext trustingOnly(X509Certificate ca) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("installation-ca", ca);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException("cannot trust " + ca.getSubjectX500Principal(), e);
    }
  }
}
