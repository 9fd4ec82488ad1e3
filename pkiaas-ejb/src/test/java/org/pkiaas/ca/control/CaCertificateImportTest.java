package org.pkiaas.ca.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pkiaas.ca.control.CaCertificateBuilder.CaProfile;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.CaSigner;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.x509.KeyIdentifiers;
import org.pkiaas.x509.SerialNumbers;

class CaCertificateImportTest {

  private static final X500Name ROOT = new X500Name("O=PKIaaS Test,CN=Import Root");
  private static final X500Name INTERMEDIATE =
      new X500Name("O=PKIaaS Test,CN=Imported Intermediate");
  private static final List<String> CA_USAGE = List.of("keyCertSign", "cRLSign");
  private static final int CA_BITS = KeyUsage.keyCertSign | KeyUsage.cRLSign;
  private static final Function<X509CertificateHolder, List<X509CertificateHolder>> NO_AIA =
      c -> List.of();

  private static CaSigner rootSigner;
  private static X509CertificateHolder root;

  /** The key of the "CSR only" CA that imports its certificate. */
  private static CaSigner intermediateSigner;

  private static byte[] intermediateKey;

  @BeforeAll
  static void buildRoot() {
    rootSigner = CaCertificateBuilderTest.signer(KeySpec.parse("EC", null, "P-256", null));
    root =
        CaCertificateBuilder.selfSigned(
            new CaProfile(ROOT, 3650, null, CA_USAGE, List.of()), rootSigner);
    intermediateSigner = CaCertificateBuilderTest.signer(KeySpec.parse("EC", null, "P-384", null));
    intermediateKey = intermediateSigner.publicKey().getEncoded();
  }

  // accepted

  @Test
  void certificateIssuedByTheGivenRootIsAccepted() throws IOException {
    X509CertificateHolder certificate =
        caCertificate(root, rootSigner, INTERMEDIATE, intermediateSigner.publicKey());

    var chain =
        new CaCertificateImport(NO_AIA)
            .verify(intermediateKey, pem(certificate), pem(root), new Date());

    assertArrayEquals(certificate.getEncoded(), chain.certificate().getEncoded());
    assertEquals(List.of(root), chain.issuers());
    assertEquals(certificate.getSerialNumber(), chain.serial());
  }

  @Test
  void rootMayFollowTheCertificateInTheSamePem() {
    X509CertificateHolder certificate =
        caCertificate(root, rootSigner, INTERMEDIATE, intermediateSigner.publicKey());
    var chain =
        new CaCertificateImport(NO_AIA)
            .verify(intermediateKey, pem(certificate) + pem(root), null, new Date());
    assertEquals(List.of(root), chain.issuers());
  }

  @Test
  void missingRootIsFetchedFromTheIssuerSource() {
    X509CertificateHolder certificate =
        caCertificate(root, rootSigner, INTERMEDIATE, intermediateSigner.publicKey());
    List<X509CertificateHolder> asked = new ArrayList<>();

    var chain =
        new CaCertificateImport(
                c -> {
                  asked.add(c);
                  return List.of(root);
                })
            .verify(intermediateKey, pem(certificate), null, new Date());

    assertEquals(List.of(root), chain.issuers());
    assertEquals(
        List.of(certificate),
        asked,
        "AIA is consulted for the certificate whose issuer is missing");
  }

  @Test
  void issuerSourceIsNotConsultedWhenTheChainIsComplete() {
    X509CertificateHolder certificate =
        caCertificate(root, rootSigner, INTERMEDIATE, intermediateSigner.publicKey());
    new CaCertificateImport(
            c -> {
              throw new AssertionError("AIA fetched although the chain was given");
            })
        .verify(intermediateKey, pem(certificate), pem(root), new Date());
  }

