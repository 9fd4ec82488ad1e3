package org.pkiaas.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * One {@link CaSigner} per CA key, unwrapped on first use and kept for the life of the deployment.
 * A CA's key never changes; a retired or deleted CA is dropped on every node ({@code
 * StatusWatcher}).
 */
@ApplicationScoped
public class CaSigners {

  private final Map<String, CaSigner> signers = new ConcurrentHashMap<>();

  @Inject KeyWrapper keyWrapper;

  /** The signer of the key {@code key} names, unwrapping it on the first call for its id. */
  public CaSigner forKey(KeyReference key) {
    return signers.computeIfAbsent(
        key.id(),
        id -> {
          PrivateKey privateKey = keyWrapper.unwrap(key.wrappedPrivateKey(), key.wrappingContext());
          return new CaSigner(privateKey, publicKey(key.publicKey()), key.signatureAlgorithm());
        });
  }

  public void forget(String caId) {
    signers.remove(caId);
  }

  public static PublicKey publicKey(byte[] subjectPublicKeyInfo) {
    try {
      SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(subjectPublicKeyInfo);
      String algorithm = info.getAlgorithm().getAlgorithm().getId();
      return KeyFactory.getInstance(algorithm, BouncyCastle.PROVIDER)
          .generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("A stored public key cannot be decoded", e);
    }
  }
}
