package org.pkiaas.pki.acme;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Verifies {@code EdDSA} JWS signatures (RFC 8037 §3.1) of an {@code OKP} key on Ed25519 or Ed448
 * with the JDK's EdDSA (RFC 8032). Nimbus parses the JWS and its OKP key; its own EdDSA verifier
 * needs Google Tink, which this plugs in place of: the signature check itself is the JDK's, over
 * the signing input Nimbus hands over.
 */
final class EdDsaVerifier implements JWSVerifier {

  private final JCAContext context = new JCAContext();
  private final PublicKey key;
  private final String algorithm;

  private EdDsaVerifier(PublicKey key, String algorithm) {
    this.key = key;
    this.algorithm = algorithm;
  }

  /**
   * A verifier for the public part of {@code okp}; only the signature curves Ed25519 and Ed448 are
   * keys for signing.
   */
  static EdDsaVerifier of(OctetKeyPair okp) throws JOSEException {
    Curve curve = okp.getCurve();
    String algorithm;
    AlgorithmIdentifier identifier;
    if (Curve.Ed25519.equals(curve)) {
      algorithm = "Ed25519";
      identifier = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
    } else if (Curve.Ed448.equals(curve)) {
      algorithm = "Ed448";
      identifier = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed448);
    } else {
      throw new JOSEException("An EdDSA key is on Ed25519 or Ed448, not " + curve);
    }
    try {
      byte[] encoded = new SubjectPublicKeyInfo(identifier, okp.getDecodedX()).getEncoded();
      return new EdDsaVerifier(
          KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(encoded)),
          algorithm);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new JOSEException("Not a valid " + algorithm + " public key", e);
    }
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature)
      throws JOSEException {
    if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(key);
      verifier.update(signingInput);
      return verifier.verify(signature.decode());
    } catch (java.security.SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new JOSEException("The JDK cannot verify " + algorithm, e);
    }
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(JWSAlgorithm.EdDSA);
  }

  @Override
  public JCAContext getJCAContext() {
    return context;
  }
}
