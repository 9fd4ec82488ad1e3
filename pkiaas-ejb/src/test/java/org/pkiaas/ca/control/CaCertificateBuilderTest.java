package org.pkiaas.ca.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.ca.control.CaCertificateBuilder.CaProfile;
import org.pkiaas.pem.Pem;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.signing.CaSigner;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.signing.OpenSsl;

class CaCertificateBuilderTest {

  private static final X500Name SUBJECT = new X500Name("C=DE,O=PKIaaS Test,CN=Test Root CA");
  private static final List<String> CA_USAGE = List.of("keyCertSign", "cRLSign");
  private static final ASN1ObjectIdentifier ML_DSA_65 =
      new ASN1ObjectIdentifier("2.16.840.1.101.3.4.3.18");
  private static final ASN1ObjectIdentifier SLH_DSA_SHA2_128F =
      new ASN1ObjectIdentifier("2.16.840.1.101.3.4.3.21");
  private static Map<String, CaSigner> signers;
  private static KeyPair rsaPair;

  @TempDir Path dir;

  @BeforeAll
  static void generateKeys() {
    rsaPair = KeySpec.parse("RSA", 2048, null, null).generate();
    signers =
        Map.of(
            "RSA", CaSigner.software(rsaPair.getPrivate(), rsaPair.getPublic(), "SHA256withRSA"),
            "EC", signer(KeySpec.parse("EC", null, "P-256", null)),
            "ED25519", signer(KeySpec.parse("ED25519", null, null, null)),
            "ML_DSA", signer(KeySpec.parse("ML_DSA", null, null, "65")));
  }

  static Stream<String> keyTypes() {
    return Stream.of("RSA", "EC", "ED25519", "ML_DSA");
  }

  // the self-signed root

  @ParameterizedTest
  @MethodSource("keyTypes")
  void rootFollowsTheRfc5280CaProfile(String type) throws Exception {
    CaSigner signer = signers.get(type);
    Instant before = Instant.now();

    X509CertificateHolder root =
        CaCertificateBuilder.selfSigned(new CaProfile(SUBJECT, 30, 1, CA_USAGE, List.of()), signer);

    assertEquals(3, root.getVersionNumber());
    BigInteger serial = root.getSerialNumber();
    assertEquals(1, serial.signum(), "the serial is positive");
    assertTrue(
        serial.bitLength() >= 64 && serial.bitLength() <= 159,
        "serial of " + serial.bitLength() + " bits");
    assertEquals(SUBJECT, root.getSubject());
    assertEquals(root.getSubject(), root.getIssuer());
    assertArrayEquals(signer.publicKey().getEncoded(), root.getSubjectPublicKeyInfo().getEncoded());

    // validity: back-dated a little, and exactly the requested number of days long
    Instant notBefore = root.getNotBefore().toInstant();
    assertFalse(notBefore.isAfter(before));
    assertTrue(notBefore.isAfter(before.minus(Duration.ofMinutes(10))), "notBefore " + notBefore);
    assertEquals(Duration.ofDays(30), Duration.between(notBefore, root.getNotAfter().toInstant()));

    // SKI: method 1 of RFC 5280 §4.2.1.2; AKI: the same key identifier and nothing else
    Extension skiExtension = root.getExtension(Extension.subjectKeyIdentifier);
    assertNotNull(skiExtension);
    assertFalse(skiExtension.isCritical());
    byte[] ski = SubjectKeyIdentifier.getInstance(skiExtension.getParsedValue()).getKeyIdentifier();
    assertArrayEquals(sha1(root.getSubjectPublicKeyInfo()), ski);
    Extension akiExtension = root.getExtension(Extension.authorityKeyIdentifier);
    assertNotNull(akiExtension);
    assertFalse(akiExtension.isCritical());
    AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(akiExtension.getParsedValue());
    assertArrayEquals(ski, aki.getKeyIdentifier());
    assertNull(aki.getAuthorityCertIssuer());
    assertNull(aki.getAuthorityCertSerialNumber());

    Extension basic = root.getExtension(Extension.basicConstraints);
    assertTrue(basic.isCritical());
    BasicConstraints constraints = BasicConstraints.getInstance(basic.getParsedValue());
    assertTrue(constraints.isCA());
    assertEquals(BigInteger.ONE, constraints.getPathLenConstraint());

    Extension usage = root.getExtension(Extension.keyUsage);
    assertTrue(usage.isCritical());
    assertEquals(
        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign),
        KeyUsage.getInstance(usage.getParsedValue()));

