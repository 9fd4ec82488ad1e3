package org.pkiaas.pem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.signing.OpenSsl;

class PemTest {

  private static final String PASSWORD = "correct horse";

  @TempDir static Path dir;

  @BeforeAll
  static void generateFixturesWithOpenSsl() {
    OpenSsl.ok(
        dir,
        "genpkey",
        "-algorithm",
        "RSA",
        "-pkeyopt",
        "rsa_keygen_bits:2048",
        "-out",
        "rsa-pkcs8.pem");
    OpenSsl.ok(dir, "pkey", "-in", "rsa-pkcs8.pem", "-traditional", "-out", "rsa-pkcs1.pem");
    OpenSsl.ok(
        dir, "pkey", "-in", "rsa-pkcs8.pem", "-pubout", "-outform", "DER", "-out", "rsa-pub.der");
    OpenSsl.ok(
        dir,
        "pkcs8",
        "-topk8",
        "-v2",
        "aes-256-cbc",
        "-in",
        "rsa-pkcs8.pem",
        "-passout",
        "pass:" + PASSWORD,
        "-out",
        "rsa-encrypted.pem");
    OpenSsl.ok(
        dir,
        "pkey",
        "-in",
        "rsa-pkcs8.pem",
        "-traditional",
        "-aes256",
        "-passout",
        "pass:" + PASSWORD,
        "-out",
        "rsa-pkcs1-encrypted.pem");

    OpenSsl.ok(dir, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec-sec1.pem");
    OpenSsl.ok(
        dir, "pkey", "-in", "ec-sec1.pem", "-pubout", "-outform", "DER", "-out", "ec-pub.der");
    OpenSsl.ok(dir, "ec", "-in", "ec-sec1.pem", "-no_public", "-out", "ec-sec1-no-public.pem");
    OpenSsl.ok(
        dir,
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-in",
        "ec-sec1-no-public.pem",
        "-out",
        "ec-pkcs8-no-public.pem");
    OpenSsl.ok(
        dir,
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-384",
        "-out",
        "ec384-pkcs8.pem");
    OpenSsl.ok(
        dir,
        "pkey",
        "-in",
        "ec384-pkcs8.pem",
        "-pubout",
        "-outform",
        "DER",
        "-out",
        "ec384-pub.der");
    OpenSsl.ok(
        dir,
        "pkcs8",
        "-topk8",
        "-v2",
        "aes-256-cbc",
        "-in",
        "ec-sec1.pem",
        "-passout",
        "pass:" + PASSWORD,
        "-out",
        "ec-encrypted.pem");

    OpenSsl.ok(dir, "genpkey", "-algorithm", "ED25519", "-out", "ed25519-pkcs8.pem");
    OpenSsl.ok(
        dir,
        "pkey",
        "-in",
        "ed25519-pkcs8.pem",
        "-pubout",
        "-outform",
        "DER",
        "-out",
        "ed25519-pub.der");

    for (String name : List.of("One", "Two", "Three")) {
      OpenSsl.ok(
          dir,
          "req",
          "-x509",
          "-new",
          "-key",
          "ec-sec1.pem",
          "-subj",
          "/CN=" + name,
          "-days",
          "2",
          "-out",
          name + ".pem");
    }
  }

  // certificates()

  @Test
  void severalCertificatesAreReadInOrder() {
    String bundle = read("One.pem") + read("Two.pem") + "\n" + read("Three.pem");
    List<X509CertificateHolder> certificates = Pem.certificates("chainPem", bundle);
    assertEquals(
        List.of(new X500Name("CN=One"), new X500Name("CN=Two"), new X500Name("CN=Three")),
        certificates.stream().map(X509CertificateHolder::getSubject).collect(Collectors.toList()));
  }

  @Test
  void encodedCertificateReadsBack() throws IOException {
    X509CertificateHolder original = Pem.certificates("certificatePem", read("One.pem")).get(0);
    String pem = Pem.certificate(original.getEncoded());
    assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----"), pem);
    assertArrayEquals(
        original.getEncoded(), Pem.certificates("certificatePem", pem).get(0).getEncoded());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void emptyCertificateIsRefused(String pem) {
    assertRefused("certificatePem", () -> Pem.certificates("certificatePem", pem), pem);
    assertRefused("chainPem", () -> Pem.certificates("chainPem", null), "");
  }

  @Test
  void textWithoutPemIsRefused() {
    assertRefused(
        "certificatePem",
        () -> Pem.certificates("certificatePem", "this is not a certificate"),
        "");
  }

  @Test
  void keyBlockWhereCertificateIsExpectedIsRefused() {
    String key = read("rsa-pkcs8.pem");
    InvalidInputException e =
        assertRefused("chainPem", () -> Pem.certificates("chainPem", key), key);
    assertTrue(e.getMessage().contains("CERTIFICATE"), e.getMessage());
    String mixed = read("One.pem") + read("ec-sec1.pem");
    assertRefused("chainPem", () -> Pem.certificates("chainPem", mixed), mixed);
  }

  @Test
  void corruptedCertificateBodyIsRefused() {
    String good = read("One.pem");
    String[] lines = good.split("\n");
    // Keep the armour, drop most of the DER: valid base64 that is not a certificate.
    String truncated = lines[0] + "\n" + lines[1] + "\n" + lines[lines.length - 1] + "\n";
    assertRefused("certificatePem", () -> Pem.certificates("certificatePem", truncated), truncated);
    String notBase64 =
        "-----BEGIN CERTIFICATE-----\n#*!%not base64 at all%!*#\n-----END CERTIFICATE-----\n";
    assertRefused("certificatePem", () -> Pem.certificates("certificatePem", notBase64), notBase64);
    String unknownType = good.replace("CERTIFICATE", "SOMETHING ELSE");
    assertRefused(
        "certificatePem", () -> Pem.certificates("certificatePem", unknownType), unknownType);
  }

  // privateKey(): every format OpenSSL writes, with the public key derived

  @ParameterizedTest
  @CsvSource({
    "rsa-pkcs8.pem,     rsa-pub.der,     RSA 2048",
    "rsa-pkcs1.pem,     rsa-pub.der,     RSA 2048",
    "ec-sec1.pem,       ec-pub.der,      EC P-256",
    "ec-pkcs8-no-public.pem, ec-pub.der, EC P-256",
    "ec384-pkcs8.pem,   ec384-pub.der,   EC P-384",
    "ed25519-pkcs8.pem, ed25519-pub.der, Ed25519",
  })
  void plainKeyIsReadAndItsPublicKeyMatchesOpenSsl(String file, String publicFile, String spec)
      throws Exception {
    KeyPair pair = Pem.privateKey(read(file), null);
    assertEquals(spec, KeySpec.of(pair.getPublic()).toString());
    assertArrayEquals(Files.readAllBytes(dir.resolve(publicFile)), pair.getPublic().getEncoded());
    assertSignsFor(pair.getPrivate(), pair.getPublic());
  }

  /**
   * RFC 5915 §3: the publicKey field of an ECPrivateKey is optional; {@code openssl ec -no_public}
   * omits it.
   */
  @Test
  void sec1KeyWithoutItsOptionalPublicKeyIsRead() throws Exception {
    String pem = read("ec-sec1-no-public.pem");
    assertTrue(pem.startsWith("-----BEGIN EC PRIVATE KEY-----"));

    KeyPair pair = Pem.privateKey(pem, null);

    assertArrayEquals(Files.readAllBytes(dir.resolve("ec-pub.der")), pair.getPublic().getEncoded());
    assertSignsFor(pair.getPrivate(), pair.getPublic());
  }

  @Test
  void pkcs1HeaderIsWhatOpenSslCallsTraditional() {
    assertTrue(read("rsa-pkcs1.pem").startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    assertTrue(read("ec-sec1.pem").startsWith("-----BEGIN EC PRIVATE KEY-----"));
    assertTrue(read("rsa-encrypted.pem").startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
  }

  @ParameterizedTest
  @CsvSource({
    "rsa-encrypted.pem,         rsa-pub.der",
    "ec-encrypted.pem,          ec-pub.der",
    "rsa-pkcs1-encrypted.pem,   rsa-pub.der",
  })
  void encryptedKeyIsReadWithTheRightPassword(String file, String publicFile) throws Exception {
    KeyPair pair = Pem.privateKey(read(file), PASSWORD);
    assertArrayEquals(Files.readAllBytes(dir.resolve(publicFile)), pair.getPublic().getEncoded());
    assertSignsFor(pair.getPrivate(), pair.getPublic());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa-encrypted.pem", "ec-encrypted.pem", "rsa-pkcs1-encrypted.pem"})
  void encryptedKeyWithWrongPasswordIsRefused(String file) {
    String pem = read(file);
    InvalidInputException e =
        assertRefused("privateKeyPassword", () -> Pem.privateKey(pem, "wrong password"), pem);
    assertFalse(e.getMessage().contains("wrong password"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa-encrypted.pem", "rsa-pkcs1-encrypted.pem"})
  void encryptedKeyWithoutPasswordIsRefused(String file) {
    String pem = read(file);
    assertRefused("privateKeyPassword", () -> Pem.privateKey(pem, null), pem);
    assertRefused("privateKeyPassword", () -> Pem.privateKey(pem, ""), pem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"44", "65", "87"})
  void mlDsaPkcs8IsReadAndItsPublicKeyDerived(String set) throws Exception {
    KeyPair generated = KeySpec.parse("ML_DSA", null, null, set).generate();
    String pem = Pem.encode("PRIVATE KEY", generated.getPrivate().getEncoded());

    KeyPair parsed = Pem.privateKey(pem, null);

    assertArrayEquals(generated.getPublic().getEncoded(), parsed.getPublic().getEncoded());
    assertEquals(KeySpec.of(generated.getPublic()), KeySpec.of(parsed.getPublic()));
    assertSignsFor(parsed.getPrivate(), generated.getPublic());
  }

  @Test
  void slhDsaPkcs8IsReadAndItsPublicKeyDerived() throws Exception {
    KeyPair generated = KeySpec.parse("SLH_DSA", null, null, "SHA2-128F").generate();
    KeyPair parsed =
        Pem.privateKey(Pem.encode("PRIVATE KEY", generated.getPrivate().getEncoded()), null);
    assertArrayEquals(generated.getPublic().getEncoded(), parsed.getPublic().getEncoded());
    assertSignsFor(parsed.getPrivate(), generated.getPublic());
  }

  // privateKey(): what is refused, never echoing the PEM

  @Test
  void certificateWhereKeyIsExpectedIsRefused() {
    String pem = read("One.pem");
    assertRefused("privateKeyPem", () -> Pem.privateKey(pem, null), pem);
  }

  @Test
  void publicKeyWhereKeyIsExpectedIsRefused() throws IOException {
    String pem = Pem.encode("PUBLIC KEY", Files.readAllBytes(dir.resolve("rsa-pub.der")));
    assertRefused("privateKeyPem", () -> Pem.privateKey(pem, null), pem);
  }

  @Test
  void textWithoutPemIsRefusedAsKey() {
    assertRefused("privateKeyPem", () -> Pem.privateKey("hello, I am not a key", null), "");
    assertRefused("privateKeyPem", () -> Pem.privateKey("", null), "");
  }

  @Test
  void truncatedKeyIsRefusedWithoutEchoingIt() {
    String pem = read("rsa-pkcs8.pem");
    String[] lines = pem.split("\n");
    StringBuilder truncated = new StringBuilder(lines[0]).append('\n');
    for (int i = 1; i < lines.length / 2; i++) {
      truncated.append(lines[i]).append('\n');
    }
    truncated.append(lines[lines.length - 1]).append('\n');
    assertRefused("privateKeyPem", () -> Pem.privateKey(truncated.toString(), null), pem);
  }

  @Test
  void garbledBase64KeyIsRefusedWithoutEchoingIt() {
    String pem = read("ec-sec1.pem");
    String[] lines = pem.split("\n");
    lines[1] = "%%%" + lines[1].substring(3);
    String garbled = String.join("\n", lines) + "\n";
    assertRefused("privateKeyPem", () -> Pem.privateKey(garbled, null), pem);
  }

  private static void assertSignsFor(PrivateKey privateKey, PublicKey publicKey) throws Exception {
    String algorithm = KeySpec.of(publicKey).signatureAlgorithms().get(0);
    byte[] data = "proof of possession".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
    signer.initSign(privateKey);
    signer.update(data);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
    verifier.initVerify(publicKey);
    verifier.update(data);
    assertTrue(
        verifier.verify(signature), "the derived public key does not belong to the private key");
  }

  /**
   * Asserts the refusal names {@code field} and that its message repeats no line of the PEM body.
   */
  private static InvalidInputException assertRefused(
      String field, org.junit.jupiter.api.function.Executable call, String pem) {
    InvalidInputException e = assertThrows(InvalidInputException.class, call);
    assertEquals(field, e.field(), e.getMessage());
    assertFalse(e.getMessage() == null || e.getMessage().isBlank());
    for (String line : pem.split("\n")) {
      String body = line.trim();
      if (body.length() >= 8 && !body.startsWith("-----")) {
        assertFalse(e.getMessage().contains(body), "the error echoes the PEM: " + e.getMessage());
        assertFalse(
            e.getMessage().contains(body.substring(0, 8)),
            "the error echoes the PEM: " + e.getMessage());
      }
    }
    return e;
  }

  private static String read(String file) {
    try {
      return Files.readString(dir.resolve(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