  @Test
  void twoLevelChainIsBuiltNearestFirstWhateverTheOrderGiven() {
    CaSigner middleSigner =
        CaCertificateBuilderTest.signer(KeySpec.parse("EC", null, "P-256", null));
    X509CertificateHolder middle =
        caCertificate(root, rootSigner, new X500Name("CN=Middle"), middleSigner.publicKey());
    X509CertificateHolder certificate =
        caCertificate(middle, middleSigner, INTERMEDIATE, intermediateSigner.publicKey());

    var chain =
        new CaCertificateImport(NO_AIA)
            .verify(intermediateKey, pem(certificate), pem(root) + pem(middle), new Date());

    assertEquals(List.of(middle, root), chain.issuers());
  }

  @Test
  void rootWithPathLengthOneAllowsOneCaBelowIt() {
    CaSigner signer = CaCertificateBuilderTest.signer(KeySpec.parse("EC", null, "P-256", null));
    X509CertificateHolder limitedRoot =
        CaCertificateBuilder.selfSigned(new CaProfile(ROOT, 3650, 1, CA_USAGE, List.of()), signer);
    X509CertificateHolder certificate =
        caCertificate(limitedRoot, signer, INTERMEDIATE, intermediateSigner.publicKey());
    var chain =
        new CaCertificateImport(NO_AIA)
            .verify(intermediateKey, pem(certificate), pem(limitedRoot), new Date());
    assertEquals(List.of(limitedRoot), chain.issuers());
  }

  @Test
  void issuersPemRoundTrips() throws IOException {
    CaSigner middleSigner =
        CaCertificateBuilderTest.signer(KeySpec.parse("EC", null, "P-256", null));
    X509CertificateHolder middle =
        caCertificate(root, rootSigner, new X500Name("CN=Middle"), middleSigner.publicKey());
    X509CertificateHolder certificate =
        caCertificate(middle, middleSigner, INTERMEDIATE, intermediateSigner.publicKey());
    var chain =
        new CaCertificateImport(NO_AIA)
            .verify(intermediateKey, pem(certificate), pem(middle) + pem(root), new Date());

    String issuersPem = chain.issuersPem();

    assertEquals(2, issuersPem.split("-----BEGIN CERTIFICATE-----").length - 1);
    List<X509CertificateHolder> read = Pem.certificates("chainPem", issuersPem);
    assertEquals(encodings(chain.issuers()), encodings(read));
    var again =
        new CaCertificateImport(NO_AIA)
            .verify(intermediateKey, pem(certificate), issuersPem, new Date());
    assertEquals(chain.issuers(), again.issuers());
  }

  // refused: the certificate itself

  @Test
  void certificateForAnotherKeyIsRefused() {
    X509CertificateHolder certificate =
        caCertificate(root, rootSigner, INTERMEDIATE, intermediateSigner.publicKey());
    byte[] otherKey = rootSigner.publicKey().getEncoded();
    assertRefused(
        "certificatePem",
        () ->
            new CaCertificateImport(NO_AIA)
                .verify(otherKey, pem(certificate), pem(root), new Date()));
  }

  @Test
  void endEntityCertificateIsRefused() {
    X509CertificateHolder notCa =
        issue(
            root,
            rootSigner,
            INTERMEDIATE,
            intermediateSigner.publicKey(),
            new BasicConstraints(false),
            KeyUsage.digitalSignature,
            Instant.now().minus(Duration.ofHours(1)),
            Instant.now().plus(Duration.ofDays(365)));
    InvalidInputException e =
        assertRefused(
            "certificatePem",
            () ->
                new CaCertificateImport(NO_AIA)
                    .verify(intermediateKey, pem(notCa), pem(root), new Date()));
    assertTrue(e.getMessage().contains("not a CA"), e.getMessage());
  }

  @Test
  void certificateWithoutBasicConstraintsIsRefused() {
    X509CertificateHolder notCa =
        issue(
            root,
            rootSigner,
            INTERMEDIATE,
            intermediateSigner.publicKey(),
            null,
            null,
            Instant.now().minus(Duration.ofHours(1)),
            Instant.now().plus(Duration.ofDays(365)));
    assertRefused(
        "certificatePem",
        () ->
            new CaCertificateImport(NO_AIA)
                .verify(intermediateKey, pem(notCa), pem(root), new Date()));
  }

