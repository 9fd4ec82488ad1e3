package org.pkiaas.signing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.pkiaas.hsm.HsmConnectionFactory;

/**
 * One {@link CaSigner} per CA key, unwrapped on first use and kept for the life of the deployment;
 * a key on an IoT-HSM device gets a signer that asks the device through the resource adapter's
 * connection factory. A CA's key never changes once it signs; a retired or deleted CA is dropped on
 * every node ({@code StatusWatcher}).
 */
@ApplicationScoped
public class CaSigners {

  private final Map<String, CaSigner> signers = new ConcurrentHashMap<>();

  @Inject KeyWrapper keyWrapper;

  @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
  HsmConnectionFactory devices;

  @Inject Event<DeviceSignature> deviceSignatures;

  /** The signer of the key {@code key} names, unwrapping it on the first call for its id. */
  public CaSigner forKey(KeyReference key) {
    return signers.computeIfAbsent(
        key.id(),
        id -> {
          if (key.onDevice()) {
            return new HsmCaSigner(
                devices,
                publicKey(key.publicKey()),
                key.signatureAlgorithm(),
                deviceSignatures::fire);
          }
          PrivateKey privateKey = keyWrapper.unwrap(key.wrappedPrivateKey(), key.wrappingContext());
          return CaSigner.software(
              privateKey, publicKey(key.publicKey()), key.signatureAlgorithm());
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
