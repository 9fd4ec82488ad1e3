package org.pkiaas.template.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.template.entity.StarterTemplate;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.template.entity.TemplateSettings.CertificateTransparency;
import org.pkiaas.template.entity.TemplateSettings.Constraints;
import org.pkiaas.template.entity.TemplateSettings.CtLog;
import org.pkiaas.template.entity.TemplateSettings.Distribution;
import org.pkiaas.template.entity.TemplateSettings.General;
import org.pkiaas.template.entity.TemplateSettings.Requests;
import org.pkiaas.template.entity.TemplateSettings.Scep;
import org.pkiaas.template.entity.TemplateSettings.Subject;
import org.pkiaas.template.entity.TemplateSettings.Usage;
import org.pkiaas.x509.SanType;

class TemplateValidationTest {

  private static final String LOG_1 =
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAELAGIyWoyHWicRSgPRxm5Z462yqMnd6YUBsRDHHo926uSwWmgNbtk9/K50RBmtEoFtxK0Oxg9QO4kR3NW8la1gg==";
  private static final String LOG_2 =
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEhn11zHPoNJ2thtU14xd41GZAIzcBEWcV5eXByAgNDX7QvrJsI8PMZALTfvhIYtjTJbOv4Fz+ErITAgCBfgHQQQ==";
  static final String P384 =
      "MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEqcfi/4lJneo3ozTb01dLkUQUy0w1JiDtZpDfmfNb/DkzyQ8GG+o1zPXJ9j5iiPiCFIErTTfm8O5MGrEYKuS7eY/xNGUFgFYfTNngAM8yFqkRVc4Dnc8YpUQvZqivr5mj";

  private static final KeySpec EC_P256 = KeySpec.parse("EC", null, "P-256", null);
  private static final KeySpec RSA_2048 = KeySpec.parse("RSA", 2048, null, null);
  private static final TemplateSettings CURRENT =
      StarterTemplate.WEB_SERVER.defaults("Web", "the current one");
  private static final TemplateSettings NOTHING =
      new TemplateSettings(null, null, null, null, null, null, null, null, null, null);

  // what passes, and what is kept

  @ParameterizedTest
  @EnumSource(StarterTemplate.class)
  void everyStartersDefaultsAreValidAndUnchanged(StarterTemplate starter) {
    TemplateSettings defaults = starter.defaults(starter.displayName(), null);
    assertEquals(defaults, TemplateValidation.validate(defaults, defaults, EC_P256));
    assertEquals(defaults, TemplateValidation.validate(defaults, defaults, RSA_2048));
  }

  @Test
  void nullSectionsKeepTheCurrentOnes() {
    TemplateSettings current =
        new TemplateSettings(
            "Current",
            new General(false, true, true, true, 14, false, "SHA384withECDSA", 90, "kept"),
            new Subject(false, "ACME", "Ops", "Berlin", "Berlin", "DE"),
            new Usage(
                List.of("digitalSignature"),
                List.of("clientAuth", "1.3.6.1.4.1.99999.1"),
                true,
                true),
            new Constraints(true, 2),
            new Distribution(
                false, "https://repo.example/ca.crt", false, false, true, true, "2.23.140.1.2.1"),
            new Requests(List.of("EC"), 3072, List.of(SanType.EMAIL), true),
            new Scep(
                true,
                true,
                true,
                true,
                true,
                true,
                true,
                "10.0.0.0/8",
                false,
                "NDES",
                new Scep.Intune(
                    "contoso.onmicrosoft.com",
                    "8a3b1c2d-0000-4000-8000-00000000abcd",
                    Scep.Intune.AUTHORITY,
                    Scep.Intune.GRAPH,
                    10000)),
            new CertificateTransparency(
                List.of(
                    new CtLog(
                        "https://ct.example/log",
                        LOG_1,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-07-01T00:00:00Z"),
                        1500)),
                1),
            TemplateSettings.Est.OFF);

    assertEquals(current, TemplateValidation.validate(NOTHING, current, EC_P256));
  }