    assertNull(root.getExtension(Extension.extendedKeyUsage), "no EKU unless asked for");
    assertEquals(
        4,
        root.getExtensions().getExtensionOIDs().length,
        "basicConstraints, keyUsage, SKI and AKI only");

    assertEquals(
        root.getSignatureAlgorithm(), root.toASN1Structure().getTBSCertificate().getSignature());
    assertTrue(root.isSignatureValid(verifier(root.getSubjectPublicKeyInfo())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"EC", "ED25519", "ML_DSA"})
  void rootSignatureDoesNotVerifyUnderAnotherKeyOfTheSameType(String type) throws Exception {
    X509CertificateHolder root = root(type);
    CaSigner stranger = signer(KeySpec.of(signers.get(type).publicKey()));
    assertFalse(
        root.isSignatureValid(
            verifier(SubjectPublicKeyInfo.getInstance(stranger.publicKey().getEncoded()))));
    assertTrue(CaCertificateImport.selfSigned(root));
  }

  @Test
  void everyRootGetsItsOwnSerial() {
    assertFalse(root("EC").getSerialNumber().equals(root("EC").getSerialNumber()));
  }

  @Test
  void rootWithoutPathLengthHasNone() {
    X509CertificateHolder root =
        CaCertificateBuilder.selfSigned(
            new CaProfile(SUBJECT, 10, null, CA_USAGE, List.of()), signers.get("EC"));
    BasicConstraints constraints = BasicConstraints.fromExtensions(root.getExtensions());
    assertTrue(constraints.isCA());
    assertNull(constraints.getPathLenConstraint());
  }

  @Test
  void rootWithPathLengthZeroSaysZero() {
    X509CertificateHolder root =
        CaCertificateBuilder.selfSigned(
            new CaProfile(SUBJECT, 10, 0, CA_USAGE, List.of()), signers.get("EC"));
    assertEquals(
        BigInteger.ZERO,
        BasicConstraints.fromExtensions(root.getExtensions()).getPathLenConstraint());
  }

