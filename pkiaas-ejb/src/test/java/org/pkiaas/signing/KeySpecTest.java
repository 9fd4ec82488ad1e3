package org.pkiaas.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.problem.InvalidInputException;

class KeySpecTest {

  // parse: defaults

  @Test
  void absentKeyTypeMeansRsa3072() {
    assertEquals(new KeySpec(KeyAlgorithm.RSA, "3072"), KeySpec.parse(null, null, null, null));
    assertEquals(new KeySpec(KeyAlgorithm.RSA, "3072"), KeySpec.parse("  ", null, "", " "));
  }

  @ParameterizedTest
  @CsvSource({
    "RSA,     RSA,     3072",
    "rsa,     RSA,     3072",
    "EC,      EC,      P-256",
    "ecdsa,   EC,      P-256",
    "ECC,     EC,      P-256",
    "Ed25519, ED25519, Ed25519",
    "ML_DSA,  ML_DSA,  ML-DSA-65",
    "ml-dsa,  ML_DSA,  ML-DSA-65",
    "SLH_DSA, SLH_DSA, SLH-DSA-SHA2-128S",
    "slh-dsa, SLH_DSA, SLH-DSA-SHA2-128S",
  })
  void eachKeyTypeHasItsDefaultParameter(String keyType, KeyAlgorithm algorithm, String parameter) {
    assertEquals(new KeySpec(algorithm, parameter), KeySpec.parse(keyType, null, null, null));
  }

  @ParameterizedTest
  @CsvSource({"2048", "3072", "4096"})
  void rsaSizesAreAccepted(int size) {
    assertEquals(
        new KeySpec(KeyAlgorithm.RSA, Integer.toString(size)),
        KeySpec.parse("RSA", size, null, null));
  }

  @ParameterizedTest
  @CsvSource({
    "P-256,     P-256",
    "p-384,     P-384",
    "P-521,     P-521",
    "secp256r1, P-256",
    "prime256v1, P-256",
    "SECP384R1, P-384",
    "secp521r1, P-521",
  })
  void curvesAreNormalised(String curve, String expected) {
    assertEquals(new KeySpec(KeyAlgorithm.EC, expected), KeySpec.parse("EC", null, curve, null));
  }

  @ParameterizedTest
  @CsvSource({
    "ML_DSA,  65,                ML-DSA-65",
    "ML_DSA,  44,                ML-DSA-44",
    "ML_DSA,  ml-dsa-87,         ML-DSA-87",
    "ML_DSA,  ML-DSA-65,         ML-DSA-65",
    "SLH_DSA, SHA2-128F,         SLH-DSA-SHA2-128F",
    "SLH_DSA, shake-256s,        SLH-DSA-SHAKE-256S",
    "SLH_DSA, SLH-DSA-SHA2-192F, SLH-DSA-SHA2-192F",
  })
  void parameterSetsAcceptShortAndFullNames(String keyType, String parameterSet, String expected) {
    assertEquals(expected, KeySpec.parse(keyType, null, null, parameterSet).parameter());
  }

  // parse: errors, each naming its field

  static Stream<Arguments> invalidKeyFields() {
    return Stream.of(
        Arguments.of("DSA", null, null, null, "keyType"),
        Arguments.of("RSA", 1024, null, null, "keySize"),
        Arguments.of(null, 1024, null, null, "keySize"),
        Arguments.of("RSA", 2047, null, null, "keySize"),
        Arguments.of("RSA", 8192, null, null, "keySize"),
        Arguments.of("RSA", null, "P-256", null, "curve"),
        Arguments.of(null, null, "P-256", null, "curve"),
        Arguments.of("ED25519", null, "P-256", null, "curve"),
        Arguments.of("EC", 256, null, null, "keySize"),
        Arguments.of("ML_DSA", 2048, null, null, "keySize"),
        Arguments.of("EC", null, "P-192", null, "curve"),
        Arguments.of("EC", null, "brainpoolP256r1", null, "curve"),
        Arguments.of("RSA", null, null, "ML-DSA-65", "parameterSet"),
        Arguments.of("EC", null, null, "ML-DSA-65", "parameterSet"),
        Arguments.of("ED25519", null, null, "65", "parameterSet"),
        Arguments.of("ML_DSA", null, null, "99", "parameterSet"),
        Arguments.of("ML_DSA", null, null, "SLH-DSA-SHA2-128S", "parameterSet"),
        Arguments.of("SLH_DSA", null, null, "ML-DSA-65", "parameterSet"),
        Arguments.of("SLH_DSA", null, null, "SHA2-128X", "parameterSet"));
  }

