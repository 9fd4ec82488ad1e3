package org.pkiaas.signing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.RawContentVerifier;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureChecksTest {

  private static KeyPair keys(String algorithm) throws Exception {
    KeyPairGenerator generator =
        KeyPairGenerator.getInstance(
            algorithm.equals("P-256") ? "EC" : algorithm, BouncyCastle.PROVIDER);
    if (algorithm.equals("P-256")) {
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    } else if (algorithm.equals("RSA")) {
      generator.initialize(2048);
    }
    return generator.generateKeyPair();
  }

  private static PKCS10CertificationRequest csr(KeyPair keys, String signatureAlgorithm)
      throws Exception {
    return new JcaPKCS10CertificationRequestBuilder(
            new X500Name("CN=checks.test"), keys.getPublic())
        .build(
            new JcaContentSignerBuilder(signatureAlgorithm)
                .setProvider(BouncyCastle.PROVIDER)
                .build(keys.getPrivate()));
  }

  @ParameterizedTest
  @CsvSource({
    "P-256, SHA256withECDSA",
    "P-256, SHA512withECDSA",
    "RSA, SHA256withRSA",
    "RSA, SHA256withRSAandMGF1",
    "Ed25519, Ed25519",
    "ML-DSA-65, ML-DSA-65"
  })
  void acceptsTheRightSignatureAndRefusesAnother(String key, String signatureAlgorithm)
      throws Exception {
    KeyPair keys = keys(key);
    PKCS10CertificationRequest csr = csr(keys, signatureAlgorithm);
    assertTrue(csr.isSignatureValid(SignatureChecks.of(csr.getSubjectPublicKeyInfo())));
    // the same request info signed by another key of the same kind does not verify
    PKCS10CertificationRequest other = csr(keys(key), signatureAlgorithm);
    assertFalse(other.isSignatureValid(SignatureChecks.of(csr.getSubjectPublicKeyInfo())));
  }

  @ParameterizedTest
  @CsvSource({"P-256, SHA256withECDSA", "RSA, SHA256withRSA"})
  void checksPlainAlgorithmsOnceWhereTheBuilderChecksTwice(String key, String algorithm)
      throws Exception {
    PKCS10CertificationRequest csr = csr(keys(key), algorithm);
    ContentVerifier builders =
        new JcaContentVerifierProviderBuilder()
            .setProvider(BouncyCastle.PROVIDER)
            .build(csr.getSubjectPublicKeyInfo())
            .get(csr.getSignatureAlgorithm());
    // Bouncy Castle's verifier for these also checks a raw signature after the real one
    assertInstanceOf(RawContentVerifier.class, builders);
    ContentVerifier ours =
        SignatureChecks.of(csr.getSubjectPublicKeyInfo()).get(csr.getSignatureAlgorithm());
    assertFalse(ours instanceof RawContentVerifier);
    assertTrue(SignatureChecks.plain(csr.getSignatureAlgorithm()));
  }
}
