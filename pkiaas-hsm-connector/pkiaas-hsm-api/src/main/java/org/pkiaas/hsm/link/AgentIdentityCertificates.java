package org.pkiaas.hsm.link;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

/**
 * The short-lived identity an agent uses on the link, certified by the CA key on the token: the
 * proof that the agent holds that key.
 *
 * <p>An identity certificate (RFC 5280 profile) has the CA's subject as issuer, {@code CN=PKIaaS
 * IoT-HSM agent, SERIALNUMBER=<agent id>} as subject, {@code cA=false}, and a critical key usage of
 * {@code digitalSignature} and {@code keyAgreement} (an EC key signs messages and receives
 * ECDH-wrapped keys). It lives at most {@link #MAX_LIFETIME}; the agent renews it well before it
 * ends.
 */
public final class AgentIdentityCertificates {

  /** The longest lifetime the server accepts. */
  public static final Duration MAX_LIFETIME = Duration.ofHours(1);

  private static final Duration BACKDATE = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private AgentIdentityCertificates() {}

  /**
   * Issues an identity certificate signed by the CA key.
   *
   * @param caSubject the CA certificate's subject, the identity's issuer
   * @param identityKey the agent's fresh software EC public key
   * @param agentId the agent's lasting id
   * @param caKeySigner signs with the CA key on the token
   * @param now the time of issue
   * @param lifetime how long the identity lasts, at most {@link #MAX_LIFETIME}
   * @return the certificate
   */
  public static X509Certificate issue(
      X500Principal caSubject,
      PublicKey identityKey,
      UUID agentId,
      ContentSigner caKeySigner,
      Instant now,
      Duration lifetime) {
    if (lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException("An agent identity lives at most " + MAX_LIFETIME);
    }
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              caSubject,
              new BigInteger(127, RANDOM).add(BigInteger.ONE),
              Date.from(now.minus(BACKDATE)),
              Date.from(now.plus(lifetime)),
              new X500Principal("CN=PKIaaS IoT-HSM agent, SERIALNUMBER=" + agentId),
              identityKey);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
      return new JcaX509CertificateConverter().getCertificate(builder.build(caKeySigner));
    } catch (CertIOException | CertificateException e) {
      throw new IllegalStateException("Cannot issue an agent identity", e);
    }
  }

  /**
   * Checks that a certificate is a current agent identity certified by the CA key.
   *
   * @param identity the certificate that signed a message
   * @param caKey the CA's public key
   * @param now the time to check validity at
   * @throws LinkRefusedException if the CA key did not sign it, it is not current, lives too long,
   *     or is not an agent identity
   */
  public static void verify(X509Certificate identity, PublicKey caKey, Instant now)
      throws LinkRefusedException {
    verifySignature(identity, caKey);
    verifyProfile(identity, now);
  }

  /** The public-key part of {@link #verify}: the CA key signed the certificate. */
  static void verifySignature(X509Certificate identity, PublicKey caKey)
      throws LinkRefusedException {
    try {
      identity.verify(caKey);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new LinkRefusedException("Agent identity not signed by the CA key", e);
    }
  }

  /** The rest of {@link #verify}: current at {@code now}, short-lived, an agent identity. */
  static void verifyProfile(X509Certificate identity, Instant now) throws LinkRefusedException {
    try {
      identity.checkValidity(Date.from(now));
    } catch (CertificateException e) {
      throw new LinkRefusedException("Agent identity not current", e);
    }
    Duration lifetime =
        Duration.between(identity.getNotBefore().toInstant(), identity.getNotAfter().toInstant());
    if (lifetime.compareTo(MAX_LIFETIME.plus(BACKDATE)) > 0) {
      throw new LinkRefusedException("Agent identity lives too long");
    }
    boolean[] usage = identity.getKeyUsage();
    if (identity.getBasicConstraints() != -1
        || usage == null
        || !usage[0]
        || usage.length < 5
        || !usage[4]) {
      throw new LinkRefusedException("Not an agent identity certificate");
    }
  }

  /**
   * Decodes the CA key a presence announcement names.
   *
   * @param subjectPublicKeyInfo its DER {@code SubjectPublicKeyInfo}
   * @return the key
   * @throws LinkRefusedException if it is neither an EC nor an RSA key
   */
  public static PublicKey caKey(byte[] subjectPublicKeyInfo) throws LinkRefusedException {
    for (String algorithm : new String[] {"EC", "RSA"}) {
      try {
        return KeyFactory.getInstance(algorithm)
            .generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new LinkRefusedException("Presence names a key that is neither EC nor RSA");
  }
}
