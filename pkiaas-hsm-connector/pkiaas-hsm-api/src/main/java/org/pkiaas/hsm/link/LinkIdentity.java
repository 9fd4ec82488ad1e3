package org.pkiaas.hsm.link;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One end's link credential: a software EC key and its certificate. The server's is long-lived and
 * pinned in each agent at provisioning; an agent's is short-lived and certified by the CA key on
 * the token ({@link AgentIdentityCertificates}).
 *
 * @param privateKey signs outgoing messages and opens incoming ones
 * @param certificate names the key to the other end
 */
public record LinkIdentity(PrivateKey privateKey, X509Certificate certificate) {

  /** Refuses nulls. */
  public LinkIdentity {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
  }

  /**
   * @return the SHA-256 fingerprint of the certificate, lowercase hex
   */
  public String fingerprint() {
    return fingerprint(certificate);
  }

  /**
   * @param certificate any certificate
   * @return the SHA-256 fingerprint of its DER encoding, lowercase hex
   */
  public static String fingerprint(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("Cannot fingerprint a certificate", e);
    }
  }
}