  @Test
  void givenSectionsReplaceOnlyThemselves() {
    Subject subject = new Subject(false, "ACME", null, null, null, "DE");
    TemplateSettings requested =
        new TemplateSettings("Renamed", null, subject, null, null, null, null, null, null, null);

    TemplateSettings validated = TemplateValidation.validate(requested, CURRENT, EC_P256);

    assertEquals("Renamed", validated.name());
    assertEquals(subject, validated.subject());
    assertEquals(CURRENT.general(), validated.general());
    assertEquals(CURRENT.keyUsage(), validated.keyUsage());
    assertEquals(CURRENT.distribution(), validated.distribution());
    assertEquals(CURRENT.requests(), validated.requests());
    assertEquals(CURRENT.certificateTransparency(), validated.certificateTransparency());
  }

  @Test
  void emptyCtLogListReplacesTheCurrentOne() {
    TemplateSettings current =
        withCtLogs(CURRENT, List.of(log("https://ct.example/log", LOG_1)), 1);
    TemplateSettings requested =
        new TemplateSettings(
            null, null, null, null, null, null, null, null, CertificateTransparency.NONE, null);
    assertEquals(
        CertificateTransparency.NONE,
        TemplateValidation.validate(requested, current, EC_P256).certificateTransparency());
  }

  // name

  @Test
  void nameIsTrimmed() {
    assertEquals("Web Servers", validate(withName("  Web Servers  ")).name());
  }

  @Test
  void missingNameKeepsTheCurrentName() {
    assertEquals("Web", TemplateValidation.validate(withName(null), CURRENT, EC_P256).name());
  }

  @Test
  void nameIsRequired() {
    assertField("name", () -> TemplateValidation.validate(withName(null), withName(null), EC_P256));
    assertField("name", () -> validate(withName("   ")));
  }

  @Test
  void nameHasAtMost200Characters() {
    assertEquals(200, validate(withName("n".repeat(200))).name().length());
    assertField("name", () -> validate(withName("n".repeat(201))));
  }

  // general

