package org.pkiaas.issuance.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierId;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.ca.control.CaCertificateBuilder;
import org.pkiaas.ca.control.CaCertificateBuilder.CaProfile;
import org.pkiaas.issuance.control.CertificateProfile.Issuer;
import org.pkiaas.issuance.control.CertificateProfile.Overrides;
import org.pkiaas.issuance.control.CertificateProfile.Request;
import org.pkiaas.issuance.control.CertificateProfile.ToBeSigned;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.signing.CaSigner;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.signing.OpenSsl;
import org.pkiaas.template.entity.StarterTemplate;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.template.entity.TemplateSettings.Constraints;
import org.pkiaas.template.entity.TemplateSettings.Distribution;
import org.pkiaas.template.entity.TemplateSettings.General;
import org.pkiaas.template.entity.TemplateSettings.Requests;
import org.pkiaas.template.entity.TemplateSettings.Subject;
import org.pkiaas.template.entity.TemplateSettings.Usage;
import org.pkiaas.x509.SanType;
import org.pkiaas.x509.SubjectAltNames;

class CertificateProfileTest {

  private static final X500Name ROOT_NAME = new X500Name("C=DE,O=PKIaaS Test,CN=Profile Test Root");
  private static final List<String> CA_USAGE = List.of("keyCertSign", "cRLSign");
  private static final BigInteger SERIAL = new BigInteger("7a3f0c22e5b14d0e9c8b", 16);
  private static final String CA_ISSUERS = "http://pki.test/pki/ca/ca-1.crt";
  private static final String OCSP = "http://pki.test/pki/ocsp/ca-1";
  private static final String CRL = "http://pki.test/pki/crl/ca-1.crl";
  private static final ASN1ObjectIdentifier TLS_FEATURE =
      new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.24");
  private static final ASN1ObjectIdentifier PRIVATE_EXTENSION = new ASN1ObjectIdentifier("1.2.3.4");
  private static final X500Name EMPTY = new X500Name(new RDN[0]);

  private static KeySpec caKey;
  private static CaSigner rootSigner;
  private static X509CertificateHolder root;
  private static Issuer issuer;
  private static KeyPair rsa;
  private static KeyPair ec;

  @TempDir Path dir;

  @BeforeAll
  static void buildRoot() {
    caKey = KeySpec.parse("EC", null, "P-256", null);
    KeyPair pair = caKey.generate();
    rootSigner = CaSigner.software(pair.getPrivate(), pair.getPublic(), "SHA256withECDSA");
    root =
        CaCertificateBuilder.selfSigned(
            new CaProfile(ROOT_NAME, 3650, null, CA_USAGE, List.of()), rootSigner);
    issuer = new Issuer("ca-1", root, caKey, "SHA256withECDSA", "http://pki.test", null);
    rsa = KeySpec.parse("RSA", 2048, null, null).generate();
    ec = KeySpec.parse("EC", null, "P-256", null).generate();
  }

  // what each starter promises

  /**
   * What a starter's certificates carry, written out here rather than read back from the starter.
   */
  private record Promise(
      int keyUsage,
      List<String> extendedKeyUsage,
      boolean ekuCritical,
      boolean ca,
      boolean ocspNoCheck,
      boolean ocspUrl) {}

