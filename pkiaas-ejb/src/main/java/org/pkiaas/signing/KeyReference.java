package org.pkiaas.signing;

import java.util.Objects;

/**
 * Names one stored CA key for {@link CaSigners}: what it is called, the key as {@link KeyWrapper}
 * wrapped it with its wrapping context, its public key (a DER SubjectPublicKeyInfo) and the
 * signature algorithm to use by default. Whoever holds the key (today the {@code
 * CertificateAuthority} entity) makes one; signing never reads an entity.
 */
public record KeyReference(
    String id,
    byte[] wrappedPrivateKey,
    String wrappingContext,
    byte[] publicKey,
    String signatureAlgorithm) {

  public KeyReference {
    Objects.requireNonNull(id);
    wrappedPrivateKey = Objects.requireNonNull(wrappedPrivateKey).clone();
    Objects.requireNonNull(wrappingContext);
    publicKey = Objects.requireNonNull(publicKey).clone();
    Objects.requireNonNull(signatureAlgorithm);
  }

  @Override
  public byte[] wrappedPrivateKey() {
    return wrappedPrivateKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public String toString() {
    return "KeyReference[" + id + ", " + signatureAlgorithm + "]";
  }
}
