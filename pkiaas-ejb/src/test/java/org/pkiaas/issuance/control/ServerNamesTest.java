package org.pkiaas.issuance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.List;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pkiaas.ca.control.CaCertificateBuilder;
import org.pkiaas.ca.control.CaCertificateBuilder.CaProfile;
import org.pkiaas.issuance.control.CertificateProfile.Request;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.CaSigner;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.template.entity.StarterTemplate;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.template.entity.TemplateSettings.Requests;
import org.pkiaas.x509.SanType;
import org.pkiaas.x509.SubjectAltNames;

/** A TLS server certificate's names, as the intake policy completes them on every channel. */
class ServerNamesTest {

  private static final TemplateSettings WEB = StarterTemplate.WEB_SERVER.defaults("T", null);

  private static X509CertificateHolder root;
  private static KeyPair device;

  @BeforeAll
  static void buildRoot() {
    KeyPair pair = KeySpec.parse("EC", null, "P-256", null).generate();
    CaSigner signer = CaSigner.software(pair.getPrivate(), pair.getPublic(), "SHA256withECDSA");
    root =
        CaCertificateBuilder.selfSigned(
            new CaProfile(
                new X500Name("CN=Server Names Root"),
                3650,
                null,
                List.of("keyCertSign", "cRLSign"),
                List.of()),
            signer);
    device = KeySpec.parse("EC", null, "P-256", null).generate();
  }

  /** Every channel whose evidence keeps the CSR's subject and names as they are. */
  enum Carrier {
    CONSOLE_OR_REST_SIGN,
    SCEP_CHALLENGE,
    EST_PASSWORD;

    Intake intake(Request request) {
      return switch (this) {
        case CONSOLE_OR_REST_SIGN ->
            new Intake(Channel.ADMIN_CSR, request, Evidence.AdminDecision.AS_REQUESTED);
        case SCEP_CHALLENGE ->
            new Intake(Channel.SCEP, request, new Evidence.SharedSecret("static-passphrase"));
        case EST_PASSWORD -> new Intake(Channel.EST, request, new Evidence.SharedSecret("est"));
      };
    }
  }

  @ParameterizedTest
  @EnumSource(Carrier.class)
  void aCommonNameOnlyRequestGetsItsNameAsADnsName(Carrier carrier) {
    ApprovedContent content = approve(WEB, carrier.intake(request("CN=Device.Example.com")));
    assertEquals(names("DNS:device.example.com"), content.subjectAltNames());
    assertEquals(new X500Name("CN=Device.Example.com"), content.subject());
  }

  @Test
  void anIpAddressCommonNameBecomesAnIpName() {
    ApprovedContent content = approve(WEB, admin(request("CN=192.0.2.10")));
    assertEquals(names("IP:192.0.2.10"), content.subjectAltNames());
  }

  @Test
  void namesThatAlreadyNameAHostAreKeptAsGiven() {
    ApprovedContent content = approve(WEB, admin(request("CN=b.example", "DNS:a.example")));
    assertEquals(names("DNS:a.example"), content.subjectAltNames());
    content =
        approve(
            WEB,
            new Intake(
                Channel.ADMIN_CSR,
                request("CN=asked.example", "DNS:asked.example"),
                new Evidence.AdminDecision(null, names("IP:192.0.2.7"), null)));
    assertEquals(names("IP:192.0.2.7"), content.subjectAltNames());
  }

  @Test
  void anEmptyNameOverrideOnAServerTemplateLeavesTheCommonNamesHost() {
    ApprovedContent content =
        approve(
            WEB,
            new Intake(
                Channel.ADMIN_CSR,
                request("CN=asked.example", "DNS:asked.example"),
                new Evidence.AdminDecision(null, List.of(), null)));
    assertEquals(names("DNS:asked.example"), content.subjectAltNames());
  }