  private static Promise promise(StarterTemplate starter) {
    int signing = KeyUsage.digitalSignature;
    int tls = KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
    return switch (starter) {
      case WEB_SERVER -> new Promise(tls, List.of("1.3.6.1.5.5.7.3.1"), false, false, false, true);
      case CLIENT_AUTHENTICATION ->
          new Promise(tls, List.of("1.3.6.1.5.5.7.3.2"), false, false, false, true);
      case WEB_SERVER_AND_CLIENT ->
          new Promise(
              tls, List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), false, false, false, true);
      case SMIME -> new Promise(tls, List.of("1.3.6.1.5.5.7.3.4"), false, false, false, true);
      case CODE_SIGNING ->
          new Promise(signing, List.of("1.3.6.1.5.5.7.3.3"), false, false, false, true);
      case DOCUMENT_SIGNING ->
          new Promise(
              signing | KeyUsage.nonRepudiation,
              List.of("1.3.6.1.5.5.7.3.36"),
              false,
              false,
              false,
              true);
      case TIMESTAMPING ->
          new Promise(signing, List.of("1.3.6.1.5.5.7.3.8"), true, false, false, true);
      case OCSP_SIGNING ->
          new Promise(signing, List.of("1.3.6.1.5.5.7.3.9"), false, false, true, false);
      case CERTIFICATE_AUTHORITY ->
          new Promise(
              KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature,
              List.of(),
              false,
              true,
              false,
              true);
      case DOMAIN_CONTROLLER ->
          new Promise(
              tls,
              List.of(
                  "1.3.6.1.5.5.7.3.2",
                  "1.3.6.1.5.5.7.3.1",
                  "1.3.6.1.5.2.3.5",
                  "1.3.6.1.4.1.311.20.2.2"),
              false,
              false,
              false,
              true);
    };
  }

  /** One name of every type the starter allows. */
  private static List<String> sampleNames(StarterTemplate starter) {
    List<String> names = new ArrayList<>();
    for (SanType type : starter.defaults("T", null).requests().allowedSanTypes()) {
      names.add(
          switch (type) {
            case DNS -> "DNS:leaf.example";
            case IP -> "IP:192.0.2.10";
            case EMAIL -> "EMAIL:leaf@example.com";
            case URI -> "URI:https://leaf.example/";
            case UPN -> "UPN:leaf@corp.example";
          });
    }
    return names;
  }

  @ParameterizedTest
  @EnumSource(StarterTemplate.class)
  void rsaCertificateCarriesExactlyTheStartersExtensions(StarterTemplate starter) throws Exception {
    List<String> names = sampleNames(starter);
    X509CertificateHolder certificate =
        issue(starter.defaults("T", null), request(rsa, "CN=leaf.example,O=Test", names));
    assertStarterExtensions(starter, certificate, promise(starter).keyUsage(), !names.isEmpty());
  }

  /** An EC key cannot encrypt: keyEncipherment and dataEncipherment are dropped (RFC 5480 §3). */
  @ParameterizedTest
  @EnumSource(StarterTemplate.class)
  void ecCertificateCarriesTheStartersExtensionsWithoutEncipherment(StarterTemplate starter)
      throws Exception {
    List<String> names = sampleNames(starter);
    X509CertificateHolder certificate =
        issue(starter.defaults("T", null), request(ec, "CN=leaf.example,O=Test", names));
    int expected =
        promise(starter).keyUsage() & ~(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment);
    assertStarterExtensions(starter, certificate, expected, !names.isEmpty());
  }

  private static void assertStarterExtensions(
      StarterTemplate starter, X509CertificateHolder certificate, int keyUsage, boolean withNames)
      throws Exception {
    Promise promise = promise(starter);
    assertTrue(certificate.isSignatureValid(verifier(root)), "signed by the root");
    assertEquals(3, certificate.getVersionNumber());
    assertEquals(SERIAL, certificate.getSerialNumber());
    assertEquals(root.getSubject(), certificate.getIssuer());

    Set<ASN1ObjectIdentifier> expected =
        new HashSet<>(
            List.of(
                Extension.basicConstraints,
                Extension.keyUsage,
                Extension.subjectKeyIdentifier,
                Extension.authorityKeyIdentifier,
                Extension.authorityInfoAccess,
                Extension.cRLDistributionPoints));
    if (!promise.extendedKeyUsage().isEmpty()) {
      expected.add(Extension.extendedKeyUsage);
    }
    if (withNames) {
      expected.add(Extension.subjectAlternativeName);
    }
    if (promise.ocspNoCheck()) {
      expected.add(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck);
    }
    assertEquals(
        expected,
        new HashSet<>(certificate.getExtensionOIDs()),
        "no certificatePolicies or anything else");

    Extension basic = certificate.getExtension(Extension.basicConstraints);
    assertTrue(basic.isCritical());
    BasicConstraints constraints = BasicConstraints.getInstance(basic.getParsedValue());
    assertEquals(promise.ca(), constraints.isCA());
    assertEquals(promise.ca() ? BigInteger.ZERO : null, constraints.getPathLenConstraint());

    Extension usage = certificate.getExtension(Extension.keyUsage);
    assertTrue(usage.isCritical());
    assertEquals(new KeyUsage(keyUsage), KeyUsage.getInstance(usage.getParsedValue()));

    Extension eku = certificate.getExtension(Extension.extendedKeyUsage);
    if (promise.extendedKeyUsage().isEmpty()) {
      assertNull(eku);
    } else {
      assertEquals(promise.ekuCritical(), eku.isCritical());
      assertEquals(promise.extendedKeyUsage(), purposes(certificate));
    }

    if (promise.ocspNoCheck()) {
      Extension noCheck = certificate.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck);
      assertFalse(noCheck.isCritical());
      assertEquals(DERNull.INSTANCE, noCheck.getParsedValue()); // RFC 6960 §4.2.2.2.1
    }

    assertKeyIdentifiers(certificate);
    assertEquals(
        promise.ocspUrl()
            ? List.of("caIssuers " + CA_ISSUERS, "ocsp " + OCSP)
            : List.of("caIssuers " + CA_ISSUERS),
        access(certificate));
    assertFalse(certificate.getExtension(Extension.authorityInfoAccess).isCritical());
    assertEquals(List.of(CRL), distributionPoints(certificate, Extension.cRLDistributionPoints));
    assertFalse(certificate.getExtension(Extension.cRLDistributionPoints).isCritical());
  }

  @Test
  void subjectAndAuthorityKeyIdentifiersFollowMethodOne() throws Exception {
    X509CertificateHolder certificate =
        issue(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            request(rsa, "CN=leaf.example", List.of("DNS:leaf.example")));
    assertKeyIdentifiers(certificate);
    AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(certificate.getExtensions());
    assertNull(aki.getAuthorityCertIssuer());
    assertNull(aki.getAuthorityCertSerialNumber());
  }

  /**
   * RFC 5480 §2.2 allows a compressed EC point in a CSR; the certificate carries the key as given,
   * so its SKI (method 1, as {@code KeyIdentifiers} documents) is the SHA-1 of those same bits.
   */
  @Test
  void subjectKeyIdentifierOfACompressedEcKeyHashesTheKeyAsCertified() throws Exception {
    var key = (org.bouncycastle.jce.interfaces.ECPublicKey) ec.getPublic();
    AlgorithmIdentifier algorithm =
        SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm();
    SubjectPublicKeyInfo compressed =
        new SubjectPublicKeyInfo(algorithm, key.getQ().getEncoded(true));
    X509CertificateHolder certificate =
        issue(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            new Request(compressed, new X500Name("CN=compressed.example"), List.of(), null));
    assertEquals(compressed, certificate.getSubjectPublicKeyInfo());
    assertKeyIdentifiers(certificate);
  }

  @Test
  void caTemplateWithoutPathLengthIssuesAnUnlimitedCa() {
    TemplateSettings template =
        with(
            StarterTemplate.CERTIFICATE_AUTHORITY.defaults("T", null), new Constraints(true, null));
    BasicConstraints constraints =
        BasicConstraints.fromExtensions(
            issue(template, request(ec, "CN=Sub CA", List.of())).getExtensions());
    assertTrue(constraints.isCA());
    assertNull(constraints.getPathLenConstraint());
  }

  @Test
  void caTemplatePathLengthIsWritten() {
    TemplateSettings template =
        with(StarterTemplate.CERTIFICATE_AUTHORITY.defaults("T", null), new Constraints(true, 2));
    assertEquals(
        BigInteger.TWO,
        BasicConstraints.fromExtensions(
                issue(template, request(ec, "CN=Sub CA", List.of())).getExtensions())
            .getPathLenConstraint());
  }

  @Test
  void customExtendedKeyUsageOidIsWritten() {
    TemplateSettings template =
        with(
            StarterTemplate.CLIENT_AUTHENTICATION.defaults("T", null),
            new Usage(
                List.of("digitalSignature"),
                List.of("clientAuth", "1.3.6.1.4.1.99999.1"),
                false,
                false));
    assertEquals(
        List.of("1.3.6.1.5.5.7.3.2", "1.3.6.1.4.1.99999.1"),
        purposes(issue(template, request(ec, "CN=c", List.of()))));
  }

  @Test
  void templateWithoutExtendedKeyUsagesWritesNone() {
    TemplateSettings template =
        with(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            new Usage(List.of("digitalSignature"), List.of(), false, false));
    assertNull(
        issue(template, request(ec, "CN=c", List.of())).getExtension(Extension.extendedKeyUsage));
  }

  // OpenSSL's opinion

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "WEB_SERVER            | sslserver     | TLS Web Server Authentication",
        "CLIENT_AUTHENTICATION | sslclient     | TLS Web Client Authentication",
        "WEB_SERVER_AND_CLIENT | sslserver     | TLS Web Server Authentication, TLS Web Client Authentication",
        "SMIME                 | smimesign     | E-mail Protection",
        "CODE_SIGNING          |               | Code Signing",
        "DOCUMENT_SIGNING      |               | X509v3 Extended Key Usage",
        "TIMESTAMPING          | timestampsign | Time Stamping",
        "OCSP_SIGNING          | ocsphelper    | OCSP Signing",
        "CERTIFICATE_AUTHORITY |               | CA:TRUE, pathlen:0",
        "DOMAIN_CONTROLLER     | sslserver     | Signing KDC Response",
      })
  void openSslReadsAndVerifiesEachStartersCertificate(
      StarterTemplate starter, String purpose, String shown) throws Exception {
    X509CertificateHolder certificate =
        issue(
            starter.defaults("T", null),
            request(rsa, "CN=leaf.example,O=Test", sampleNames(starter)));
    Files.write(dir.resolve("leaf.der"), certificate.getEncoded());

    String text = OpenSsl.ok(dir, "x509", "-inform", "DER", "-in", "leaf.der", "-noout", "-text");

    assertTrue(text.contains(shown), text);
    assertTrue(text.contains("X509v3 Basic Constraints: critical"), text);
    assertTrue(text.contains("X509v3 Key Usage: critical"), text);
    assertTrue(text.contains("X509v3 Subject Key Identifier"), text);
    assertTrue(text.contains("X509v3 Authority Key Identifier"), text);
    assertTrue(text.contains("CA Issuers - URI:" + CA_ISSUERS), text);
    assertTrue(text.contains("URI:" + CRL), text);
    assertEquals(
        starter != StarterTemplate.OCSP_SIGNING, text.contains("OCSP - URI:" + OCSP), text);
    assertFalse(text.contains("Certificate Policies"), text);
    switch (starter) {
      case TIMESTAMPING -> assertTrue(text.contains("X509v3 Extended Key Usage: critical"), text);
      case OCSP_SIGNING -> assertTrue(text.contains("OCSP No Check"), text);
      case CODE_SIGNING -> assertTrue(text.contains("Digital Signature\n"), text);
      case CERTIFICATE_AUTHORITY ->
          assertTrue(text.contains("Digital Signature, Certificate Sign, CRL Sign"), text);
      case WEB_SERVER -> assertTrue(text.contains("Digital Signature, Key Encipherment"), text);
      case DOMAIN_CONTROLLER -> assertTrue(text.contains("Microsoft Smartcard Login"), text);
      default -> assertTrue(text.contains("CA:FALSE"), text);
    }

    assertEquals("leaf.pem: OK", verify(certificate, purpose).trim());
  }

  @ParameterizedTest
  @ValueSource(strings = {"EC", "ED25519"})
  void openSslVerifiesWebServerCertificatesForOtherKeyTypes(String type) throws Exception {
    KeyPair key = KeySpec.parse(type, null, null, null).generate();
    X509CertificateHolder certificate =
        issue(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            request(key, "CN=leaf.example", List.of("DNS:leaf.example")));
    assertEquals("leaf.pem: OK", verify(certificate, "sslserver").trim());
  }

  @Test
  void openSslAcceptsACertificateWithAnEmptySubjectAndCriticalNames() throws Exception {
    X509CertificateHolder certificate =
        issue(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            request(rsa, null, List.of("DNS:leaf.example")));
    assertEquals("leaf.pem: OK", verify(certificate, "sslserver").trim());
  }

  @Test
  void openSslShowsPoliciesFreshestCrlAndCopiedMustStaple() throws Exception {
    TemplateSettings web = StarterTemplate.WEB_SERVER.defaults("T", null);
    TemplateSettings template =
        with(
            with(web, new Distribution(true, null, true, true, true, true, "2.23.140.1.2.1")),
            new Requests(
                web.requests().allowedKeyTypes(), 2048, web.requests().allowedSanTypes(), true));
    X509CertificateHolder certificate =
        issue(
            template,
            new Request(
                spki(rsa),
                new X500Name("CN=leaf.example"),
                names("DNS:leaf.example"),
                requestedExtensions()));
    Files.write(dir.resolve("leaf.der"), certificate.getEncoded());

    String text = OpenSsl.ok(dir, "x509", "-inform", "DER", "-in", "leaf.der", "-noout", "-text");

    assertTrue(text.contains("Policy: 2.23.140.1.2.1"), text);
    assertTrue(text.contains("CPS: http://pki.test/cps/ca-1"), text);
    assertTrue(text.contains("Freshest CRL"), text);
    assertTrue(text.contains("URI:http://pki.test/pki/crl/ca-1-delta.crl"), text);
    assertTrue(text.contains("TLS Feature"), text);
    assertTrue(text.contains("status_request"), text);
    assertEquals("leaf.pem: OK", verify(certificate, "sslserver").trim());
  }

  // distribution options

  @Test
  void ocspWithoutCaIssuersGivesAnAiaWithOcspOnly() {
    X509CertificateHolder certificate =
        issue(distribution(new Distribution(false, null, true, true, false, false, null)));
    assertEquals(List.of("ocsp " + OCSP), access(certificate));
    assertEquals(List.of(CRL), distributionPoints(certificate, Extension.cRLDistributionPoints));
  }

  @Test
  void caIssuersWithoutOcspGivesAnAiaWithCaIssuersOnly() {
    X509CertificateHolder certificate =
        issue(distribution(new Distribution(true, null, false, false, false, false, null)));
    assertEquals(List.of("caIssuers " + CA_ISSUERS), access(certificate));
    assertNull(certificate.getExtension(Extension.cRLDistributionPoints));
  }

  @Test
  void everythingOffGivesNoAiaAndNoCdp() {
    X509CertificateHolder certificate =
        issue(distribution(new Distribution(false, null, false, false, false, false, null)));
    assertNull(certificate.getExtension(Extension.authorityInfoAccess));
    assertNull(certificate.getExtension(Extension.cRLDistributionPoints));
    assertNull(certificate.getExtension(Extension.freshestCRL));
    assertNull(certificate.getExtension(Extension.certificatePolicies));
    assertNotNull(certificate.getExtension(Extension.authorityKeyIdentifier));
  }

  @Test
  void customCaIssuersUrlIsWritten() {
    X509CertificateHolder certificate =
        issue(
            distribution(
                new Distribution(
                    true,
                    "https://repo.example/certs/issuing.crt",
                    true,
                    true,
                    false,
                    false,
                    null)));
    assertEquals(
        List.of("caIssuers https://repo.example/certs/issuing.crt", "ocsp " + OCSP),
        access(certificate));
  }

  @Test
  void freshestCrlPointsAtTheDeltaCrl() {
    X509CertificateHolder certificate =
        issue(distribution(new Distribution(true, null, true, true, true, false, null)));
    assertEquals(
        List.of("http://pki.test/pki/crl/ca-1-delta.crl"),
        distributionPoints(certificate, Extension.freshestCRL));
    assertFalse(certificate.getExtension(Extension.freshestCRL).isCritical()); // RFC 5280 §4.2.1.15
    assertEquals(List.of(CRL), distributionPoints(certificate, Extension.cRLDistributionPoints));
  }

  @Test
  void policiesCarryTheDefaultCpsUrl() {
    X509CertificateHolder certificate =
        issue(
            distribution(new Distribution(true, null, true, true, false, true, "2.23.140.1.2.1")));
    assertPolicy(certificate, "2.23.140.1.2.1", "http://pki.test/cps/ca-1");
  }

  @Test
  void policiesCarryTheIssuersCpsUrlWhenSet() {
    Issuer withCps =
        new Issuer(
            "ca-1",
            root,
            caKey,
            "SHA256withECDSA",
            "http://pki.test",
            "https://example.com/cps.pdf");
    TemplateSettings template =
        distribution(
            new Distribution(true, null, true, true, false, true, "1.3.6.1.4.1.99999.7.1"));
    X509CertificateHolder certificate =
        sign(
            CertificateProfile.build(
                template,
                withCps,
                request(ec, "CN=leaf.example", List.of("DNS:leaf.example")),
                Overrides.NONE,
                SERIAL,
                Instant.now()));
    assertPolicy(certificate, "1.3.6.1.4.1.99999.7.1", "https://example.com/cps.pdf");
  }

  @Test
  void urlsUseTheIssuersPublicUrlAndCaId() {
    Issuer other =
        new Issuer("0f2c-77", root, caKey, "SHA256withECDSA", "https://ca.example.org", null);
    X509CertificateHolder certificate =
        sign(
            CertificateProfile.build(
                distribution(new Distribution(true, null, true, true, true, false, null)),
                other,
                request(ec, "CN=leaf.example", List.of()),
                Overrides.NONE,
                SERIAL,
                Instant.now()));
    assertEquals(
        List.of(
            "caIssuers https://ca.example.org/pki/ca/0f2c-77.crt",
            "ocsp https://ca.example.org/pki/ocsp/0f2c-77"),
        access(certificate));
    assertEquals(
        List.of("https://ca.example.org/pki/crl/0f2c-77.crl"),
        distributionPoints(certificate, Extension.cRLDistributionPoints));
    assertEquals(
        List.of("https://ca.example.org/pki/crl/0f2c-77-delta.crl"),
        distributionPoints(certificate, Extension.freshestCRL));
  }

  // signature algorithm

  @Test
  void issuersSignatureAlgorithmIsTheDefault() {
    ToBeSigned tbs =
        build(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            request(ec, "CN=a", List.of()),
            Overrides.NONE);
    assertEquals("SHA256withECDSA", tbs.signatureAlgorithm());
    assertEquals(
        new ASN1ObjectIdentifier("1.2.840.10045.4.3.2"),
        sign(tbs).getSignatureAlgorithm().getAlgorithm());
  }

  @Test
  void templatesSignatureAlgorithmOverridesTheIssuers() throws Exception {
    TemplateSettings web = StarterTemplate.WEB_SERVER.defaults("T", null);
    TemplateSettings template = with(web, general(web, 398, "SHA384withECDSA"));
    ToBeSigned tbs = build(template, request(ec, "CN=a", List.of()), Overrides.NONE);
    assertEquals("SHA384withECDSA", tbs.signatureAlgorithm());
    X509CertificateHolder certificate = sign(tbs);
    assertEquals(
        new ASN1ObjectIdentifier("1.2.840.10045.4.3.3"),
        certificate.getSignatureAlgorithm().getAlgorithm());
    assertTrue(certificate.isSignatureValid(verifier(root)));
  }

  // subject

  @Test
  void subjectSuppliedByCsrIsKeptAsIs() throws Exception {
    X500Name requested =
        new X500Name("CN=leaf.example,OU=Ops,O=Requester,L=Town,C=US,E=ops@example.com");
    ToBeSigned tbs =
        build(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            new Request(spki(ec), requested, List.of(), null),
            Overrides.NONE);
    assertEquals(requested, tbs.subject());
    assertArrayEquals(
        requested.getEncoded(),
        sign(tbs).getSubject().getEncoded(),
        "same RDNs, same order, same encoding");
  }

  @Test
  void templateDefaultsReplaceTheirAttributesAndEmptyOnesStayEmpty() {
    TemplateSettings template =
        with(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            new Subject(false, "ACME Corp", null, null, null, "DE"));
    X500Name requested = new X500Name("CN=leaf.example,OU=Ops,O=Evil Corp,C=US");

    X500Name subject =
        issue(template, new Request(spki(ec), requested, List.of(), null)).getSubject();

    assertEquals(List.of("DE"), values(subject, BCStyle.C));
    assertEquals(List.of("ACME Corp"), values(subject, BCStyle.O));
    assertEquals(
        List.of(), values(subject, BCStyle.OU), "an empty field is never filled from the CSR");
    assertEquals(List.of("leaf.example"), values(subject, BCStyle.CN));
    assertEquals(3, subject.getRDNs().length, subject.toString());
  }

  @Test
  void templateDefaultsAreAddedWhenTheRequestLacksThem() {
    TemplateSettings template =
        with(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            new Subject(false, "ACME Corp", "Web", "Berlin", "Berlin", "DE"));

    X500Name subject =
        issue(template, new Request(spki(ec), new X500Name("CN=leaf.example"), List.of(), null))
            .getSubject();

    assertEquals(List.of("DE"), values(subject, BCStyle.C));
    assertEquals(List.of("Berlin"), values(subject, BCStyle.ST));
    assertEquals(List.of("Berlin"), values(subject, BCStyle.L));
    assertEquals(List.of("ACME Corp"), values(subject, BCStyle.O));
    assertEquals(List.of("Web"), values(subject, BCStyle.OU));
    assertEquals(List.of("leaf.example"), values(subject, BCStyle.CN));
    assertEquals(6, subject.getRDNs().length, subject.toString());
  }

  @Test
  void overrideSubjectWinsOverTheRequestButNotOverFixedAttributes() {
    TemplateSettings template =
        with(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            new Subject(false, "ACME Corp", null, null, null, "DE"));
    X500Name override = new X500Name("CN=chosen.example,OU=Signer's Choice,O=Other Corp");

    ToBeSigned tbs =
        build(
            template,
            request(ec, "CN=asked.example,O=Requester", List.of()),
            new Overrides(override, null, null));

    assertEquals(
        new X500Name("C=DE,O=ACME Corp,OU=Signer's Choice,CN=chosen.example"), tbs.subject());
    assertEquals(tbs.subject(), sign(tbs).getSubject());
  }

  @Test
  void overrideSubjectIsKeptAsGivenWhenTheTemplateFixesNothing() {
    X500Name override = new X500Name("CN=chosen.example,O=Signer's Choice");
    ToBeSigned tbs =
        build(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            request(ec, "CN=asked.example,O=Requester", List.of()),
            new Overrides(override, null, null));
    assertEquals(override, sign(tbs).getSubject());
  }

  @Test
  void emptySubjectWithNamesMakesTheNamesCritical() {
    ToBeSigned tbs =
        build(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            request(ec, null, List.of("DNS:leaf.example")),
            Overrides.NONE);
    X509CertificateHolder certificate = sign(tbs);
    assertEquals(0, certificate.getSubject().getRDNs().length);
    assertTrue(
        certificate
            .getExtension(Extension.subjectAlternativeName)
            .isCritical()); // RFC 5280 §4.2.1.6
  }

  @Test
  void subjectWithNamesLeavesTheNamesNonCritical() {
    X509CertificateHolder certificate =
        issue(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            request(ec, "CN=leaf.example", List.of("DNS:leaf.example")));
    assertFalse(certificate.getExtension(Extension.subjectAlternativeName).isCritical());
  }

  @Test
  void emptySubjectWithoutNamesIsRefused() {
    assertField(
        "subject",
        () ->
            build(
                StarterTemplate.WEB_SERVER.defaults("T", null),
                request(ec, null, List.of()),
                Overrides.NONE));
    assertField(
        "subject",
        () ->
            build(
                StarterTemplate.WEB_SERVER.defaults("T", null),
                new Request(spki(ec), null, List.of(), null),
                Overrides.NONE));
  }

  @Test
  void overrideRemovingAllNamesFromAnEmptySubjectIsRefused() {
    assertField(
        "subject",
        () ->
            build(
                StarterTemplate.WEB_SERVER.defaults("T", null),
                request(ec, null, List.of("DNS:leaf.example")),
                new Overrides(null, List.of(), null)));
  }

  // subject alternative names

  @Test
  void requestedNamesAreWritten() throws Exception {
    List<SubjectAltNames.Name> names =
        names("DNS:www.example.com", "DNS:example.com", "IP:192.0.2.7", "IP:2001:db8::7");
    ToBeSigned tbs =
        build(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            new Request(spki(ec), new X500Name("CN=www.example.com"), names, null),
            Overrides.NONE);
    assertEquals(names, tbs.subjectAltNames());
    assertEquals(names, writtenNames(sign(tbs)));
  }

  @Test
  void overrideNamesReplaceTheRequestedOnes() throws Exception {
    List<SubjectAltNames.Name> chosen = names("DNS:chosen.example");
    ToBeSigned tbs =
        build(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            request(ec, "CN=asked.example", List.of("DNS:asked.example", "DNS:extra.example")),
            new Overrides(null, chosen, null));
    assertEquals(chosen, tbs.subjectAltNames());
    assertEquals(chosen, writtenNames(sign(tbs)));
  }

  @Test
  void emptyOverrideNamesRemoveTheSanExtension() {
    // (a TLS server template keeps the common name's host: ServerNamesTest)
    ToBeSigned tbs =
        build(
            StarterTemplate.CLIENT_AUTHENTICATION.defaults("T", null),
            request(ec, "CN=asked.example", List.of("DNS:asked.example")),
            new Overrides(null, List.of(), null));
    assertEquals(List.of(), tbs.subjectAltNames());
    assertNull(sign(tbs).getExtension(Extension.subjectAlternativeName));
  }

  @Test
  void nameTypeTheTemplateDoesNotAllowIsRefused() {
    TemplateSettings smime = StarterTemplate.SMIME.defaults("T", null);
    InvalidInputException e =
        assertField(
            "subjectAltNames",
            () ->
                build(
                    smime,
                    request(ec, "CN=Alice", List.of("EMAIL:alice@example.com", "IP:192.0.2.1")),
                    Overrides.NONE));
    assertTrue(e.getMessage().contains("IP"), e.getMessage());
    assertField(
        "subjectAltNames",
        () ->
            build(
                StarterTemplate.WEB_SERVER.defaults("T", null),
                request(ec, "CN=a", List.of("EMAIL:a@example.com")),
                Overrides.NONE));
  }

  @Test
  void overrideNamesAreCheckedAgainstTheTemplateToo() {
    assertField(
        "subjectAltNames",
        () ->
            build(
                StarterTemplate.SMIME.defaults("T", null),
                request(ec, "CN=Alice", List.of("EMAIL:alice@example.com")),
                new Overrides(null, names("DNS:alice.example"), null)));
  }

  @Test
  void templateWithoutNameTypesRefusesAnyName() {
    assertField(
        "subjectAltNames",
        () ->
            build(
                StarterTemplate.CODE_SIGNING.defaults("T", null),
                request(ec, "CN=Signer", List.of("DNS:signer.example")),
                Overrides.NONE));
  }

  // subject keys

  @Test
  void keyTypeNotAllowedIsRefused() {
    TemplateSettings web = StarterTemplate.WEB_SERVER.defaults("T", null);
    TemplateSettings rsaOnly =
        with(web, new Requests(List.of("RSA"), 2048, web.requests().allowedSanTypes(), false));
    InvalidInputException e =
        assertField("csr", () -> build(rsaOnly, request(ec, "CN=a", List.of()), Overrides.NONE));
    assertTrue(e.getMessage().contains("EC P-256"), e.getMessage());
    assertNotNull(build(rsaOnly, request(rsa, "CN=a", List.of()), Overrides.NONE));
  }

  @Test
  void rsaKeyBelowTheTemplatesMinimumIsRefused() {
    TemplateSettings web = StarterTemplate.WEB_SERVER.defaults("T", null);
    TemplateSettings strict =
        with(
            web,
            new Requests(
                web.requests().allowedKeyTypes(), 3072, web.requests().allowedSanTypes(), false));
    InvalidInputException e =
        assertField("csr", () -> build(strict, request(rsa, "CN=a", List.of()), Overrides.NONE));
    assertTrue(e.getMessage().contains("3072"), e.getMessage());
  }

  @Test
  void rsaKeyOf1024BitsIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BouncyCastle.PROVIDER);
    generator.initialize(1024);
    KeyPair weak = generator.generateKeyPair();
    assertField(
        "csr",
        () ->
            build(
                StarterTemplate.WEB_SERVER.defaults("T", null),
                request(weak, "CN=a", List.of()),
                Overrides.NONE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"brainpoolP256r1", "secp256k1", "brainpoolP384r1"})
  void ecKeysOnOtherCurvesAreRefused(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
    generator.initialize(new ECGenParameterSpec(curve));
    KeyPair key = generator.generateKeyPair();
    assertField(
        "csr",
        () ->
            build(
                StarterTemplate.WEB_SERVER.defaults("T", null),
                request(key, "CN=a", List.of()),
                Overrides.NONE));
  }

  @Test
  void unreadableKeyIsRefused() {
    SubjectPublicKeyInfo unknown =
        new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.3.4.5")),
            new byte[] {1, 2, 3, 4});
    assertField(
        "csr",
        () ->
            build(
                StarterTemplate.WEB_SERVER.defaults("T", null),
                new Request(unknown, new X500Name("CN=a"), List.of(), null),
                Overrides.NONE));
  }

  @ParameterizedTest
  @CsvSource({"ML_DSA, 2.16.840.1.101.3.4.3.18", "ED25519, 1.3.101.112"})
  void signatureOnlyKeysAreAcceptedWithDigitalSignatureOnly(String type, String keyOid)
      throws Exception {
    KeyPair key = KeySpec.parse(type, null, null, null).generate();
    X509CertificateHolder certificate =
        issue(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            request(key, "CN=leaf.example", List.of("DNS:leaf.example")));
    assertEquals(
        new ASN1ObjectIdentifier(keyOid),
        certificate.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm());
    assertEquals(
        new KeyUsage(KeyUsage.digitalSignature),
        KeyUsage.fromExtensions(certificate.getExtensions()));
    assertTrue(certificate.isSignatureValid(verifier(root)));
    assertKeyIdentifiers(certificate);
  }

  @Test
  void keyAgreementIsKeptForEcAndDroppedForSignatureOnlyKeys() {
    TemplateSettings template =
        with(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            new Usage(
                List.of("digitalSignature", "keyAgreement", "keyEncipherment"),
                List.of("serverAuth"),
                false,
                false));
    assertEquals(
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement),
        KeyUsage.fromExtensions(issue(template, request(ec, "CN=a", List.of())).getExtensions()));
    assertEquals(
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement | KeyUsage.keyEncipherment),
        KeyUsage.fromExtensions(issue(template, request(rsa, "CN=a", List.of())).getExtensions()));
    KeyPair ed25519 = KeySpec.parse("ED25519", null, null, null).generate();
    assertEquals(
        new KeyUsage(KeyUsage.digitalSignature),
        KeyUsage.fromExtensions(
            issue(template, request(ed25519, "CN=a", List.of())).getExtensions()));
  }

  @Test
  void subjectKeyIsCertifiedAsRequested() {
    X509CertificateHolder certificate =
        issue(StarterTemplate.WEB_SERVER.defaults("T", null), request(rsa, "CN=a", List.of()));
    assertEquals(spki(rsa), certificate.getSubjectPublicKeyInfo());
  }

  // validity

  @Test
  void validityIsTheTemplatesDaysFromFiveMinutesAgo() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(789);
    ToBeSigned tbs =
        CertificateProfile.build(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            issuer,
            request(ec, "CN=a", List.of()),
            Overrides.NONE,
            SERIAL,
            now);
    X509CertificateHolder certificate = sign(tbs);

    Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
    assertEquals(notBefore, tbs.notBefore());
    assertEquals(notBefore, certificate.getNotBefore().toInstant());
    assertEquals(notBefore.plus(Duration.ofDays(398)), tbs.notAfter());
    assertEquals(tbs.notAfter(), certificate.getNotAfter().toInstant());
  }

  @Test
  void overrideDaysReplaceTheTemplates() {
    Instant now = Instant.now();
    ToBeSigned tbs =
        CertificateProfile.build(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            issuer,
            request(ec, "CN=a", List.of()),
            new Overrides(null, null, 30),
            SERIAL,
            now);
    X509CertificateHolder certificate = sign(tbs);
    assertEquals(
        Duration.ofDays(30),
        Duration.between(
            certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()));
  }

  @Test
  void certificateNeverOutlivesItsIssuer() {
    KeyPair pair = caKey.generate();
    CaSigner shortSigner =
        CaSigner.software(pair.getPrivate(), pair.getPublic(), "SHA256withECDSA");
    X509CertificateHolder shortRoot =
        CaCertificateBuilder.selfSigned(
            new CaProfile(new X500Name("CN=Short Root"), 10, null, CA_USAGE, List.of()),
            shortSigner);
    Issuer shortIssuer =
        new Issuer("ca-2", shortRoot, caKey, "SHA256withECDSA", "http://pki.test", null);

    ToBeSigned tbs =
        CertificateProfile.build(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            shortIssuer,
            request(ec, "CN=a", List.of()),
            Overrides.NONE,
            SERIAL,
            Instant.now());
    X509CertificateHolder certificate =
        tbs.builder().build(shortSigner.contentSigner(tbs.signatureAlgorithm()));

    assertEquals(shortRoot.getNotAfter().toInstant(), tbs.notAfter());
    assertEquals(shortRoot.getNotAfter(), certificate.getNotAfter());
    assertEquals(shortRoot.getSubject(), certificate.getIssuer());
  }

  @Test
  void overrideDaysAreCappedAtTheIssuerToo() {
    ToBeSigned tbs =
        build(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            request(ec, "CN=a", List.of()),
            new Overrides(null, null, 36500));
    assertEquals(root.getNotAfter().toInstant(), tbs.notAfter());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 36501, 40000})
  void overrideDaysOutOfRangeAreRefused(int days) {
    assertField(
        "validityDays",
        () ->
            build(
                StarterTemplate.WEB_SERVER.defaults("T", null),
                request(ec, "CN=a", List.of()),
                new Overrides(null, null, days)));
  }

  // extensions a CSR asks for

  @Test
  void allowListedRequestedExtensionsAreCopiedWhenTheTemplateAllowsIt() throws Exception {
    X509CertificateHolder certificate =
        issue(
            allowingCsrExtensions(true),
            new Request(
                spki(ec),
                new X500Name("CN=leaf.example"),
                names("DNS:leaf.example"),
                requestedExtensions()));

    assertNull(
        certificate.getExtension(PRIVATE_EXTENSION), "only allow-listed extensions are copied");
    Extension mustStaple = certificate.getExtension(TLS_FEATURE);
    assertNotNull(mustStaple);
    assertEquals(new DERSequence(new ASN1Integer(5)), mustStaple.getParsedValue());
  }

  @Test
  void requestedExtensionsAreIgnoredByDefault() throws Exception {
    X509CertificateHolder certificate =
        issue(
            allowingCsrExtensions(false),
            new Request(
                spki(ec),
                new X500Name("CN=leaf.example"),
                names("DNS:leaf.example"),
                requestedExtensions()));
    assertNull(certificate.getExtension(PRIVATE_EXTENSION));
    assertNull(certificate.getExtension(TLS_FEATURE));
    assertFalse(BasicConstraints.fromExtensions(certificate.getExtensions()).isCA());
  }

  @Test
  void requestedExtensionsTheTemplateGovernsAreNeverCopied() throws Exception {
    X509CertificateHolder certificate =
        issue(
            allowingCsrExtensions(true),
            new Request(
                spki(ec),
                new X500Name("CN=leaf.example"),
                names("DNS:leaf.example"),
                requestedExtensions()));

    BasicConstraints constraints = BasicConstraints.fromExtensions(certificate.getExtensions());
    assertFalse(constraints.isCA(), "the CSR asked for cA=true");
    assertEquals(
        new KeyUsage(KeyUsage.digitalSignature),
        KeyUsage.fromExtensions(certificate.getExtensions()));
    assertEquals(List.of("1.3.6.1.5.5.7.3.1"), purposes(certificate));
    assertEquals(names("DNS:leaf.example"), writtenNames(certificate));
    assertNull(certificate.getExtension(Extension.nameConstraints));
    assertNull(certificate.getExtension(Extension.certificatePolicies));
    assertNull(certificate.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck));
    assertKeyIdentifiers(certificate);
    assertEquals(List.of("caIssuers " + CA_ISSUERS, "ocsp " + OCSP), access(certificate));
    assertEquals(List.of(CRL), distributionPoints(certificate, Extension.cRLDistributionPoints));
  }

  // the envelope

  @Test
  void serialAndIssuerAreThoseGiven() throws Exception {
    BigInteger serial = new BigInteger("0123456789abcdef0123456789abcdef01234567", 16);
    X509CertificateHolder certificate =
        sign(
            CertificateProfile.build(
                StarterTemplate.WEB_SERVER.defaults("T", null),
                issuer,
                request(ec, "CN=a", List.of()),
                Overrides.NONE,
                serial,
                Instant.now()));
    assertEquals(serial, certificate.getSerialNumber());
    assertEquals(ROOT_NAME, certificate.getIssuer());
    assertArrayEquals(root.getSubject().getEncoded(), certificate.getIssuer().getEncoded());
  }

  // helpers

  private static TemplateSettings allowingCsrExtensions(boolean allowed) {
    TemplateSettings web = StarterTemplate.WEB_SERVER.defaults("T", null);
    return with(
        web,
        new Requests(
            web.requests().allowedKeyTypes(), 2048, web.requests().allowedSanTypes(), allowed));
  }

  /** What a hostile or careless CSR might ask for. */
  private static Extensions requestedExtensions() throws Exception {
    ExtensionsGenerator generator = new ExtensionsGenerator();
    generator.addExtension(PRIVATE_EXTENSION, false, new DEROctetString(new byte[] {1, 2, 3}));
    generator.addExtension(
        TLS_FEATURE, false, new DERSequence(new ASN1Integer(5))); // RFC 7633 status_request
    generator.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    generator.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    generator.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage));
    generator.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, "evil.example")));
    generator.addExtension(
        Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(new byte[] {9, 9, 9}));
    generator.addExtension(
        Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(new byte[] {8, 8, 8}));
    generator.addExtension(
        Extension.authorityInfoAccess,
        false,
        new AuthorityInformationAccess(
            AccessDescription.id_ad_ocsp,
            new GeneralName(GeneralName.uniformResourceIdentifier, "http://evil.example/ocsp")));
    generator.addExtension(
        Extension.cRLDistributionPoints,
        false,
        new CRLDistPoint(
            new DistributionPoint[] {
              new DistributionPoint(
                  new DistributionPointName(
                      new GeneralNames(
                          new GeneralName(
                              GeneralName.uniformResourceIdentifier, "http://evil.example/crl"))),
                  null,
                  null)
            }));
    generator.addExtension(
        Extension.certificatePolicies,
        false,
        new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier("2.5.29.32.0"))));
    generator.addExtension(Extension.nameConstraints, true, new DERSequence());
    generator.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
    return generator.generate();
  }

  private static TemplateSettings distribution(Distribution distribution) {
    return with(StarterTemplate.WEB_SERVER.defaults("T", null), distribution);
  }

  private static X509CertificateHolder issue(TemplateSettings template) {
    return issue(template, request(ec, "CN=leaf.example", List.of("DNS:leaf.example")));
  }

  private static X509CertificateHolder issue(TemplateSettings template, Request request) {
    return sign(build(template, request, Overrides.NONE));
  }

  private static ToBeSigned build(TemplateSettings template, Request request, Overrides overrides) {
    return CertificateProfile.build(template, issuer, request, overrides, SERIAL, Instant.now());
  }

  private static X509CertificateHolder sign(ToBeSigned tbs) {
    return tbs.builder().build(rootSigner.contentSigner(tbs.signatureAlgorithm()));
  }

  private static Request request(KeyPair key, String subject, List<String> names) {
    return new Request(
        spki(key),
        subject == null ? EMPTY : new X500Name(subject),
        names(names.toArray(String[]::new)),
        null);
  }

  private static List<SubjectAltNames.Name> names(String... written) {
    return SubjectAltNames.parse("subjectAltNames", List.of(written));
  }

  private static SubjectPublicKeyInfo spki(KeyPair key) {
    return SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded());
  }

  private String verify(X509CertificateHolder certificate, String purpose) throws Exception {
    Files.writeString(dir.resolve("root.pem"), Pem.certificate(root.getEncoded()));
    Files.writeString(dir.resolve("leaf.pem"), Pem.certificate(certificate.getEncoded()));
    List<String> args = new ArrayList<>(List.of("verify", "-x509_strict"));
    if (purpose != null) {
      args.addAll(List.of("-purpose", purpose));
    }
    args.addAll(List.of("-CAfile", "root.pem", "leaf.pem"));
    return OpenSsl.ok(dir, args.toArray(String[]::new));
  }

  private static void assertKeyIdentifiers(X509CertificateHolder certificate) throws Exception {
    Extension ski = certificate.getExtension(Extension.subjectKeyIdentifier);
    assertFalse(ski.isCritical());
    byte[] keyBits = certificate.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
    assertArrayEquals(
        MessageDigest.getInstance("SHA-1").digest(keyBits),
        SubjectKeyIdentifier.getInstance(ski.getParsedValue()).getKeyIdentifier(),
        "SKI method 1 (RFC 5280 §4.2.1.2)");
    Extension aki = certificate.getExtension(Extension.authorityKeyIdentifier);
    assertFalse(aki.isCritical());
    assertArrayEquals(
        SubjectKeyIdentifier.fromExtensions(root.getExtensions()).getKeyIdentifier(),
        AuthorityKeyIdentifier.getInstance(aki.getParsedValue()).getKeyIdentifier(),
        "AKI is the issuer's SKI");
  }

  private static void assertPolicy(X509CertificateHolder certificate, String oid, String cps) {
    Extension extension = certificate.getExtension(Extension.certificatePolicies);
    assertNotNull(extension);
    assertFalse(extension.isCritical());
    PolicyInformation[] policies =
        CertificatePolicies.getInstance(extension.getParsedValue()).getPolicyInformation();
    assertEquals(1, policies.length);
    assertEquals(new ASN1ObjectIdentifier(oid), policies[0].getPolicyIdentifier());
    ASN1Sequence qualifiers = policies[0].getPolicyQualifiers();
    assertEquals(1, qualifiers.size());
    PolicyQualifierInfo qualifier = PolicyQualifierInfo.getInstance(qualifiers.getObjectAt(0));
    assertEquals(PolicyQualifierId.id_qt_cps, qualifier.getPolicyQualifierId());
    assertEquals(cps, DERIA5String.getInstance(qualifier.getQualifier()).getString());
  }

  private static InvalidInputException assertField(String field, Executable executable) {
    InvalidInputException e = assertThrows(InvalidInputException.class, executable);
    assertEquals(field, e.field(), e.getMessage());
    return e;
  }

  private static List<String> purposes(X509CertificateHolder certificate) {
    return List.of(ExtendedKeyUsage.fromExtensions(certificate.getExtensions()).getUsages())
        .stream()
        .map(p -> p.toOID().getId())
        .toList();
  }

  /** The AIA entries as "caIssuers URL" / "ocsp URL", in order. */
  private static List<String> access(X509CertificateHolder certificate) {
    AuthorityInformationAccess aia =
        AuthorityInformationAccess.fromExtensions(certificate.getExtensions());
    assertNotNull(aia, "no AIA");
    List<String> entries = new ArrayList<>();
    for (AccessDescription description : aia.getAccessDescriptions()) {
      ASN1ObjectIdentifier method = description.getAccessMethod();
      String name =
          method.equals(AccessDescription.id_ad_caIssuers)
              ? "caIssuers"
              : method.equals(AccessDescription.id_ad_ocsp) ? "ocsp" : method.getId();
      entries.add(name + " " + uri(description.getAccessLocation()));
    }
    return entries;
  }

  private static List<String> distributionPoints(
      X509CertificateHolder certificate, ASN1ObjectIdentifier oid) {
    Extension extension = certificate.getExtension(oid);
    assertNotNull(extension, "no " + oid);
    List<String> urls = new ArrayList<>();
    for (DistributionPoint point :
        CRLDistPoint.getInstance(extension.getParsedValue()).getDistributionPoints()) {
      assertNull(point.getReasons());
      assertNull(point.getCRLIssuer());
      assertEquals(DistributionPointName.FULL_NAME, point.getDistributionPoint().getType());
      for (GeneralName name :
          GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames()) {
        urls.add(uri(name));
      }
    }
    return urls;
  }

  private static String uri(GeneralName name) {
    assertEquals(GeneralName.uniformResourceIdentifier, name.getTagNo());
    return DERIA5String.getInstance(name.getName()).getString();
  }

  private static List<SubjectAltNames.Name> writtenNames(X509CertificateHolder certificate)
      throws Exception {
    return SubjectAltNames.of(
        "certificate",
        GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName));
  }

  private static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
    List<String> values = new ArrayList<>();
    for (RDN rdn : name.getRDNs(type)) {
      values.add(IETFUtils.valueToString(rdn.getFirst().getValue()));
    }
    return values;
  }

  private static org.bouncycastle.operator.ContentVerifierProvider verifier(
      X509CertificateHolder issuer) throws Exception {
    return new JcaContentVerifierProviderBuilder()
        .setProvider(BouncyCastle.PROVIDER)
        .build(CaSigners.publicKey(issuer.getSubjectPublicKeyInfo().getEncoded()));
  }

  private static TemplateSettings with(TemplateSettings t, Object section) {
    return new TemplateSettings(
        t.name(),
        section instanceof General g ? g : t.general(),
        section instanceof Subject s ? s : t.subject(),
        section instanceof Usage u ? u : t.keyUsage(),
        section instanceof Constraints c ? c : t.basicConstraints(),
        section instanceof Distribution d ? d : t.distribution(),
        section instanceof Requests r ? r : t.requests(),
        t.scep(),
        t.certificateTransparency(),
        TemplateSettings.Est.OFF);
  }

  private static General general(TemplateSettings t, int validityDays, String signatureAlgorithm) {
    General g = t.general();
    return new General(
        g.enabled(),
        g.allowPublicRequests(),
        g.renewalAllowed(),
        g.renewalAutoRevoke(),
        g.renewalWindowDays(),
        g.renewalCopySubject(),
        signatureAlgorithm,
        validityDays,
        g.description());
  }
}
