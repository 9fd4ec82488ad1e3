package org.pkiaas.signing;

import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pkiaas.random.Randomness;

/**
 * One CA key as Bouncy Castle's {@link ContentSigner}, so that certificates, CRLs, OCSP responder,
 * time-stamping and SCEP RA certificates are all built with the ordinary BC builders, whatever
 * holds the key: a key wrapped under the master key ({@link SoftwareCaSigner}) or a key on an
 * IoT-HSM device ({@link HsmCaSigner}).
 */
public sealed interface CaSigner permits SoftwareCaSigner, HsmCaSigner {

  /** A signer over a key held in memory, with the CA's configured signature algorithm. */
  static CaSigner software(PrivateKey privateKey, PublicKey publicKey, String defaultAlgorithm) {
    return new SoftwareCaSigner(privateKey, publicKey, defaultAlgorithm);
  }

  /** A signer using the CA's configured signature algorithm. */
  default ContentSigner contentSigner() {
    return contentSigner(defaultAlgorithm());
  }

  /** A signer for one artifact; each call returns a fresh, single-use {@link ContentSigner}. */
  ContentSigner contentSigner(String signatureAlgorithm);

  /**
   * Fails at once, before any work that would have to be undone, when the key cannot sign now (its
   * device is offline). Keys held in memory can always sign.
   *
   * @throws SigningDeviceUnavailable when the key's device is not connected
   */
  void requireReachable();

  PublicKey publicKey();

  String defaultAlgorithm();

  /**
   * A fresh, single-use signer over a key held in memory, such as a service key (an OCSP responder,
   * a time-stamping unit).
   */
  static ContentSigner contentSigner(String signatureAlgorithm, PrivateKey privateKey) {
    try {
      return new JcaContentSignerBuilder(signatureAlgorithm)
          .setProvider(BouncyCastle.PROVIDER)
          .setSecureRandom(Randomness.current())
          .build(privateKey);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("Cannot sign with " + signatureAlgorithm, e);
    }
  }
}
