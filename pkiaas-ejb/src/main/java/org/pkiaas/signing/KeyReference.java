package org.pkiaas.signing;

import java.util.Objects;

/**
 * Names one stored CA key for {@link CaSigners}: what it is called, the key as {@link KeyWrapper}
 * wrapped it with its wrapping context (or, for a key on an IoT-HSM device, nothing: {@link
 * #onDevice}), its public key (a DER SubjectPublicKeyInfo) and the signature algorithm to use by
 * default. Whoever holds the key (today the {@code CertificateAuthority} entity) makes one; signing
 * never reads an entity.
 */
public record KeyReference(
    String id,
    byte[] wrappedPrivateKey,
    String wrappingContext,
    byte[] publicKey,
    String signatureAlgorithm,
    boolean onDevice) {

  public KeyReference {
    Objects.requireNonNull(id);
    wrappedPrivateKey = Objects.requireNonNull(wrappedPrivateKey).clone();
    Objects.requireNonNull(wrappingContext);
    publicKey = Objects.requireNonNull(publicKey).clone();
    Objects.requireNonNull(signatureAlgorithm);
  }

  /** A key wrapped under the master key. */
  public KeyReference(
      String id,
      byte[] wrappedPrivateKey,
      String wrappingContext,
      byte[] publicKey,
      String signatureAlgorithm) {
    this(id, wrappedPrivateKey, wrappingContext, publicKey, signatureAlgorithm, false);
  }

  /** A key on an IoT-HSM device, named by its public key; nothing of it is stored here. */
  public static KeyReference device(String id, byte[] publicKey, String signatureAlgorithm) {
    return new KeyReference(id, new byte[0], "", publicKey, signatureAlgorithm, true);
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
    return "KeyReference[" + id + ", " + signatureAlgorithm + (onDevice ? ", on device]" : "]");
  }
}
