package org.pkiaas.issuance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.stream.Stream;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.signing.KeyAlgorithm;
import org.pkiaas.signing.KeySpec;

class RequestedKeyTest {

  static Stream<KeySpec> certifiedSpecs() {
    return Stream.of(
        KeySpec.parse("RSA", 2048, null, null),
        KeySpec.parse("EC", null, "P-256", null),
        KeySpec.parse("EC", null, "P-384", null),
        KeySpec.parse("EC", null, "P-521", null),
        KeySpec.parse("ED25519", null, null, null),
        KeySpec.parse("ML_DSA", null, null, "44"),
        KeySpec.parse("ML_DSA", null, null, "87"),
        KeySpec.parse("SLH_DSA", null, null, "SHA2-128F"));
  }

  /** Read off the structure, a key's spec is the one its key object gives. */
  @ParameterizedTest
  @MethodSource("certifiedSpecs")
  void specOfAKeyInfoIsTheSpecOfItsKey(KeySpec spec) {
    byte[] info = spec.generate().getPublic().getEncoded();

    KeySpec read = RequestedKey.spec("csr", SubjectPublicKeyInfo.getInstance(info));

    assertEquals(spec, read);
    assertEquals(KeySpec.of(org.pkiaas.signing.CaSigners.publicKey(info), "csr"), read);
  }

  @ParameterizedTest
  @CsvSource({"secp256r1, P-256", "secp384r1, P-384", "secp521r1, P-521"})
  void specNamesTheCurveOfAJdkKey(String jcaCurve, String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
    generator.initialize(new ECGenParameterSpec(jcaCurve));
    byte[] info = generator.generateKeyPair().getPublic().getEncoded();

    assertEquals(
        new KeySpec(KeyAlgorithm.EC, curve),
        RequestedKey.spec("csr", SubjectPublicKeyInfo.getInstance(info)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"secp256k1", "brainpoolP256r1"})
  void aKeyOnAnotherCurveIsRefusedNamingTheField(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
    generator.initialize(new ECGenParameterSpec(curve));
    var info =
        SubjectPublicKeyInfo.getInstance(generator.generateKeyPair().getPublic().getEncoded());

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequestedKey.spec("csr", info));
    assertEquals("csr", e.field());
  }

  @Test
  void aShortRsaKeyIsRefusedWithItsSize() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BouncyCastle.PROVIDER);
    generator.initialize(1024);
    var info =
        SubjectPublicKeyInfo.getInstance(generator.generateKeyPair().getPublic().getEncoded());

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequestedKey.spec("csr", info));
    assertEquals("csr", e.field());
    assertTrue(e.getMessage().contains("1024"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 65538})
  void anRsaKeyWithAnExponentPkiaasDoesNotCertifyIsRefused(int exponent) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BouncyCastle.PROVIDER);
    generator.initialize(2048);
    RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
    var info =
        new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
            new org.bouncycastle.asn1.pkcs.RSAPublicKey(
                key.getModulus(), BigInteger.valueOf(exponent)));

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequestedKey.spec("csr", info));
    assertEquals("An RSA public exponent must be odd and at least 65537", e.getMessage());
  }

  /** RFC 5480 §2.1.1: only named curves; explicit parameters, even P-256's, are refused. */
  @Test
  void anEcKeyWithExplicitCurveParametersIsRefused() throws Exception {
    byte[] named = KeySpec.parse("EC", null, "P-256", null).generate().getPublic().getEncoded();
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(named);
    X9ECParameters p256 = ECNamedCurveTable.getByName("P-256");
    var explicit =
        new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, p256),
            info.getPublicKeyData().getBytes());

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequestedKey.spec("csr", explicit));
    assertEquals("csr", e.field());
  }

  @Test
  void anRsaKeyThatDoesNotDecodeIsRefused() {
    var info =
        new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
            new byte[] {1, 2, 3});

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequestedKey.spec("csr", info));
    assertEquals("csr", e.field());
  }

  @Test
  void aKeyTypeNotCertifiedIsRefused() throws Exception {
    byte[] x25519 =
        KeyPairGenerator.getInstance("X25519", "SunEC").generateKeyPair().getPublic().getEncoded();

    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> RequestedKey.spec("csr", SubjectPublicKeyInfo.getInstance(x25519)));
    assertEquals("csr", e.field());
  }
}
