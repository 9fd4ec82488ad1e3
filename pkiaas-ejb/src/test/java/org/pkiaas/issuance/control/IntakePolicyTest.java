package org.pkiaas.issuance.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.ca.control.CaCertificateBuilder;
import org.pkiaas.ca.control.CaCertificateBuilder.CaProfile;
import org.pkiaas.issuance.boundary.SignOverrides;
import org.pkiaas.issuance.control.CertificateProfile.Issuer;
import org.pkiaas.issuance.control.CertificateProfile.Request;
import org.pkiaas.issuance.control.CertificateProfile.ToBeSigned;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.CaSigner;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.template.entity.StarterTemplate;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.template.entity.TemplateSettings.General;
import org.pkiaas.template.entity.TemplateSettings.Requests;
import org.pkiaas.template.entity.TemplateSettings.Subject;
import org.pkiaas.x509.SubjectAltNames;

class IntakePolicyTest {

  private static final ASN1ObjectIdentifier CT_POISON =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.3");
  private static final ASN1ObjectIdentifier ACME_IDENTIFIER =
      new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.31");
  private static final ASN1ObjectIdentifier PRIVATE_CRITICAL =
      new ASN1ObjectIdentifier("1.2.3.4.5");
  private static final X500Name EMPTY = new X500Name(new RDN[0]);

  private static CaSigner rootSigner;
  private static X509CertificateHolder root;
  private static Issuer issuer;
  private static KeyPair ec;

  @BeforeAll
  static void buildRoot() {
    KeySpec caKey = KeySpec.parse("EC", null, "P-256", null);
    KeyPair pair = caKey.generate();
    rootSigner = CaSigner.software(pair.getPrivate(), pair.getPublic(), "SHA256withECDSA");
    root =
        CaCertificateBuilder.selfSigned(
            new CaProfile(
                new X500Name("CN=Intake Test Root"),
                3650,
                null,
                List.of("keyCertSign", "cRLSign"),
                List.of()),
            rootSigner);
    issuer = new Issuer("ca-1", root, caKey, "SHA256withECDSA", "http://pki.test", null);
    ec = KeySpec.parse("EC", null, "P-256", null).generate();
  }

  // the same request gives the same certificate, whichever channel carried it

  /**
   * A channel as a function from the CSR (and, for renewal, the certificate it renews) to its
   * intake.
   */
  private record Row(String channel, Function<Request, Intake> intake) {

    @Override
    public String toString() {
      return channel;
    }
  }

  static Stream<Arguments> channels() {
    X500Name approvedSubject = new X500Name("CN=www.example.com");
    List<SubjectAltNames.Name> approvedNames = names("DNS:www.example.com", "DNS:example.com");
    return Stream.of(
            new Row(
                "console sign",
                r -> new Intake(Channel.ADMIN_CSR, r, Evidence.AdminDecision.AS_REQUESTED)),
            new Row(
                "REST sign",
                r -> new Intake(Channel.ADMIN_CSR, r, SignOverrides.NONE.toDecision())),
            new Row(
                "claim",
                r ->
                    new Intake(
                        Channel.CLAIM,
                        r,
                        new Evidence.PreApproved(approvedSubject, approvedNames, null))),
            new Row(
                "pre-approval",
                r ->
                    new Intake(
                        Channel.PRE_APPROVED,
                        r,
                        new Evidence.PreApproved(approvedSubject, approvedNames, null))),
            new Row(
                "renewal",
                r -> new Intake(Channel.RENEWAL, r, new Evidence.ProvenKey(previousCertificate()))),
            new Row(
                "ACME",
                r -> new Intake(Channel.ACME, r, new Evidence.ValidatedIdentifiers(approvedNames))),
            new Row(
                "SCEP challenge",
                r -> new Intake(Channel.SCEP, r, new Evidence.SharedSecret("static-passphrase"))),
            new Row(
                "EST password",
                r -> new Intake(Channel.EST, r, new Evidence.SharedSecret("est-basic"))),
            new Row(
                "SCEP pre-approved profile",
                r ->
                    new Intake(
                        Channel.SCEP,
                        r,
                        new Evidence.PreApproved(approvedSubject, approvedNames, null))))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("channels")
  void sameRequestGivesTheSameCertificateOnEveryChannel(Row row) throws Exception {
    Request request = hostileCsr();
    ToBeSigned reference =
        issue(new Intake(Channel.ADMIN_CSR, request, Evidence.AdminDecision.AS_REQUESTED));
    X509CertificateHolder expected = sign(reference);

    X509CertificateHolder actual = sign(issue(row.intake().apply(request)));

    assertEquals(
        new X500Name("C=DE,O=Example Corp,CN=www.example.com"), actual.getSubject(), row.channel());
    assertArrayEquals(
        expected.getSubject().getEncoded(), actual.getSubject().getEncoded(), row.channel());
    assertEquals(
        names("DNS:www.example.com", "DNS:example.com"), writtenNames(actual), row.channel());
    assertEquals(
        List.of(expected.getExtensionOIDs().toArray()),
        List.of(actual.getExtensionOIDs().toArray()),
        row.channel());
    assertEquals(
        expected.getExtension(RequestedExtensions.TLS_FEATURE),
        actual.getExtension(RequestedExtensions.TLS_FEATURE));
    assertEquals(
        reference.notAfter(), issue(row.intake().apply(request)).notAfter(), row.channel());
  }

  // ACME: names are all the requester proved

  @Test
  void acmeNeverCopiesTheCsrsOtherAttributes() {
    Request request = request("CN=a.example,O=system:masters,OU=admins", List.of("DNS:a.example"));
    ApprovedContent content =
        approve(StarterTemplate.WEB_SERVER.defaults("T", null), acme(request, "DNS:a.example"));
    assertEquals(new X500Name("CN=a.example"), content.subject());
    assertEquals(names("DNS:a.example"), content.subjectAltNames());
  }

  @Test
  void aScepChallengeProvesNoMoreThanTheTemplateAllows() {
    Request request = request("CN=device.example,O=Elsewhere", List.of("DNS:device.example"));
    ApprovedContent content =
        approve(
            fixedOrganization(),
            new Intake(Channel.SCEP, request, new Evidence.SharedSecret("static-passphrase")));
    assertEquals(
        "Example Corp", content.subject().getRDNs(BCStyle.O)[0].getFirst().getValue().toString());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Intake(Channel.SCEP, request, new Evidence.ProvenKey(previousCertificate())),
        "a SCEP challenge is not a proven key");
  }

