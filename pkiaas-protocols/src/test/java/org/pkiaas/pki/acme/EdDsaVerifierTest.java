package org.pkiaas.pki.acme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EdDsaVerifierTest {

  private static final byte[] INPUT =
      "eyJhbGciOiJFZERTQSJ9.e30".getBytes(StandardCharsets.US_ASCII);
  private static final JWSHeader EDDSA = new JWSHeader(JWSAlgorithm.EdDSA);

  /**
   * The JWK of RFC 8037 §2 for a JDK key: the raw public key is the end of its
   * SubjectPublicKeyInfo.
   */
  private static OctetKeyPair jwk(KeyPair key, Curve curve, int length) {
    byte[] encoded = key.getPublic().getEncoded();
    return new OctetKeyPair.Builder(
            curve,
            Base64URL.encode(Arrays.copyOfRange(encoded, encoded.length - length, encoded.length)))
        .build();
  }

  private static Base64URL sign(KeyPair key, String algorithm) throws Exception {
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key.getPrivate());
    signer.update(INPUT);
    return Base64URL.encode(signer.sign());
  }

  @Test
  void anEd25519SignatureVerifiesAndAnAlteredOneDoesNot() throws Exception {
    KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    EdDsaVerifier verifier = EdDsaVerifier.of(jwk(key, Curve.Ed25519, 32));
    Base64URL signature = sign(key, "Ed25519");
    assertTrue(verifier.verify(EDDSA, INPUT, signature));
    byte[] altered = signature.decode();
    altered[5] ^= 1;
    assertFalse(verifier.verify(EDDSA, INPUT, Base64URL.encode(altered)));
    assertFalse(
        verifier.verify(
            EDDSA, "eyJhbGciOiJFZERTQSJ9.e301".getBytes(StandardCharsets.US_ASCII), signature));
    assertFalse(
        verifier.verify(new JWSHeader(JWSAlgorithm.ES256), INPUT, signature),
        "only the EdDSA algorithm");
  }

  @Test
  void anotherKeysSignatureDoesNotVerify() throws Exception {
    KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    assertFalse(
        EdDsaVerifier.of(jwk(key, Curve.Ed25519, 32)).verify(EDDSA, INPUT, sign(other, "Ed25519")));
  }

  @Test
  void ed448IsEdDsaToo() throws Exception {
    KeyPair key = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
    assertTrue(
        EdDsaVerifier.of(jwk(key, Curve.Ed448, 57)).verify(EDDSA, INPUT, sign(key, "Ed448")));
  }

  @Test
  void keyAgreementCurvesAndMalformedKeysAreNoSigningKeys() {
    assertThrows(
        JOSEException.class,
        () ->
            EdDsaVerifier.of(
                new OctetKeyPair.Builder(Curve.X25519, Base64URL.encode(new byte[32])).build()));
    assertThrows(
        JOSEException.class,
        () ->
            EdDsaVerifier.of(
                new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(new byte[7])).build()));
  }
}