  @ParameterizedTest
  @ValueSource(ints = {1, 398, 36500})
  void validityDaysInRangeAreAccepted(int days) {
    assertEquals(days, validate(withGeneral(days, null, 30, null)).general().validityDays());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 36501})
  void validityDaysOutOfRangeAreRefused(int days) {
    assertField("general.validityDays", () -> validate(withGeneral(days, null, 30, null)));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -5, 36501})
  void renewalWindowOutOfRangeIsRefused(int days) {
    assertField("general.renewalWindowDays", () -> validate(withGeneral(365, null, days, null)));
  }

  @Test
  void signatureAlgorithmFittingTheCaKeyIsAccepted() {
    assertEquals(
        "SHA384withECDSA",
        validate(withGeneral(365, "SHA384withECDSA", 30, null)).general().signatureAlgorithm());
    assertEquals(
        "SHA512withECDSA",
        validate(withGeneral(365, "SHA-512", 30, null)).general().signatureAlgorithm());
    assertEquals(
        "SHA256withRSAandMGF1",
        TemplateValidation.validate(
                withGeneral(365, "SHA256withRSAandMGF1", 30, null), CURRENT, RSA_2048)
            .general()
            .signatureAlgorithm());
  }

  @Test
  void blankSignatureAlgorithmMeansTheCasOwn() {
    assertNull(validate(withGeneral(365, "  ", 30, null)).general().signatureAlgorithm());
    assertNull(validate(withGeneral(365, null, 30, null)).general().signatureAlgorithm());
  }

  @Test
  void signatureAlgorithmNotFittingTheCaKeyIsRefused() {
    assertField(
        "general.signatureAlgorithm", () -> validate(withGeneral(365, "SHA256withRSA", 30, null)));
    assertField(
        "general.signatureAlgorithm", () -> validate(withGeneral(365, "Ed25519", 30, null)));
    assertField(
        "general.signatureAlgorithm",
        () ->
            TemplateValidation.validate(
                withGeneral(365, "SHA256withECDSA", 30, null), CURRENT, RSA_2048));
    assertField(
        "general.signatureAlgorithm", () -> validate(withGeneral(365, "MD5withRSA", 30, null)));
  }

  @Test
  void descriptionIsTrimmedAndBounded() {
    assertEquals(
        "for web servers",
        validate(withGeneral(365, null, 30, "  for web servers ")).general().description());
    assertNull(validate(withGeneral(365, null, 30, "   ")).general().description());
    assertEquals(
        1000,
        validate(withGeneral(365, null, 30, "d".repeat(1000))).general().description().length());
    assertField(
        "general.description", () -> validate(withGeneral(365, null, 30, "d".repeat(1001))));
  }

  // subject

  @Test
  void countryIsUpperCased() {
    assertEquals(
        "DE",
        validate(withSubject(new Subject(false, null, null, null, null, " de ")))
            .subject()
            .country());
  }

  @ParameterizedTest
  @ValueSource(strings = {"DEU", "D", "D1", "Deutschland", "1A"})
  void countryThatIsNotTwoLettersIsRefused(String country) {
    assertField(
        "subject.country",
        () -> validate(withSubject(new Subject(false, null, null, null, null, country))));
  }

  @Test
  void subjectTextIsTrimmedAndBlanksBecomeNull() {
    Subject subject =
        validate(withSubject(new Subject(false, " ACME ", "  ", "Berlin ", null, null))).subject();
    assertEquals(new Subject(false, "ACME", null, "Berlin", null, null), subject);
  }

  @Test
  void subjectAttributesAreBoundedByTheirX520Lengths() {
    assertField(
        "subject.organization",
        () -> validate(withSubject(new Subject(false, "o".repeat(65), null, null, null, null))));
    assertField(
        "subject.organizationalUnit",
        () -> validate(withSubject(new Subject(false, null, "u".repeat(65), null, null, null))));
    assertField(
        "subject.locality",
        () -> validate(withSubject(new Subject(false, null, null, "l".repeat(129), null, null))));
    assertField(
        "subject.state",
        () -> validate(withSubject(new Subject(false, null, null, null, "s".repeat(129), null))));
    assertEquals(
        64,
        validate(withSubject(new Subject(false, "o".repeat(64), null, null, null, null)))
            .subject()
            .organization()
            .length());
  }

  // key usage

  @Test
  void usageNamesAreCanonicalAndDeduplicated() {
    Usage usage =
        validate(
                withUsage(
                    new Usage(
                        List.of("KEYCERTSIGN", "crlsign", "cRLSign"),
                        List.of("serverauth", "ocspsigning"),
                        false,
                        false)))
            .keyUsage();
    assertEquals(List.of("keyCertSign", "cRLSign"), usage.keyUsage());
    assertEquals(List.of("serverAuth", "OCSPSigning"), usage.extendedKeyUsage());
  }

  @Test
  void unknownKeyUsageIsRefused() {
    assertField(
        "keyUsage.keyUsage",
        () -> validate(withUsage(new Usage(List.of("serverAuth"), List.of(), false, false))));
  }

  @Test
  void unknownExtendedKeyUsageIsRefused() {
    assertField(
        "keyUsage.extendedKeyUsage",
        () -> validate(withUsage(new Usage(List.of(), List.of("webServer"), false, false))));
    assertField(
        "keyUsage.extendedKeyUsage",
        () -> validate(withUsage(new Usage(List.of(), List.of("1.3.6.01"), false, false))));
  }

  @Test
  void customExtendedKeyUsageOidIsAccepted() {
    Usage usage =
        validate(
                withUsage(
                    new Usage(
                        List.of("digitalSignature"),
                        List.of("clientAuth", " 1.3.6.1.4.1.99999.1 "),
                        true,
                        false)))
            .keyUsage();
    assertEquals(List.of("clientAuth", "1.3.6.1.4.1.99999.1"), usage.extendedKeyUsage());
    assertTrue(usage.extendedKeyUsageCritical());
  }

  @Test
  void criticalFlagWithoutExtendedKeyUsagesIsDropped() {
    Usage usage =
        validate(withUsage(new Usage(List.of("digitalSignature"), List.of(), true, true)))
            .keyUsage();
    assertFalse(usage.extendedKeyUsageCritical());
    assertTrue(usage.ocspNoCheck());
  }

  @Test
  void absentUsageListsAreEmpty() {
    Usage usage = validate(withUsage(new Usage(null, null, false, false))).keyUsage();
    assertEquals(List.of(), usage.keyUsage());
    assertEquals(List.of(), usage.extendedKeyUsage());
  }

  // basic constraints

  @Test
  void pathLengthOnANonCaTemplateIsRefused() {
    assertField(
        "basicConstraints.pathLength", () -> validate(withConstraints(new Constraints(false, 0))));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 17})
  void pathLengthOutOfRangeIsRefused(int pathLength) {
    assertField(
        "basicConstraints.pathLength",
        () -> validate(withConstraints(new Constraints(true, pathLength))));
  }

  @Test
  void caPathLengthsInRangeOrUnlimitedAreAccepted() {
    assertEquals(
        new Constraints(true, 0),
        validate(withConstraints(new Constraints(true, 0))).basicConstraints());
    assertEquals(
        new Constraints(true, 16),
        validate(withConstraints(new Constraints(true, 16))).basicConstraints());
    assertEquals(
        new Constraints(true, null),
        validate(withConstraints(new Constraints(true, null))).basicConstraints());
  }

  // distribution

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://repo.example/ca.crt",
        "repo.example/ca.crt",
        "http://",
        "http://repo example/ca.crt",
        "ldap://ldap.example/cn=ca"
      })
  void caIssuersUrlThatIsNotHttpIsRefused(String url) {
    assertField(
        "distribution.caIssuersUrl",
        () -> validate(withDistribution(distribution(url, false, null))));
  }

  @Test
  void caIssuersUrlIsTrimmedAndBlankMeansTheDefault() {
    assertEquals(
        "https://repo.example/ca.crt",
        validate(withDistribution(distribution("  https://repo.example/ca.crt ", false, null)))
            .distribution()
            .caIssuersUrl());
    assertNull(
        validate(withDistribution(distribution("  ", false, null))).distribution().caIssuersUrl());
  }

  @Test
  void policiesWithoutAnOidAreRefused() {
    assertField(
        "distribution.policyOid", () -> validate(withDistribution(distribution(null, true, null))));
    assertField(
        "distribution.policyOid", () -> validate(withDistribution(distribution(null, true, "  "))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "3.1",
        "2",
        "2.01",
        "2.23.140.1.2.1.",
        "2..23",
        "2.1234567890123456789012345678901234567890"
      })
  void malformedPolicyOidIsRefused(String oid) {
    assertField(
        "distribution.policyOid", () -> validate(withDistribution(distribution(null, true, oid))));
  }

  @Test
  void policyOidIsAccepted() {
    Distribution d =
        validate(withDistribution(distribution(null, true, " 2.23.140.1.2.1 "))).distribution();
    assertTrue(d.includePolicies());
    assertEquals("2.23.140.1.2.1", d.policyOid());
  }

  // what requests may bring

  @Test
  void keyTypesAreCanonicalAndDeduplicated() {
    Requests r =
        validate(
                withRequests(
                    new Requests(
                        List.of("ec", "ECDSA", "rsa", "ml-dsa", "Ed25519"),
                        2048,
                        List.of(SanType.DNS, SanType.DNS, SanType.IP),
                        false)))
            .requests();
    assertEquals(List.of("EC", "RSA", "ML_DSA", "ED25519"), r.allowedKeyTypes());
    assertEquals(List.of(SanType.DNS, SanType.IP), r.allowedSanTypes());
  }

  @Test
  void unknownKeyTypeIsRefused() {
    assertField(
        "requests.allowedKeyTypes",
        () -> validate(withRequests(new Requests(List.of("RSA", "DSA"), 2048, List.of(), false))));
  }

  @Test
  void atLeastOneKeyTypeIsRequired() {
    assertField(
        "requests.allowedKeyTypes",
        () -> validate(withRequests(new Requests(List.of(), 2048, List.of(), false))));
    assertField(
        "requests.allowedKeyTypes",
        () -> validate(withRequests(new Requests(null, 2048, List.of(), false))));
  }

  @ParameterizedTest
  @ValueSource(ints = {1024, 2047, 8193})
  void minimumRsaBitsOutOfRangeAreRefused(int bits) {
    assertField(
        "requests.minimumRsaBits",
        () -> validate(withRequests(new Requests(List.of("RSA"), bits, List.of(), false))));
  }

  @ParameterizedTest
  @ValueSource(ints = {2048, 3072, 8192})
  void minimumRsaBitsInRangeAreAccepted(int bits) {
    assertEquals(
        bits,
        validate(withRequests(new Requests(List.of("RSA"), bits, List.of(), false)))
            .requests()
            .minimumRsaBits());
  }

  @Test
  void noSanTypesMeansNone() {
    assertEquals(
        List.of(),
        validate(withRequests(new Requests(List.of("RSA"), 2048, null, false)))
            .requests()
            .allowedSanTypes());
  }

  // SCEP

  @Test
  void ipAclOfAddressesAndRangesIsAccepted() {
    String acl = " 10.0.0.0/8, ::1 192.168.1.17,2001:db8::/32 ";
    assertEquals(acl.trim(), validate(withScep(acl)).scep().ipAclList());
    assertEquals("10.0.0.0/8", validate(withScep("10.0.0.0/8")).scep().ipAclList());
    assertEquals("::1", validate(withScep("::1")).scep().ipAclList());
    assertNull(validate(withScep("  ")).scep().ipAclList());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.com",
        "10.0.0.300",
        "10.0.0.1, scep.example",
        "localhost",
        "10.0.0.0/8,2001:db8::zz"
      })
  void ipAclEntryThatIsNotAnAddressIsRefused(String acl) {
    assertField("scep.ipAclList", () -> validate(withScep(acl)));
  }

  /**
   * The prefix of a CIDR range is part of the entry: an IPv4 prefix is 0 to 32, an IPv6 one 0 to
   * 128.
   */
  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/abc", "10.0.0.0/", "::1/129", "10.0.0.0/8/8"})
  void ipAclRangeWithABadPrefixIsRefused(String acl) {
    assertField("scep.ipAclList", () -> validate(withScep(acl)));
  }

  private static final String CLIENT = "8a3b1c2d-0000-4000-8000-00000000ABCD";

  @Test
  void intuneConnectionGetsMicrosoftsUrlsAndADeadlineByDefault() {
    Scep.Intune intune =
        validate(withIntune(false, new Scep.Intune(" contoso.example ", CLIENT, null, " ", null)))
            .scep()
            .intuneConnection();
    assertEquals("contoso.example", intune.tenantId().trim());
    assertEquals(CLIENT.toLowerCase(java.util.Locale.ROOT), intune.clientId());
    assertEquals(Scep.Intune.AUTHORITY, intune.authorityUrl());
    assertEquals(Scep.Intune.GRAPH, intune.graphUrl());
    assertEquals(10_000, intune.timeoutMillis());
    assertEquals(
        "http://127.0.0.1:5070/graph/",
        validate(
                withIntune(
                    false, new Scep.Intune("t", CLIENT, null, "http://127.0.0.1:5070/graph", 2000)))
            .scep()
            .intuneConnection()
            .graphUrl());
  }

  @Test
  void intuneNeedsItsIdsAndCannotWaitForApproval() {
    assertField("scep.intuneConnection.tenantId", () -> validate(withIntune(false, null)));
    assertField(
        "scep.intuneConnection.clientId",
        () -> validate(withIntune(false, new Scep.Intune("t", null, null, null, null))));
    assertField(
        "scep.approval",
        () -> validate(withIntune(true, new Scep.Intune("t", CLIENT, null, null, null))));
    assertField(
        "scep.intuneConnection.timeoutMillis",
        () -> validate(withIntune(false, new Scep.Intune("t", CLIENT, null, null, 100))));
    assertField(
        "scep.intuneConnection.authorityUrl",
        () ->
            validate(
                withIntune(false, new Scep.Intune("t", CLIENT, "ftp://x.example/", null, null))));
  }

  // certificate transparency

  @Test
  void ctLogsAreTrimmedAndKept() {
    CertificateTransparency ct =
        validate(
                withCtLogs(
                    CURRENT,
                    List.of(
                        log(" https://ct.example/2025 ", " " + LOG_1 + "\n"),
                        log("http://ct2.example/", LOG_2)),
                    2))
            .certificateTransparency();
    assertEquals(
        List.of(log("https://ct.example/2025", LOG_1), log("http://ct2.example/", LOG_2)),
        ct.logs());
    assertEquals(2, ct.sctsRequired());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ct.example/log",
        "ftp://ct.example/",
        "https://a.example/,https://b.example/",
        "https://ct example/",
        "https://ct.example/log?x=1"
      })
  void ctLogUrlThatIsNotOneHttpUrlIsRefused(String url) {
    assertField(
        "certificateTransparency.logs[0].url",
        () -> validate(withCtLogs(CURRENT, List.of(log(url, LOG_1)), null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "bm90IGEga2V5", "!!!", P384})
  void ctLogKeyThatIsNotP256OrRsaIsRefused(String key) {
    assertField(
        "certificateTransparency.logs[0].publicKey",
        () -> validate(withCtLogs(CURRENT, List.of(log("https://ct.example/", key)), null)));
  }

  @Test
  void theSameLogTwiceIsRefused() {
    assertField(
        "certificateTransparency.logs[1].publicKey",
        () ->
            validate(
                withCtLogs(
                    CURRENT,
                    List.of(log("https://a.example/", LOG_1), log("https://b.example/", LOG_1)),
                    null)));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, -1})
  void moreSctsThanLogsOrNoneAreRefused(int required) {
    assertField(
        "certificateTransparency.sctsRequired",
        () ->
            validate(
                withCtLogs(
                    CURRENT,
                    List.of(log("https://a.example/", LOG_1), log("https://b.example/", LOG_2)),
                    required)));
  }

  @Test
  void aWindowThatEndsBeforeItStartsOrADeadlineOutOfRangeIsRefused() {
    Instant t = Instant.parse("2026-06-01T00:00:00Z");
    assertField(
        "certificateTransparency.logs[0].notAfterUntil",
        () ->
            validate(
                withCtLogs(
                    CURRENT, List.of(new CtLog("https://a.example/", LOG_1, t, t, null)), null)));
    assertField(
        "certificateTransparency.logs[0].timeoutMillis",
        () ->
            validate(
                withCtLogs(
                    CURRENT,
                    List.of(new CtLog("https://a.example/", LOG_1, null, null, 60_001)),
                    null)));
  }

  // helpers

  private static TemplateSettings validate(TemplateSettings requested) {
    return TemplateValidation.validate(requested, CURRENT, EC_P256);
  }

  private static void assertField(
      String field, org.junit.jupiter.api.function.Executable executable) {
    InvalidInputException e = assertThrows(InvalidInputException.class, executable);
    assertEquals(field, e.field(), e.getMessage());
  }

  private static TemplateSettings withName(String name) {
    TemplateSettings c = CURRENT;
    return new TemplateSettings(
        name,
        c.general(),
        c.subject(),
        c.keyUsage(),
        c.basicConstraints(),
        c.distribution(),
        c.requests(),
        c.scep(),
        c.certificateTransparency(),
        TemplateSettings.Est.OFF);
  }

  private static TemplateSettings withGeneral(
      int validityDays, String signatureAlgorithm, int renewalWindowDays, String description) {
    TemplateSettings c = CURRENT;
    General g =
        new General(
            true,
            false,
            true,
            false,
            renewalWindowDays,
            true,
            signatureAlgorithm,
            validityDays,
            description);
    return new TemplateSettings(
        c.name(),
        g,
        c.subject(),
        c.keyUsage(),
        c.basicConstraints(),
        c.distribution(),
        c.requests(),
        c.scep(),
        c.certificateTransparency(),
        TemplateSettings.Est.OFF);
  }

  private static TemplateSettings withSubject(Subject subject) {
    TemplateSettings c = CURRENT;
    return new TemplateSettings(
        c.name(),
        c.general(),
        subject,
        c.keyUsage(),
        c.basicConstraints(),
        c.distribution(),
        c.requests(),
        c.scep(),
        c.certificateTransparency(),
        TemplateSettings.Est.OFF);
  }

  private static TemplateSettings withUsage(Usage usage) {
    TemplateSettings c = CURRENT;
    return new TemplateSettings(
        c.name(),
        c.general(),
        c.subject(),
        usage,
        c.basicConstraints(),
        c.distribution(),
        c.requests(),
        c.scep(),
        c.certificateTransparency(),
        TemplateSettings.Est.OFF);
  }

  private static TemplateSettings withConstraints(Constraints constraints) {
    TemplateSettings c = CURRENT;
    return new TemplateSettings(
        c.name(),
        c.general(),
        c.subject(),
        c.keyUsage(),
        constraints,
        c.distribution(),
        c.requests(),
        c.scep(),
        c.certificateTransparency(),
        TemplateSettings.Est.OFF);
  }

  private static Distribution distribution(
      String caIssuersUrl, boolean includePolicies, String policyOid) {
    return new Distribution(true, caIssuersUrl, true, true, false, includePolicies, policyOid);
  }

  private static TemplateSettings withDistribution(Distribution distribution) {
    TemplateSettings c = CURRENT;
    return new TemplateSettings(
        c.name(),
        c.general(),
        c.subject(),
        c.keyUsage(),
        c.basicConstraints(),
        distribution,
        c.requests(),
        c.scep(),
        c.certificateTransparency(),
        TemplateSettings.Est.OFF);
  }

  private static TemplateSettings withRequests(Requests requests) {
    TemplateSettings c = CURRENT;
    return new TemplateSettings(
        c.name(),
        c.general(),
        c.subject(),
        c.keyUsage(),
        c.basicConstraints(),
        c.distribution(),
        requests,
        c.scep(),
        c.certificateTransparency(),
        TemplateSettings.Est.OFF);
  }

  private static TemplateSettings withScep(String ipAclList) {
    return withScep(
        new Scep(true, false, false, false, false, false, true, ipAclList, false, "BOTH", null));
  }

  private static TemplateSettings withIntune(boolean approval, Scep.Intune connection) {
    return withScep(
        new Scep(
            true, false, true, false, false, false, false, null, approval, "BOTH", connection));
  }

  private static TemplateSettings withScep(Scep scep) {
    TemplateSettings c = CURRENT;
    return new TemplateSettings(
        c.name(),
        c.general(),
        c.subject(),
        c.keyUsage(),
        c.basicConstraints(),
        c.distribution(),
        c.requests(),
        scep,
        c.certificateTransparency(),
        TemplateSettings.Est.OFF);
  }

  private static CtLog log(String url, String key) {
    return new CtLog(url, key, null, null, null);
  }

  private static TemplateSettings withCtLogs(
      TemplateSettings c, List<CtLog> logs, Integer required) {
    return new TemplateSettings(
        c.name(),
        c.general(),
        c.subject(),
        c.keyUsage(),
        c.basicConstraints(),
        c.distribution(),
        c.requests(),
        c.scep(),
        new CertificateTransparency(logs, required),
        TemplateSettings.Est.OFF);
  }
}