  @Test
  void multiValuedRdnIsRefusedOnEveryChannel() {
    X500Name multi =
        new X500Name(
            new RDN[] {
              new RDN(
                  new AttributeTypeAndValue[] {
                    new AttributeTypeAndValue(BCStyle.CN, new DERUTF8String("a.example")),
                    new AttributeTypeAndValue(BCStyle.CN, new DERUTF8String("prod.example"))
                  }),
              new RDN(BCStyle.O, new DERUTF8String("system:masters"))
            });
    Request request = new Request(spki(), multi, names("DNS:a.example"), null);
    TemplateSettings starter = StarterTemplate.WEB_SERVER.defaults("T", null);
    assertRefused("csr", () -> approve(starter, acme(request, "DNS:a.example")));
    assertRefused(
        "csr",
        () ->
            approve(
                starter,
                new Intake(Channel.ADMIN_CSR, request, Evidence.AdminDecision.AS_REQUESTED)));
  }

  @Test
  void everyCommonNameMustBeAValidatedIdentifier() {
    Request request = request("CN=a.example,CN=prod.example", List.of("DNS:a.example"));
    InvalidInputException refused =
        assertRefused(
            "csr",
            () ->
                approve(
                    StarterTemplate.WEB_SERVER.defaults("T", null),
                    acme(request, "DNS:a.example")));
    assertTrue(refused.getMessage().contains("prod.example"), refused.getMessage());
  }

  @Test
  void acmeWithoutCommonNameTakesTheFirstValidatedName() {
    ApprovedContent content =
        approve(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            acme(
                request(null, List.of("DNS:b.example", "DNS:a.example")),
                "DNS:b.example",
                "DNS:a.example"));
    assertEquals(new X500Name("CN=b.example"), content.subject());
  }

  @Test
  void acmeNameTooLongForACommonNameGivesAnEmptySubjectAndCriticalNames() {
    String longName = "a".repeat(60) + ".example.com";
    ToBeSigned tbs =
        issue(
            StarterTemplate.WEB_SERVER.defaults("T", null),
            acme(request(null, List.of("DNS:" + longName)), "DNS:" + longName));
    X509CertificateHolder certificate = sign(tbs);
    assertEquals(0, certificate.getSubject().getRDNs().length);
    assertTrue(certificate.getExtension(Extension.subjectAlternativeName).isCritical());
  }

  // subject rules on the other channels

  @Test
  void emptyTemplateFieldsAreNeverFilledFromTheCsr() {
    ApprovedContent content =
        approve(
            fixedOrganization(),
            new Intake(
                Channel.ADMIN_CSR,
                request("CN=www.example.com,O=Evil,OU=admins,L=Nowhere", List.of()),
                Evidence.AdminDecision.AS_REQUESTED));
    assertEquals(new X500Name("C=DE,O=Example Corp,CN=www.example.com"), content.subject());
  }