  @Test
  void caCertificateThatMayNotSignCertificatesIsRefused() {
    X509CertificateHolder crlOnly =
        issue(
            root,
            rootSigner,
            INTERMEDIATE,
            intermediateSigner.publicKey(),
            new BasicConstraints(true),
            KeyUsage.cRLSign | KeyUsage.digitalSignature,
            Instant.now().minus(Duration.ofHours(1)),
            Instant.now().plus(Duration.ofDays(365)));
    InvalidInputException e =
        assertRefused(
            "certificatePem",
            () ->
                new CaCertificateImport(NO_AIA)
                    .verify(intermediateKey, pem(crlOnly), pem(root), new Date()));
    assertTrue(e.getMessage().contains("keyCertSign"), e.getMessage());
  }

  @Test
  void expiredCertificateIsRefused() {
    X509CertificateHolder certificate =
        caCertificate(root, rootSigner, INTERMEDIATE, intermediateSigner.publicKey());
    Date later = Date.from(Instant.now().plus(Duration.ofDays(400)));
    assertRefused(
        "certificatePem",
        () ->
            new CaCertificateImport(NO_AIA)
                .verify(intermediateKey, pem(certificate), pem(root), later));
  }

  @Test
  void garbageIsRefusedNamingItsField() {
    X509CertificateHolder certificate =
        caCertificate(root, rootSigner, INTERMEDIATE, intermediateSigner.publicKey());
    assertRefused(
        "certificatePem",
        () ->
            new CaCertificateImport(NO_AIA)
                .verify(intermediateKey, "garbage", pem(root), new Date()));
    assertRefused(
        "chainPem",
        () ->
            new CaCertificateImport(NO_AIA)
                .verify(intermediateKey, pem(certificate), "garbage", new Date()));
  }

  // refused: the chain

  @Test
  void missingIssuerIsRefused() {
    X509CertificateHolder certificate =
        caCertificate(root, rootSigner, INTERMEDIATE, intermediateSigner.publicKey());
    InvalidInputException e =
        assertRefused(
            "chainPem",
            () ->
                new CaCertificateImport(NO_AIA)
                    .verify(intermediateKey, pem(certificate), null, new Date()));
    assertTrue(e.getMessage().contains("Import Root"), e.getMessage());
  }

  @Test
  void impostorRootWithTheSameNameIsRefused() {
    CaSigner impostorSigner =
        CaCertificateBuilderTest.signer(KeySpec.parse("EC", null, "P-256", null));
    X509CertificateHolder impostor =
        CaCertificateBuilder.selfSigned(
            new CaProfile(ROOT, 3650, null, CA_USAGE, List.of()), impostorSigner);
    X509CertificateHolder certificate =
        caCertificate(root, rootSigner, INTERMEDIATE, intermediateSigner.publicKey());
    assertRefused(
        "chainPem",
        () ->
            new CaCertificateImport(c -> List.of(impostor))
                .verify(intermediateKey, pem(certificate), pem(impostor), new Date()));
  }

  @Test
  void rootWithPathLengthZeroIsRefused() {
    CaSigner signer = CaCertificateBuilderTest.signer(KeySpec.parse("EC", null, "P-256", null));
    X509CertificateHolder leafOnlyRoot =
        CaCertificateBuilder.selfSigned(new CaProfile(ROOT, 3650, 0, CA_USAGE, List.of()), signer);
    X509CertificateHolder certificate =
        caCertificate(leafOnlyRoot, signer, INTERMEDIATE, intermediateSigner.publicKey());
    InvalidInputException e =
        assertRefused(
            "chainPem",
            () ->
                new CaCertificateImport(NO_AIA)
                    .verify(intermediateKey, pem(certificate), pem(leafOnlyRoot), new Date()));
    assertTrue(e.getMessage().contains("path length"), e.getMessage());
  }