  @ParameterizedTest
  @MethodSource("invalidKeyFields")
  void invalidKeyFieldsAreRefusedNamingTheField(
      String keyType, Integer keySize, String curve, String parameterSet, String field) {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> KeySpec.parse(keyType, keySize, curve, parameterSet));
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
  }

  @Test
  void unknownKeyTypeMessageNamesTheChoices() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> KeySpec.parse("DSA", null, null, null));
    assertTrue(e.getMessage().contains("'DSA'"), e.getMessage());
    assertTrue(e.getMessage().contains("ML_DSA"), e.getMessage());
  }

  // generate() and of(PublicKey)

  static Stream<KeySpec> generatedSpecs() {
    return Stream.of(
        KeySpec.parse("RSA", 2048, null, null),
        KeySpec.parse("EC", null, "P-256", null),
        KeySpec.parse("EC", null, "P-384", null),
        KeySpec.parse("ED25519", null, null, null),
        KeySpec.parse("ML_DSA", null, null, "44"),
        KeySpec.parse("ML_DSA", null, null, "65"),
        KeySpec.parse("ML_DSA", null, null, "87"),
        KeySpec.parse("SLH_DSA", null, null, "SHA2-128F"));
  }

  @ParameterizedTest
  @MethodSource("generatedSpecs")
  void generatedKeyIsRecognisedAsItsSpecAndSignsWithEveryAllowedAlgorithm(KeySpec spec)
      throws Exception {
    KeyPair pair = spec.generate();

    assertEquals(spec, KeySpec.of(pair.getPublic()));
    byte[] data = "to be signed".getBytes(StandardCharsets.UTF_8);
    for (String algorithm : spec.signatureAlgorithms()) {
      Signature signer = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
      signer.initSign(pair.getPrivate());
      signer.update(data);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
      verifier.initVerify(pair.getPublic());
      verifier.update(data);
      assertTrue(verifier.verify(signature), spec + " with " + algorithm);
    }
  }

  @Test
  void generatedRsaKeyHasTheRequestedModulusAndF4() {
    RSAPublicKey key = (RSAPublicKey) KeySpec.parse("RSA", 2048, null, null).generate().getPublic();
    assertEquals(2048, key.getModulus().bitLength());
    assertEquals(65537, key.getPublicExponent().intValueExact());
  }

  @ParameterizedTest
  @CsvSource({"P-256, 256", "P-384, 384"})
  void generatedEcKeyIsOnTheRequestedCurve(String curve, int fieldSize) {
    ECPublicKey key = (ECPublicKey) KeySpec.parse("EC", null, curve, null).generate().getPublic();
    assertEquals(fieldSize, key.getParams().getCurve().getField().getFieldSize());
  }

  @ParameterizedTest
  @CsvSource({"secp256r1, P-256", "secp384r1, P-384", "secp521r1, P-521"})
  void ecKeysFromTheJdkProviderAreRecognised(String jcaCurve, String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
    generator.initialize(new ECGenParameterSpec(jcaCurve));
    PublicKey key = generator.generateKeyPair().getPublic();
    assertEquals(new KeySpec(KeyAlgorithm.EC, curve), KeySpec.of(key));
  }

  @Test
  void ed25519KeyFromTheJdkProviderIsRecognised() throws Exception {
    PublicKey key = KeyPairGenerator.getInstance("Ed25519", "SunEC").generateKeyPair().getPublic();
    assertEquals(new KeySpec(KeyAlgorithm.ED25519, "Ed25519"), KeySpec.of(key));
  }

  @Test
  void shortRsaKeyIsRefusedAsAnImport() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BouncyCastle.PROVIDER);
    generator.initialize(1024);
    PublicKey key = generator.generateKeyPair().getPublic();
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> KeySpec.of(key));
    assertEquals("privateKeyPem", e.field());
    assertTrue(e.getMessage().contains("1024"), e.getMessage());
  }

  @Test
  void unsupportedKeyTypeIsRefusedAsAnImport() throws Exception {
    PublicKey key = KeyPairGenerator.getInstance("X25519", "SunEC").generateKeyPair().getPublic();
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> KeySpec.of(key));
    assertEquals("privateKeyPem", e.field());
  }

  /**
   * Only the NIST curves are supported; another curve of the same field size is not one of them.
   */
  @ParameterizedTest
  @ValueSource(strings = {"secp256k1", "brainpoolP256r1", "brainpoolP384r1"})
  void keyOnAnUnsupportedCurveIsRefusedAsAnImport(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
    generator.initialize(new ECGenParameterSpec(curve));
    PublicKey key = generator.generateKeyPair().getPublic();
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> KeySpec.of(key),
            () -> "a " + curve + " key was taken for " + KeySpec.of(key));
    assertEquals("privateKeyPem", e.field());
  }

  @ParameterizedTest
  @MethodSource("generatedSpecs")
  void storedFormRoundTrips(KeySpec spec) {
    assertEquals(spec, KeySpec.of(spec.algorithm().name(), spec.parameter()));
  }

  // signatureAlgorithm()

  @ParameterizedTest
  @CsvSource({
    "RSA,     2048,      ,                     SHA256withRSA",
    "RSA,     2048,      SHA384withRSA,        SHA384withRSA",
    "RSA,     2048,      sha512withrsa,        SHA512withRSA",
    "RSA,     2048,      SHA-384,              SHA384withRSA",
    "RSA,     2048,      SHA-256,              SHA256withRSA",
    "RSA,     2048,      SHA256withRSAandMGF1, SHA256withRSAandMGF1",
    "EC,      P-256,     ,                     SHA256withECDSA",
    "EC,      P-256,     SHA-384,              SHA384withECDSA",
    "EC,      P-256,     SHA512withECDSA,      SHA512withECDSA",
    "EC,      P-384,     ,                     SHA384withECDSA",
    "EC,      P-521,     ,                     SHA512withECDSA",
    "EC,      P-384,     SHA-256,              SHA256withECDSA",
    "ED25519, Ed25519,   ,                     Ed25519",
    "ED25519, Ed25519,   ed25519,              Ed25519",
    "ML_DSA,  ML-DSA-65, ,                     ML-DSA-65",
    "ML_DSA,  ML-DSA-65, ML-DSA-65,            ML-DSA-65",
    "ML_DSA,  ML-DSA-87, mldsa87,              ML-DSA-87",
    "SLH_DSA, SLH-DSA-SHA2-128F, ,             SLH-DSA-SHA2-128F",
  })
  void signatureAlgorithmIsResolvedByFullNameOrHash(
      KeyAlgorithm algorithm, String parameter, String requested, String expected) {
    assertEquals(
        expected,
        new KeySpec(algorithm, parameter).signatureAlgorithm("signatureAlgorithm", requested));
  }

  @ParameterizedTest
  @CsvSource({
    "RSA,     2048,      SHA256withECDSA",
    "RSA,     2048,      SHA-1",
    "RSA,     2048,      SHA1withRSA",
    "RSA,     2048,      MD5withRSA",
    "EC,      P-256,     SHA256withRSA",
    "EC,      P-256,     SHA-224",
    "ED25519, Ed25519,   SHA-256",
    "ED25519, Ed25519,   Ed448",
    "ML_DSA,  ML-DSA-65, ML-DSA-44",
    "ML_DSA,  ML-DSA-65, SHA-256",
    "SLH_DSA, SLH-DSA-SHA2-128F, SLH-DSA-SHA2-128S",
  })
  void signatureAlgorithmThatDoesNotFitTheKeyIsRefused(
      KeyAlgorithm algorithm, String parameter, String requested) {
    KeySpec spec = new KeySpec(algorithm, parameter);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> spec.signatureAlgorithm("template.signatureAlgorithm", requested));
    assertEquals("template.signatureAlgorithm", e.field());
    assertTrue(e.getMessage().contains(requested), e.getMessage());
  }

  @Test
  void defaultSignatureAlgorithmIsTheFirstAllowed() {
    for (KeySpec spec :
        List.of(
            new KeySpec(KeyAlgorithm.RSA, "4096"),
            new KeySpec(KeyAlgorithm.EC, "P-521"),
            new KeySpec(KeyAlgorithm.SLH_DSA, "SLH-DSA-SHAKE-256F"))) {
      assertEquals(spec.signatureAlgorithms().get(0), spec.signatureAlgorithm("f", null));
    }
  }

  @Test
  void toStringNamesAlgorithmAndParameter() {
    assertEquals("RSA 2048", new KeySpec(KeyAlgorithm.RSA, "2048").toString());
    assertEquals("EC P-384", new KeySpec(KeyAlgorithm.EC, "P-384").toString());
    assertEquals("Ed25519", new KeySpec(KeyAlgorithm.ED25519, "Ed25519").toString());
    assertEquals("ML_DSA ML-DSA-65", new KeySpec(KeyAlgorithm.ML_DSA, "ML-DSA-65").toString());
  }
}
