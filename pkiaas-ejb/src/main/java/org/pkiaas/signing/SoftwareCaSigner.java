package org.pkiaas.signing;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;
import org.bouncycastle.operator.ContentSigner;

/** A CA key unwrapped from the master key, held in memory; the private key never leaves it. */
final class SoftwareCaSigner implements CaSigner {

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String defaultAlgorithm;

  SoftwareCaSigner(PrivateKey privateKey, PublicKey publicKey, String defaultAlgorithm) {
    this.privateKey = Objects.requireNonNull(privateKey);
    this.publicKey = Objects.requireNonNull(publicKey);
    this.defaultAlgorithm = Objects.requireNonNull(defaultAlgorithm);
  }

  @Override
  public ContentSigner contentSigner(String signatureAlgorithm) {
    return CaSigner.contentSigner(signatureAlgorithm, privateKey);
  }

  @Override
  public void requireReachable() {
    // in memory: always there
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public String defaultAlgorithm() {
    return defaultAlgorithm;
  }

  @Override
  public String toString() {
    return "CaSigner[" + publicKey.getAlgorithm() + ", " + defaultAlgorithm + "]";
  }
}