  @Test
  void rootWithPathLengthOneIsRefusedTwoLevelsUp() {
    CaSigner signer = CaCertificateBuilderTest.signer(KeySpec.parse("EC", null, "P-256", null));
    X509CertificateHolder limitedRoot =
        CaCertificateBuilder.selfSigned(new CaProfile(ROOT, 3650, 1, CA_USAGE, List.of()), signer);
    CaSigner middleSigner =
        CaCertificateBuilderTest.signer(KeySpec.parse("EC", null, "P-256", null));
    X509CertificateHolder middle =
        caCertificate(limitedRoot, signer, new X500Name("CN=Middle"), middleSigner.publicKey());
    X509CertificateHolder certificate =
        caCertificate(middle, middleSigner, INTERMEDIATE, intermediateSigner.publicKey());
    assertRefused(
        "chainPem",
        () ->
            new CaCertificateImport(NO_AIA)
                .verify(
                    intermediateKey, pem(certificate), pem(middle) + pem(limitedRoot), new Date()));
  }

  @Test
  void expiredIssuerIsRefused() {
    X509CertificateHolder shortRoot =
        CaCertificateBuilder.selfSigned(
            new CaProfile(ROOT, 1, null, CA_USAGE, List.of()), rootSigner);
    X509CertificateHolder certificate =
        caCertificate(shortRoot, rootSigner, INTERMEDIATE, intermediateSigner.publicKey());
    Date threeDaysOn = Date.from(Instant.now().plus(Duration.ofDays(3)));
    InvalidInputException e =
        assertRefused(
            "chainPem",
            () ->
                new CaCertificateImport(NO_AIA)
                    .verify(intermediateKey, pem(certificate), pem(shortRoot), threeDaysOn));
    assertTrue(e.getMessage().contains("not valid"), e.getMessage());
  }

  @Test
  void endEntityIssuerIsRefused() {
    CaSigner leafSigner = CaCertificateBuilderTest.signer(KeySpec.parse("EC", null, "P-256", null));
    X509CertificateHolder leaf =
        issue(
            root,
            rootSigner,
            new X500Name("CN=Not A CA"),
            leafSigner.publicKey(),
            new BasicConstraints(false),
            KeyUsage.digitalSignature,
            Instant.now().minus(Duration.ofHours(1)),
            Instant.now().plus(Duration.ofDays(365)));
    X509CertificateHolder certificate =
        caCertificate(leaf, leafSigner, INTERMEDIATE, intermediateSigner.publicKey());
    assertRefused(
        "chainPem",
        () ->
            new CaCertificateImport(NO_AIA)
                .verify(intermediateKey, pem(certificate), pem(leaf) + pem(root), new Date()));
  }

  private static X509CertificateHolder caCertificate(
      X509CertificateHolder issuer, CaSigner issuerSigner, X500Name subject, PublicKey key) {
    return issue(
        issuer,
        issuerSigner,
        subject,
        key,
        new BasicConstraints(true),
        CA_BITS,
        Instant.now().minus(Duration.ofHours(1)),
        Instant.now().plus(Duration.ofDays(365)));
  }

  /** Issues a certificate the way an external CA would, with plain Bouncy Castle. */
  private static X509CertificateHolder issue(
      X509CertificateHolder issuer,
      CaSigner issuerSigner,
      X500Name subject,
      PublicKey key,
      BasicConstraints constraints,
      Integer keyUsage,
      Instant notBefore,
      Instant notAfter) {
    BigInteger serial = SerialNumbers.random();
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            issuer.getSubject(),
            serial,
            Date.from(notBefore),
            Date.from(notAfter),
            subject,
            SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    try {
      if (constraints != null) {
        builder.addExtension(Extension.basicConstraints, true, constraints);
      }
      if (keyUsage != null) {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
      }
      builder.addExtension(Extension.subjectKeyIdentifier, false, KeyIdentifiers.subject(key));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, KeyIdentifiers.authority(issuer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return builder.build(issuerSigner.contentSigner());
  }

  private static InvalidInputException assertRefused(String field, Executable call) {
    InvalidInputException e = assertThrows(InvalidInputException.class, call);
    assertEquals(field, e.field(), e.getMessage());
    return e;
  }

  private static String pem(X509CertificateHolder certificate) {
    try {
      return Pem.certificate(certificate.getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> encodings(List<X509CertificateHolder> certificates) {
    return certificates.stream().map(CaCertificateImportTest::pem).collect(Collectors.toList());
  }
}
