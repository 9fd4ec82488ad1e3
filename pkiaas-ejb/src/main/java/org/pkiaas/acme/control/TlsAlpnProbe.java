package org.pkiaas.acme.control;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.network.DeadlineSocket;

/**
 * One tls-alpn-01 look (RFC 8737 §3, RFC 8738 §6): a TLS handshake offering only the {@code
 * acme-tls/1} protocol, then the self-signed certificate presented is read. Its issuer is
 * deliberately not checked: the proof is the acmeIdentifier extension, not a chain. The whole look,
 * handshake included, ends after {@value #BUDGET_MILLIS} ms; what went wrong is told without the
 * network's or the TLS library's error text, and a certificate that cannot be read is a failure.
 */
final class TlsAlpnProbe {

  static final String ACME_TLS_1 = "acme-tls/1";

  /** id-pe-acmeIdentifier (RFC 8737 §6.1). */
  static final ASN1ObjectIdentifier ACME_IDENTIFIER =
      new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.31");

  private static final int TIMEOUT_MILLIS = 10_000;
  private static final int BUDGET_MILLIS = 30_000;

  private TlsAlpnProbe() {}

  static ChallengeChecks.Failure check(
      InetAddress address, int port, String identifier, boolean ip, byte[] expectedDigest) {
    String where = address.getHostAddress() + ":" + port;
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AnyServerCertificate()}, null);
      DeadlineSocket plain =
          new DeadlineSocket(System.nanoTime() + BUDGET_MILLIS * 1_000_000L, TIMEOUT_MILLIS);
      try {
        plain.connect(new InetSocketAddress(address, port), TIMEOUT_MILLIS);
      } catch (IOException e) {
        plain.close();
        throw e;
      }
      try (SSLSocket socket =
          (SSLSocket)
              context
                  .getSocketFactory()
                  .createSocket(plain, address.getHostAddress(), port, true)) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(ip ? reverseName(address) : identifier)));
        parameters.setApplicationProtocols(new String[] {ACME_TLS_1});
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        if (!ACME_TLS_1.equals(socket.getApplicationProtocol())) {
          return new ChallengeChecks.Failure(
              "tls", where + " did not negotiate the acme-tls/1 protocol");
        }
        X509Certificate certificate =
            (X509Certificate) socket.getSession().getPeerCertificates()[0];
        return inspect(
            new X509CertificateHolder(certificate.getEncoded()),
            identifier,
            ip,
            address,
            expectedDigest,
            where);
      }
    } catch (IOException e) {
      return new ChallengeChecks.Failure(
          "connection", "The TLS handshake with " + where + " failed");
    } catch (GeneralSecurityException | RuntimeException e) {
      return new ChallengeChecks.Failure(
          "tls", "The certificate from " + where + " could not be read");
    }
  }

  static ChallengeChecks.Failure inspect(
      X509CertificateHolder certificate,
      String identifier,
      boolean ip,
      InetAddress address,
      byte[] expectedDigest,
      String where)
      throws IOException {
    Extension acme = certificate.getExtension(ACME_IDENTIFIER);
    if (acme == null || !acme.isCritical()) {
      return new ChallengeChecks.Failure(
          "incorrectResponse",
          "The certificate from " + where + " has no critical acmeIdentifier extension");
    }
    byte[] digest;
    try {
      digest = ASN1OctetString.getInstance(acme.getParsedValue()).getOctets();
    } catch (IllegalArgumentException e) {
      return new ChallengeChecks.Failure(
          "incorrectResponse", "The acmeIdentifier from " + where + " is not an OCTET STRING");
    }
    if (!MessageDigest.isEqual(digest, expectedDigest)) {
      return new ChallengeChecks.Failure(
          "incorrectResponse",
          "The acmeIdentifier from " + where + " is not the key authorization's digest");
    }
    GeneralNames names =
        GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName);
    GeneralName expected =
        ip
            ? new GeneralName(GeneralName.iPAddress, new DEROctetString(address.getAddress()))
            : new GeneralName(GeneralName.dNSName, identifier.toLowerCase(Locale.ROOT));
    boolean exactlyThat =
        names != null
            && names.getNames().length == 1
            && (ip
                ? names.getNames()[0].equals(expected)
                : names.getNames()[0].getTagNo() == GeneralName.dNSName
                    && names.getNames()[0].getName().toString().equalsIgnoreCase(identifier));
    if (!exactlyThat) {
      return new ChallengeChecks.Failure(
          "incorrectResponse",
          "The certificate from " + where + " must name exactly " + identifier);
    }
    return null;
  }

  /** The reverse-mapping name an IP address is asked for by SNI (RFC 8738 §6). */
  static String reverseName(InetAddress address) {
    byte[] bytes = address.getAddress();
    StringBuilder name = new StringBuilder();
    if (address instanceof Inet4Address) {
      for (int i = bytes.length - 1; i >= 0; i--) {
        name.append(bytes[i] & 0xff).append('.');
      }
      return name.append("in-addr.arpa").toString();
    }
    for (int i = bytes.length - 1; i >= 0; i--) {
      name.append(Character.forDigit(bytes[i] & 0xf, 16))
          .append('.')
          .append(Character.forDigit((bytes[i] >> 4) & 0xf, 16))
          .append('.');
    }
    return name.append("ip6.arpa").toString();
  }
}
