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
import org.pkiaas.ca.entity.CertificateAuthority;

/**
 * One {@link CaSigner} per CA key, unwrapped on first use and kept for the life of the deployment.
 * A CA's key never changes; a retired or deleted CA is dropped on every node ({@code
 * StatusWatcher}).
 */
@ApplicationScoped
public class CaSigners {

  private final Map<String, CaSigner> signers = new ConcurrentHashMap<>();

  @Inject KeyWrapper keyWrapper;

  public CaSigner forCa(CertificateAuthority ca) {
    return signers.computeIfAbsent(
        ca.id(),
        id -> {
          PrivateKey privateKey = keyWrapper.unwrap(ca.wrappedPrivateKey(), ca.wrappingContext());
          return new CaSigner(privateKey, publicKey(ca.publicKey()), ca.signatureAlgorithm());
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
