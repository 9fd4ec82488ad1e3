package org.pkiaas.signing;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pkiaas.random.Randomness;

/**
 * Adapts one CA key to Bouncy Castle's {@link ContentSigner}, so that certificates, CRLs, OCSP
 * responses and timestamps are all built with the ordinary BC builders, whatever holds the key. The
 * private key never leaves this object.
 */
public final class CaSigner {

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String defaultAlgorithm;

  public CaSigner(PrivateKey privateKey, PublicKey publicKey, String defaultAlgorithm) {
    this.privateKey = Objects.requireNonNull(privateKey);
    this.publicKey = Objects.requireNonNull(publicKey);
    this.defaultAlgorithm = Objects.requireNonNull(defaultAlgorithm);
  }

  /** A signer using the CA's configured signature algorithm. */
  public ContentSigner contentSigner() {
    return contentSigner(defaultAlgorithm);
  }

  /** A signer for one artifact; each call returns a fresh, single-use {@link ContentSigner}. */
  public ContentSigner contentSigner(String signatureAlgorithm) {
    return contentSigner(signatureAlgorithm, privateKey);
  }

  /**
   * A fresh, single-use signer over a key held in memory, such as a service key (an OCSP responder,
   * a time-stamping unit).
   */
  public static ContentSigner contentSigner(String signatureAlgorithm, PrivateKey privateKey) {
    try {
      return new JcaContentSignerBuilder(signatureAlgorithm)
          .setProvider(BouncyCastle.PROVIDER)
          .setSecureRandom(Randomness.current())
          .build(privateKey);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("Cannot sign with " + signatureAlgorithm, e);
    }
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public String defaultAlgorithm() {
    return defaultAlgorithm;
  }

  @Override
  public String toString() {
    return "CaSigner[" + publicKey.getAlgorithm() + ", " + defaultAlgorithm + "]";
  }
}