  @Test
  void requestedKeyUsageBitsAreExactlyThoseEncoded() {
    X509CertificateHolder root =
        CaCertificateBuilder.selfSigned(
            new CaProfile(
                SUBJECT,
                10,
                null,
                List.of("digitalSignature", "keyCertSign", "cRLSign"),
                List.of()),
            signers.get("EC"));
    assertEquals(
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign),
        KeyUsage.fromExtensions(root.getExtensions()));
  }

  @Test
  void extendedKeyUsageIsAddedWhenAskedFor() {
    X509CertificateHolder root =
        CaCertificateBuilder.selfSigned(
            new CaProfile(
                SUBJECT,
                10,
                null,
                CA_USAGE,
                List.of("serverAuth", "clientAuth", "1.3.6.1.4.1.99999.1")),
            signers.get("EC"));
    Extension extension = root.getExtension(Extension.extendedKeyUsage);
    assertNotNull(extension);
    assertFalse(extension.isCritical());
    ExtendedKeyUsage eku = ExtendedKeyUsage.getInstance(extension.getParsedValue());
    assertEquals(3, eku.getUsages().length);
    assertTrue(eku.hasKeyPurposeId(KeyPurposeId.id_kp_serverAuth));
    assertTrue(eku.hasKeyPurposeId(KeyPurposeId.id_kp_clientAuth));
    assertTrue(
        eku.hasKeyPurposeId(
            KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"))));
  }

  @Test
  void validityFrom2050OnIsGeneralizedTime() {
    X509CertificateHolder root =
        CaCertificateBuilder.selfSigned(
            new CaProfile(SUBJECT, 36500, null, CA_USAGE, List.of()), signers.get("EC"));
    var tbs = root.toASN1Structure().getTBSCertificate();
    // RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050
    assertTrue(tbs.getStartDate().toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1UTCTime);
    assertTrue(
        tbs.getEndDate().toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1GeneralizedTime);
    assertEquals(
        Duration.ofDays(36500),
        Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant()));
  }

  // the signature algorithm identifiers each RFC prescribes

  @Test
  void rsaSignatureAlgorithmHasNullParameters() {
    AlgorithmIdentifier algorithm = root("RSA").getSignatureAlgorithm();
    assertEquals(
        new ASN1ObjectIdentifier("1.2.840.113549.1.1.11"), algorithm.getAlgorithm()); // RFC 4055
    assertEquals(DERNull.INSTANCE, algorithm.getParameters());
  }

  @Test
  void ecdsaSignatureAlgorithmHasAbsentParameters() {
    AlgorithmIdentifier algorithm = root("EC").getSignatureAlgorithm();
    assertEquals(
        new ASN1ObjectIdentifier("1.2.840.10045.4.3.2"), algorithm.getAlgorithm()); // RFC 5758 §3.2
    assertNull(algorithm.getParameters());
  }

  @Test
  void ed25519SignatureAlgorithmHasAbsentParameters() {
    AlgorithmIdentifier algorithm = root("ED25519").getSignatureAlgorithm();
    assertEquals(new ASN1ObjectIdentifier("1.3.101.112"), algorithm.getAlgorithm()); // RFC 8410 §3
    assertNull(algorithm.getParameters());
  }

  @Test
  void mlDsa65RootUsesTheRfc9881Identifiers() throws Exception {
    X509CertificateHolder root = root("ML_DSA");
    assertAbsentParameters(ML_DSA_65, root.getSignatureAlgorithm());
    assertAbsentParameters(ML_DSA_65, root.toASN1Structure().getTBSCertificate().getSignature());
    assertAbsentParameters(ML_DSA_65, root.getSubjectPublicKeyInfo().getAlgorithm());
    assertTrue(root.isSignatureValid(verifier(root.getSubjectPublicKeyInfo())));
  }

  @Test
  void slhDsaRootUsesTheRfc9909Identifiers() throws Exception {
    CaSigner signer = signer(KeySpec.parse("SLH_DSA", null, null, "SHA2-128F"));
    X509CertificateHolder root =
        CaCertificateBuilder.selfSigned(
            new CaProfile(SUBJECT, 30, null, CA_USAGE, List.of()), signer);
    assertAbsentParameters(SLH_DSA_SHA2_128F, root.getSignatureAlgorithm());
    assertAbsentParameters(
        SLH_DSA_SHA2_128F, root.toASN1Structure().getTBSCertificate().getSignature());
    assertAbsentParameters(SLH_DSA_SHA2_128F, root.getSubjectPublicKeyInfo().getAlgorithm());
    assertTrue(root.isSignatureValid(verifier(root.getSubjectPublicKeyInfo())));
  }

  // OpenSSL's opinion

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "EC", "ED25519"})
  void openSslParsesAndVerifiesTheRoot(String type) throws Exception {
    X509CertificateHolder root = root(type);
    Files.write(dir.resolve("root.der"), root.getEncoded());
    Files.writeString(dir.resolve("root.pem"), Pem.certificate(root.getEncoded()));

    String text = OpenSsl.ok(dir, "x509", "-inform", "DER", "-in", "root.der", "-noout", "-text");
    assertTrue(text.contains("X509v3 Basic Constraints: critical"), text);
    assertTrue(text.contains("CA:TRUE, pathlen:1"), text);
    assertTrue(text.contains("X509v3 Key Usage: critical"), text);
    assertTrue(text.contains("Certificate Sign, CRL Sign"), text);
    assertTrue(text.contains("X509v3 Subject Key Identifier"), text);
    assertTrue(text.contains("X509v3 Authority Key Identifier"), text);

    String verified = OpenSsl.ok(dir, "verify", "-x509_strict", "-CAfile", "root.pem", "root.pem");
    assertEquals("root.pem: OK", verified.trim());
  }

  @Test
  void rsaPssRootIsVerifiedByOpenSsl() throws Exception {
    CaSigner pss =
        CaSigner.software(rsaPair.getPrivate(), rsaPair.getPublic(), "SHA256withRSAandMGF1");
    X509CertificateHolder root =
        CaCertificateBuilder.selfSigned(new CaProfile(SUBJECT, 30, null, CA_USAGE, List.of()), pss);
    assertEquals(
        new ASN1ObjectIdentifier("1.2.840.113549.1.1.10"),
        root.getSignatureAlgorithm().getAlgorithm());
    Files.writeString(dir.resolve("pss.pem"), Pem.certificate(root.getEncoded()));
    assertEquals(
        "pss.pem: OK",
        OpenSsl.ok(dir, "verify", "-x509_strict", "-CAfile", "pss.pem", "pss.pem").trim());
  }

  // the CSR of a "CSR only" CA

  @ParameterizedTest
  @MethodSource("keyTypes")
  void csrIsSignedAndAsksForTheCaExtensions(String type) throws Exception {
    CaSigner signer = signers.get(type);

    PKCS10CertificationRequest csr =
        CaCertificateBuilder.csr(
            new CaProfile(SUBJECT, 365, 0, CA_USAGE, List.of("OCSPSigning")), signer);

    assertEquals(SUBJECT, csr.getSubject());
    assertArrayEquals(signer.publicKey().getEncoded(), csr.getSubjectPublicKeyInfo().getEncoded());
    assertTrue(
        csr.isSignatureValid(
            new JcaContentVerifierProviderBuilder()
                .setProvider(BouncyCastle.PROVIDER)
                .build(csr.getSubjectPublicKeyInfo())));
    Extensions requested = csr.getRequestedExtensions();
    assertNotNull(requested, "no extensionRequest attribute");
    Extension basic = requested.getExtension(Extension.basicConstraints);
    assertTrue(basic.isCritical());
    BasicConstraints constraints = BasicConstraints.getInstance(basic.getParsedValue());
    assertTrue(constraints.isCA());
    assertEquals(BigInteger.ZERO, constraints.getPathLenConstraint());
    Extension usage = requested.getExtension(Extension.keyUsage);
    assertTrue(usage.isCritical());
    assertEquals(
        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign),
        KeyUsage.getInstance(usage.getParsedValue()));
    assertTrue(
        ExtendedKeyUsage.fromExtensions(requested).hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning));
    assertArrayEquals(
        sha1(csr.getSubjectPublicKeyInfo()),
        SubjectKeyIdentifier.fromExtensions(requested).getKeyIdentifier());
    assertNull(
        requested.getExtension(Extension.authorityKeyIdentifier), "the issuer supplies the AKI");
  }

  @Test
  void csrWithoutPathLengthOrEkuAsksForNeither() {
    PKCS10CertificationRequest csr =
        CaCertificateBuilder.csr(
            new CaProfile(SUBJECT, 365, null, CA_USAGE, List.of()), signers.get("EC"));
    Extensions requested = csr.getRequestedExtensions();
    assertNull(BasicConstraints.fromExtensions(requested).getPathLenConstraint());
    assertTrue(BasicConstraints.fromExtensions(requested).isCA());
    assertNull(requested.getExtension(Extension.extendedKeyUsage));
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "EC", "ED25519"})
  void openSslAcceptsTheCsr(String type) throws Exception {
    PKCS10CertificationRequest csr =
        CaCertificateBuilder.csr(
            new CaProfile(SUBJECT, 365, 1, CA_USAGE, List.of()), signers.get(type));
    Files.writeString(dir.resolve("ca.csr"), Pem.encode("CERTIFICATE REQUEST", csr.getEncoded()));

    String verified = OpenSsl.ok(dir, "req", "-in", "ca.csr", "-verify", "-noout");
    assertTrue(verified.contains("verify OK"), verified);
    String text = OpenSsl.ok(dir, "req", "-in", "ca.csr", "-noout", "-text");
    assertTrue(text.contains("Requested Extensions"), text);
    assertTrue(text.contains("CA:TRUE, pathlen:1"), text);
    assertTrue(text.contains("Certificate Sign, CRL Sign"), text);
  }

  private static X509CertificateHolder root(String type) {
    return CaCertificateBuilder.selfSigned(
        new CaProfile(SUBJECT, 30, 1, CA_USAGE, List.of()), signers.get(type));
  }

  static CaSigner signer(KeySpec spec) {
    KeyPair pair = spec.generate();
    return CaSigner.software(
        pair.getPrivate(), pair.getPublic(), spec.signatureAlgorithm("signatureAlgorithm", null));
  }

  static org.bouncycastle.operator.ContentVerifierProvider verifier(SubjectPublicKeyInfo key)
      throws Exception {
    return new JcaContentVerifierProviderBuilder()
        .setProvider(BouncyCastle.PROVIDER)
        .build(org.pkiaas.signing.CaSigners.publicKey(key.getEncoded()));
  }

  private static byte[] sha1(SubjectPublicKeyInfo key) throws Exception {
    return MessageDigest.getInstance("SHA-1").digest(key.getPublicKeyData().getBytes());
  }

  private static void assertAbsentParameters(
      ASN1ObjectIdentifier expected, AlgorithmIdentifier algorithm) {
    assertEquals(expected, algorithm.getAlgorithm());
    assertNull(
        algorithm.getParameters(), "parameters must be absent, not " + algorithm.getParameters());
  }
}