  @Test
  void fixedAttributesWinOverPreApprovedContent() {
    ApprovedContent content =
        approve(
            fixedOrganization(),
            new Intake(
                Channel.PRE_APPROVED,
                request(null, List.of()),
                new Evidence.PreApproved(new X500Name("CN=alice,O=Other,OU=Team"), List.of(), 30)));
    assertEquals(new X500Name("C=DE,O=Example Corp,OU=Team,CN=alice"), content.subject());
    assertEquals(30, content.validityDays());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "www.example.com\u0000.evil.example",
        "www.example.com\u202e",
        "a\u200bb",
        "tab\there",
        "\u0085x"
      })
  void controlAndBidiCharactersInTheSubjectAreRefused(String commonName) {
    X500Name subject = new X500Name(new RDN[] {new RDN(BCStyle.CN, new DERUTF8String(commonName))});
    Request request = new Request(spki(), subject, List.of(), null);
    assertRefused(
        "csr",
        () ->
            approve(
                fixedOrganization(),
                new Intake(Channel.ADMIN_CSR, request, Evidence.AdminDecision.AS_REQUESTED)));
    assertRefused(
        "subject",
        () ->
            approve(
                fixedOrganization(),
                new Intake(
                    Channel.PRE_APPROVED,
                    request(null, List.of()),
                    new Evidence.PreApproved(subject, List.of(), null))));
  }

  @Test
  void controlCharactersInANameAreRefused() {
    List<SubjectAltNames.Name> names =
        List.of(new SubjectAltNames.Name(org.pkiaas.x509.SanType.DNS, "a\u0000.example"));
    assertRefused(
        "csr",
        () ->
            approve(
                fixedOrganization(),
                new Intake(
                    Channel.ADMIN_CSR,
                    new Request(spki(), EMPTY, names, null),
                    Evidence.AdminDecision.AS_REQUESTED)));
  }

  @Test
  void uriNameWithCommasStaysOneName() {
    TemplateSettings template =
        allowing(StarterTemplate.CLIENT_AUTHENTICATION.defaults("T", null), false);
    List<SubjectAltNames.Name> uri = names("URI:https://example.com/a,b,c?x=1,2");
    ApprovedContent content =
        approve(
            template,
            new Intake(
                Channel.PRE_APPROVED,
                request(null, List.of()),
                new Evidence.PreApproved(new X500Name("CN=svc"), uri, null)));
    assertEquals(uri, content.subjectAltNames());
    assertEquals(
        1,
        writtenNames(
                sign(
                    CertificateProfile.build(
                        template, issuer, spki(), content, BigInteger.TEN, Instant.now())))
            .size());
  }

  // renewal

  @Test
  void renewalWithoutCopyMayAskOnlyForTheOldNames() {
    TemplateSettings template = renewal(false);
    Evidence.ProvenKey proven = new Evidence.ProvenKey(previousCertificate());
    ApprovedContent subset =
        approve(
            template,
            new Intake(
                Channel.RENEWAL,
                request("CN=www.example.com", List.of("DNS:example.com")),
                proven));
    assertEquals(names("DNS:example.com"), subset.subjectAltNames());
    assertRefused(
        "csr",
        () ->
            approve(
                template,
                new Intake(
                    Channel.RENEWAL,
                    request("CN=www.example.com", List.of("DNS:other.example")),
                    proven)));
    assertRefused(
        "csr",
        () ->
            approve(
                template,
                new Intake(
                    Channel.RENEWAL,
                    request("CN=www.example.com,OU=admins", List.of("DNS:example.com")),
                    proven)));
  }

  @Test
  void renewalWithCopyTakesTheOldContentWhateverTheCsrSays() {
    ApprovedContent content =
        approve(
            renewal(true),
            new Intake(
                Channel.RENEWAL,
                request("CN=other.example,O=Evil", List.of("DNS:other.example")),
                new Evidence.ProvenKey(previousCertificate())));
    assertEquals(new X500Name("C=DE,O=Example Corp,CN=www.example.com"), content.subject());
    assertEquals(names("DNS:www.example.com", "DNS:example.com"), content.subjectAltNames());
  }

  // requested extensions

  @Test
  void onlyAllowListedExtensionsAreCopied() throws Exception {
    ApprovedContent content =
        approve(
            allowing(fixedOrganization(), true),
            new Intake(
                Channel.ADMIN_CSR,
                new Request(
                    spki(),
                    new X500Name("CN=www.example.com"),
                    names("DNS:www.example.com"),
                    hostileExtensions()),
                Evidence.AdminDecision.AS_REQUESTED));
    assertEquals(
        List.of(RequestedExtensions.TLS_FEATURE),
        content.requestedExtensions().stream().map(Extension::getExtnId).toList());
    X509CertificateHolder certificate =
        sign(
            CertificateProfile.build(
                allowing(fixedOrganization(), true),
                issuer,
                spki(),
                content,
                BigInteger.TEN,
                Instant.now()));
    assertNull(certificate.getExtension(CT_POISON));
    assertNull(certificate.getExtension(ACME_IDENTIFIER));
    assertNull(certificate.getExtension(Extension.issuerAlternativeName));
    assertNull(certificate.getExtension(PRIVATE_CRITICAL));
  }

  // the issuer's name constraints

  @Test
  void issuersNameConstraintsBindNamesAndCommonName() {
    X509CertificateHolder constrained = constrainedIssuer();
    TemplateSettings template = StarterTemplate.WEB_SERVER.defaults("T", null);
    IntakePolicy.approve(
        template,
        constrained,
        acme(request(null, List.of("DNS:a.example.com")), "DNS:a.example.com"));
    assertRefused(
        "subjectAltNames",
        () ->
            IntakePolicy.approve(
                template,
                constrained,
                acme(request(null, List.of("DNS:a.other.org")), "DNS:a.other.org")));
    assertRefused(
        "subjectAltNames",
        () ->
            IntakePolicy.approve(
                template,
                constrained,
                new Intake(
                    Channel.ADMIN_CSR,
                    request(null, List.of("DNS:a.example.com")),
                    new Evidence.AdminDecision(new X500Name("CN=www.other.org"), null, null))));
  }

  // validity

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 36501})
  void validityOutsideTheOneRangeIsRefused(int days) {
    assertRefused(
        "validityDays",
        () ->
            approve(
                fixedOrganization(),
                new Intake(
                    Channel.PRE_APPROVED,
                    request(null, List.of()),
                    new Evidence.PreApproved(new X500Name("CN=x"), List.of(), days))));
  }

  // the key, checked before any signature

  @Test
  void rsaKeysOutsideTheRangeOrWithBadExponentsAreRefused() {
    assertRefused("csr", () -> RequestedKey.check("csr", rsa(16384, BigInteger.valueOf(65537))));
    assertRefused("csr", () -> RequestedKey.check("csr", rsa(1024, BigInteger.valueOf(65537))));
    assertRefused("csr", () -> RequestedKey.check("csr", rsa(2048, BigInteger.valueOf(3))));
    assertRefused("csr", () -> RequestedKey.check("csr", rsa(2048, BigInteger.valueOf(65538))));
    RequestedKey.check("csr", rsa(2048, BigInteger.valueOf(65537)));
    RequestedKey.check("csr", rsa(8192, BigInteger.valueOf(65537)));
  }

  @Test
  void ecKeysOnOtherCurvesAreRefused() {
    SubjectPublicKeyInfo brainpool =
        new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(
                X9ObjectIdentifiers.id_ecPublicKey,
                new ASN1ObjectIdentifier("1.3.36.3.3.2.8.1.1.7")),
            new byte[65]);
    assertRefused("csr", () -> RequestedKey.check("csr", brainpool));
    RequestedKey.check("csr", spki());
  }

  // helpers

  private static SubjectPublicKeyInfo rsa(int bits, BigInteger exponent) {
    BigInteger modulus = BigInteger.ONE.shiftLeft(bits - 1).setBit(0);
    try {
      return new SubjectPublicKeyInfo(
          new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
          new RSAPublicKey(modulus, exponent));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509CertificateHolder previousCertificate() {
    return sign(
        issue(
            new Intake(
                Channel.PRE_APPROVED,
                request(null, List.of()),
                new Evidence.PreApproved(
                    new X500Name("CN=www.example.com"),
                    names("DNS:www.example.com", "DNS:example.com"),
                    null))));
  }

  private static X509CertificateHolder constrainedIssuer() {
    NameConstraints constraints =
        new NameConstraints(
            new GeneralSubtree[] {
              new GeneralSubtree(new GeneralName(GeneralName.dNSName, "example.com"))
            },
            null);
    X500Name name = new X500Name("CN=Constrained");
    try {
      var builder =
          new org.bouncycastle.cert.X509v3CertificateBuilder(
              name,
              BigInteger.TWO,
              new java.util.Date(),
              new java.util.Date(System.currentTimeMillis() + 86_400_000L),
              name,
              spki());
      builder.addExtension(Extension.nameConstraints, true, constraints);
      return builder.build(rootSigner.contentSigner("SHA256withECDSA"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CSR every channel gets: it asks for more than anyone approved. */
  private static Request hostileCsr() throws Exception {
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    extensions.addExtension(
        RequestedExtensions.TLS_FEATURE, false, new DERSequence(new ASN1Integer(5)));
    extensions.addExtension(PRIVATE_CRITICAL, true, new DEROctetString(new byte[] {1}));
    return new Request(
        spki(),
        new X500Name("CN=www.example.com,O=Evil,OU=admins"),
        names("DNS:www.example.com", "DNS:example.com"),
        extensions.generate());
  }

  private static Extensions hostileExtensions() throws Exception {
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    extensions.addExtension(
        RequestedExtensions.TLS_FEATURE, false, new DERSequence(new ASN1Integer(5)));
    extensions.addExtension(CT_POISON, true, DERNull.INSTANCE);
    extensions.addExtension(ACME_IDENTIFIER, true, new DEROctetString(new byte[32]));
    extensions.addExtension(
        Extension.issuerAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, "ca.evil.example")));
    extensions.addExtension(PRIVATE_CRITICAL, true, new DEROctetString(new byte[] {1}));
    return extensions.generate();
  }

  /**
   * The template of the cross-channel table: fixed C and O, CSR extensions allowed, renewal copies
   * the old content.
   */
  private static TemplateSettings crossChannelTemplate() {
    return allowing(renewal(true), true);
  }

  private static TemplateSettings fixedOrganization() {
    return TemplateVariants.withSubject(
        StarterTemplate.WEB_SERVER.defaults("T", null),
        new Subject(false, "Example Corp", null, null, null, "DE"));
  }

  private static TemplateSettings renewal(boolean copy) {
    TemplateSettings t = fixedOrganization();
    General g = t.general();
    return TemplateVariants.withGeneral(
        t,
        new General(
            g.enabled(),
            g.allowPublicRequests(),
            true,
            false,
            30,
            copy,
            g.signatureAlgorithm(),
            g.validityDays(),
            g.description()));
  }

  private static TemplateSettings allowing(TemplateSettings t, boolean csrExtensions) {
    Requests r = t.requests();
    return TemplateVariants.withRequests(
        t,
        new Requests(r.allowedKeyTypes(), r.minimumRsaBits(), r.allowedSanTypes(), csrExtensions));
  }

  private static Intake acme(Request request, String... validated) {
    return new Intake(Channel.ACME, request, new Evidence.ValidatedIdentifiers(names(validated)));
  }

  private static ApprovedContent approve(TemplateSettings template, Intake intake) {
    return IntakePolicy.approve(template, root, intake);
  }

  /** One issuing instant for every channel, so validity compares equal across them. */
  private static final Instant ISSUED_AT = Instant.now();

  private static ToBeSigned issue(Intake intake) {
    return issue(crossChannelTemplate(), intake);
  }

  private static ToBeSigned issue(TemplateSettings template, Intake intake) {
    ApprovedContent content = IntakePolicy.approve(template, root, intake);
    return CertificateProfile.build(
        template, issuer, intake.request().publicKey(), content, BigInteger.TEN, ISSUED_AT);
  }

  private static X509CertificateHolder sign(ToBeSigned tbs) {
    return tbs.builder().build(rootSigner.contentSigner(tbs.signatureAlgorithm()));
  }

  private static Request request(String subject, List<String> names) {
    return new Request(
        spki(),
        subject == null ? EMPTY : new X500Name(subject),
        names(names.toArray(String[]::new)),
        null);
  }

  private static List<SubjectAltNames.Name> names(String... written) {
    return SubjectAltNames.parse("subjectAltNames", List.of(written));
  }

  private static List<SubjectAltNames.Name> writtenNames(X509CertificateHolder certificate) {
    return new ArrayList<>(
        SubjectAltNames.of(
            "san",
            GeneralNames.fromExtensions(
                certificate.getExtensions(), Extension.subjectAlternativeName)));
  }

  private static SubjectPublicKeyInfo spki() {
    return SubjectPublicKeyInfo.getInstance(ec.getPublic().getEncoded());
  }

  private static InvalidInputException assertRefused(
      String field, org.junit.jupiter.api.function.Executable action) {
    InvalidInputException refused = assertThrows(InvalidInputException.class, action);
    assertEquals(field, refused.field(), refused.getMessage());
    return refused;
  }
}