  @Test
  void aServerCertificateWithoutAnyHostNameIsRefused() {
    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class,
            () -> approve(WEB, admin(request("CN=Web Server 1,O=Example"))));
    assertEquals("subjectAltNames", refused.field());
    assertTrue(refused.getMessage().contains("serverAuth"), refused.getMessage());
  }

  @Test
  void aRequestQueuedForAPersonMayStillLackAHostName() {
    Request unnamed = request("CN=Web Server 1");
    CertificateProfile.check(WEB, unnamed); // queued: whoever signs can give the names
    ApprovedContent content =
        approve(
            WEB,
            new Intake(
                Channel.ADMIN_CSR,
                unnamed,
                new Evidence.AdminDecision(null, names("DNS:web1.example"), null)));
    assertEquals(names("DNS:web1.example"), content.subjectAltNames());
  }

  @Test
  void aLabelCommonNameStaysBesideTheRequestedNames() {
    ApprovedContent content = approve(WEB, admin(request("CN=Web Server 1", "DNS:a.example")));
    assertEquals(names("DNS:a.example"), content.subjectAltNames());
    assertEquals(new X500Name("CN=Web Server 1"), content.subject());
  }

  @Test
  void aHostOfATypeTheTemplateRefusesIsNotAdded() {
    TemplateSettings ipOnly = allowing(WEB, List.of(SanType.IP));
    assertThrows(
        InvalidInputException.class, () -> approve(ipOnly, admin(request("CN=a.example"))));
    assertEquals(
        names("IP:192.0.2.1"),
        approve(ipOnly, admin(request("CN=a.example", "IP:192.0.2.1"))).subjectAltNames());
    TemplateSettings dnsOnly = allowing(WEB, List.of(SanType.DNS));
    assertThrows(
        InvalidInputException.class, () -> approve(dnsOnly, admin(request("CN=192.0.2.1"))));
  }

  @Test
  void ipv6AndWildcardCommonNamesBecomeNames() {
    assertEquals(
        names("IP:2001:db8::1"), approve(WEB, admin(request("CN=2001:db8::1"))).subjectAltNames());
    assertEquals(
        names("DNS:*.example.com"),
        approve(WEB, admin(request("CN=*.Example.com"))).subjectAltNames());
  }

  @Test
  void dottedDigitsThatAreNoPlainAddressNameNoHost() {
    // 010.0.0.1 is 8.0.0.1 to a browser and 10.0.0.1 to Java: neither is guessed
    assertThrows(InvalidInputException.class, () -> approve(WEB, admin(request("CN=010.0.0.1"))));
    assertThrows(InvalidInputException.class, () -> approve(WEB, admin(request("CN=1.2.3"))));
  }

  @Test
  void theServerAuthOidCountsAsServerAuth() {
    TemplateSettings byOid =
        TemplateVariants.withUsage(
            WEB,
            new TemplateSettings.Usage(
                List.of("digitalSignature"), List.of("1.3.6.1.5.5.7.3.1"), false, false));
    assertEquals(
        names("DNS:oid.example"),
        approve(byOid, admin(request("CN=oid.example"))).subjectAltNames());
  }

  @Test
  void aServerAndClientTemplateIssuesContentWithoutAHost() {
    TemplateSettings both = StarterTemplate.WEB_SERVER_AND_CLIENT.defaults("T", null);
    // a device or user certificate: the common name is a label, and the client use needs no host
    assertEquals(List.of(), approve(both, admin(request("CN=John's iPhone"))).subjectAltNames());
    assertEquals(
        names("DNS:kiosk-7"), approve(both, admin(request("CN=kiosk-7"))).subjectAltNames());
  }

  @Test
  void aRenewalKeepsWhatTheRenewedCertificateHad() throws Exception {
    KeyPair pair = KeySpec.parse("EC", null, "P-256", null).generate();
    X509CertificateHolder previous =
        new org.bouncycastle.cert.X509v3CertificateBuilder(
                root.getSubject(),
                java.math.BigInteger.valueOf(7),
                new java.util.Date(),
                new java.util.Date(System.currentTimeMillis() + 86_400_000L),
                new X500Name("CN=Web Server 1"),
                SubjectPublicKeyInfo.getInstance(device.getPublic().getEncoded()))
            .build(
                new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                    .build(pair.getPrivate()));
    ApprovedContent renewed =
        approve(
            WEB,
            new Intake(
                Channel.RENEWAL, request("CN=Web Server 1"), new Evidence.ProvenKey(previous)));
    assertEquals(List.of(), renewed.subjectAltNames());
  }

  @Test
  void otherTemplatesKeepTheNamesAsApproved() {
    TemplateSettings client = StarterTemplate.CLIENT_AUTHENTICATION.defaults("T", null);
    assertEquals(List.of(), approve(client, admin(request("CN=alice.example"))).subjectAltNames());
  }

  @Test
  void aPreApprovalWithoutHostNamesIsRefusedBeforeAnyKeyExists() {
    assertThrows(
        InvalidInputException.class,
        () ->
            IntakePolicy.approveWithoutKey(
                WEB,
                root,
                new Evidence.PreApproved(new X500Name("CN=Printer on floor 2"), List.of(), null)));
    ApprovedContent content =
        IntakePolicy.approveWithoutKey(
            WEB,
            root,
            new Evidence.PreApproved(new X500Name("CN=printer.example"), List.of(), null));
    assertEquals(names("DNS:printer.example"), content.subjectAltNames());
  }

  private static TemplateSettings allowing(TemplateSettings t, List<SanType> types) {
    Requests r = t.requests();
    return TemplateVariants.withRequests(
        t, new Requests(r.allowedKeyTypes(), r.minimumRsaBits(), types, false));
  }

  private static ApprovedContent approve(TemplateSettings template, Intake intake) {
    return IntakePolicy.approve(template, root, intake);
  }

  private static Intake admin(Request request) {
    return Carrier.CONSOLE_OR_REST_SIGN.intake(request);
  }

  private static Request request(String subject, String... names) {
    return new Request(
        SubjectPublicKeyInfo.getInstance(device.getPublic().getEncoded()),
        subject == null ? new X500Name(new RDN[0]) : new X500Name(subject),
        names(names),
        null);
  }

  private static List<SubjectAltNames.Name> names(String... written) {
    return SubjectAltNames.parse("subjectAltNames", List.of(written));
  }
}
