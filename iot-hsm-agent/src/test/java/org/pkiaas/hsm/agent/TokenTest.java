package org.pkiaas.hsm.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pkiaas.hsm.link.SignatureScheme;

/** The agent's token commands against SoftHSM2. */
class TokenTest {

  @TempDir Path dir;

  static X509Certificate template(String cn) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair throwaway = generator.generateKeyPair();
    X500Principal subject = new X500Principal("CN=" + cn + ", O=PKIaaS Test");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            BigInteger.TEN,
            Date.from(now),
            Date.from(now.plus(Duration.ofDays(3650))),
            subject,
            throwaway.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(throwaway.getPrivate())));
  }

  @Test
  void slotsListsTheTokenByLabel() throws Exception {
    long slot = SoftHsmFixture.slot();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new IotHsmAgent(new PrintStream(out), Map.of())
        .execute(new String[] {"slots", "--library", SoftHsmFixture.LIBRARY});
    assertTrue(
        out.toString().contains("slot " + slot + ": label=pkiaas-agent-test"), out.toString());
  }

  @Test
  void generatedKeysSignOnTheTokenAndVerifyInSoftware() throws Exception {
    try (Token token = SoftHsmFixture.open()) {
      X509Certificate ec = token.generate("gen-p384", Token.KeyType.P_384);
      X509Certificate rsa = token.generate("gen-rsa", Token.KeyType.RSA_2048);
      assertEquals(384, ((ECPublicKey) ec.getPublicKey()).getParams().getOrder().bitLength());
      assertEquals(2048, ((RSAPublicKey) rsa.getPublicKey()).getModulus().bitLength());
      for (var entry :
          Map.of(
                  "gen-p384", SignatureScheme.SHA384_WITH_ECDSA,
                  "gen-rsa", SignatureScheme.SHA256_WITH_RSA)
              .entrySet()) {
        SignatureScheme scheme = entry.getValue();
        byte[] data = "tbsCertificate".getBytes();
        Signature raw = Signature.getInstance(scheme.rawJcaName(), token.provider());
        raw.initSign(token.privateKey(entry.getKey()));
        raw.update(
            scheme.rawInput(MessageDigest.getInstance(scheme.digestAlgorithm()).digest(data)));
        Signature verifier = Signature.getInstance(scheme.jcaName());
        verifier.initVerify(token.certificate(entry.getKey()).getPublicKey());
        verifier.update(data);
        assertTrue(verifier.verify(raw.sign()), scheme.name());
      }
      assertThrows(
          GeneralSecurityException.class, () -> token.generate("gen-rsa", Token.KeyType.P_256));
    }
  }

  @Test
  void selfSignedProvisioningCopiesTheTemplateAndStoresTheRootOnTheToken() throws Exception {
    try (Token token = SoftHsmFixture.open()) {
      token.generate("root", Token.KeyType.P_256);
      X509Certificate template = template("HSM Root");
      X509Certificate root =
          Provisioner.selfSigned(
              template, token.certificate("root").getPublicKey(), token.contentSigner("root"));
      token.storeChain("root", List.of(root));

      root.verify(root.getPublicKey());
      assertEquals(template.getSubjectX500Principal(), root.getSubjectX500Principal());
      assertEquals(template.getNotAfter(), root.getNotAfter());
      assertEquals(Integer.MAX_VALUE, root.getBasicConstraints());
      assertArrayEquals(template.getKeyUsage(), root.getKeyUsage());
      assertEquals(root, token.certificate("root"));
    }
    try (Token reopened = SoftHsmFixture.open()) {
      assertEquals(
          "CN=HSM Root, O=PKIaaS Test",
          reopened.certificate("root").getSubjectX500Principal().getName().replace(",", ", "));
      reopened.privateKey("root");
    }
  }

  @Test
  void csrProvisioningSignsARequestWithTheTokenKey() throws Exception {
    try (Token token = SoftHsmFixture.open()) {
      token.generate("intermediate", Token.KeyType.RSA_2048);
      X509Certificate template = template("HSM Intermediate");
      PKCS10CertificationRequest csr =
          Provisioner.request(
              template,
              token.certificate("intermediate").getPublicKey(),
              token.contentSigner("intermediate"));
      assertTrue(
          csr.isSignatureValid(
              new JcaContentVerifierProviderBuilder()
                  .build(token.certificate("intermediate").getPublicKey())));
      assertArrayEquals(
          template.getSubjectX500Principal().getEncoded(), csr.getSubject().getEncoded());
    }
  }

  @Test
  void importedPkcs12KeySignsOnTheToken() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    X500Principal name = new X500Principal("CN=Imported");
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.ONE,
                        new Date(),
                        Date.from(Instant.now().plusSeconds(3600)),
                        name,
                        pair.getPublic())
                    .build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
    pkcs12.load(null, null);
    pkcs12.setKeyEntry(
        "k", pair.getPrivate(), "secret".toCharArray(), new Certificate[] {certificate});
    Path file = dir.resolve("key.p12");
    try (var out = Files.newOutputStream(file)) {
      pkcs12.store(out, "secret".toCharArray());
    }
    try (Token token = SoftHsmFixture.open()) {
      token.importPkcs12("imported", file, "secret".toCharArray());
      Signature signature = Signature.getInstance("SHA256withECDSA", token.provider());
      signature.initSign(token.privateKey("imported"));
      signature.update(new byte[] {1, 2, 3});
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(pair.getPublic());
      verifier.update(new byte[] {1, 2, 3});
      assertTrue(verifier.verify(signature.sign()));
    }
  }
}
