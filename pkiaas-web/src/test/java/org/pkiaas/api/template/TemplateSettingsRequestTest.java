package org.pkiaas.api.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.x509.SanType;

/**
 * The API's template records carry every setting to the domain record and back, and keep the
 * OpenAPI schema names clients were generated with.
 */
class TemplateSettingsRequestTest {

  static final TemplateSettings EVERY_FIELD =
      new TemplateSettings(
          "Web",
          new TemplateSettings.General(
              true, true, true, false, 30, true, "SHA256withECDSA", 90, "d"),
          new TemplateSettings.Subject(false, "O", "OU", "L", "ST", "DE"),
          new TemplateSettings.Usage(
              List.of("digitalSignature"), List.of("serverAuth", "1.3.6.1.4.1.9.1"), true, true),
          new TemplateSettings.Constraints(true, 1),
          new TemplateSettings.Distribution(
              true, "http://x.test/ca.crt", true, false, true, true, "2.23.140.1.2.1"),
          new TemplateSettings.Requests(
              List.of("EC", "RSA"), 3072, List.of(SanType.DNS, SanType.IP), true),
          new TemplateSettings.Scep(
              true,
              true,
              true,
              false,
              true,
              true,
              true,
              "10.0.0.0/8",
              false,
              "NDES",
              new TemplateSettings.Scep.Intune(
                  "t.example",
                  "0f0e0d0c-0b0a-0908-0706-050403020100",
                  "https://a/",
                  "https://g/",
                  900)),
          new TemplateSettings.CertificateTransparency(
              List.of(
                  new TemplateSettings.CtLog(
                      "https://ct.test/log",
                      "MFkw",
                      Instant.parse("2026-01-01T00:00:00Z"),
                      Instant.parse("2027-01-01T00:00:00Z"),
                      3000)),
              1),
          new TemplateSettings.Est(true, "web", true, true));

  @Test
  void everySettingGoesToTheDomainAndBack() {
    assertEquals(EVERY_FIELD, TemplateSettingsRequest.of(EVERY_FIELD).toDomain());
  }

  @Test
  void absentSectionsStayAbsent() {
    TemplateSettings onlyName =
        new TemplateSettingsRequest("n", null, null, null, null, null, null, null, null, null)
            .toDomain();
    assertEquals(
        new TemplateSettings("n", null, null, null, null, null, null, null, null, null), onlyName);
    assertEquals(onlyName, TemplateSettingsRequest.of(onlyName).toDomain());
  }

  @Test
  void keepTheSchemaNamesOfThePublishedDocument() {
    assertEquals(
        List.of(
            "TemplateSettings",
            "General",
            "Subject",
            "Usage",
            "Constraints",
            "Distribution",
            "Requests",
            "Scep",
            "Intune",
            "CertificateTransparency",
            "CtLog",
            "Est"),
        Stream.of(
                TemplateSettingsRequest.class,
                CertificateSections.General.class,
                CertificateSections.Subject.class,
                CertificateSections.Usage.class,
                CertificateSections.Constraints.class,
                CertificateSections.Distribution.class,
                CertificateSections.Requests.class,
                ServiceSections.Scep.class,
                ServiceSections.Scep.Intune.class,
                ServiceSections.CertificateTransparency.class,
                ServiceSections.CtLog.class,
                ServiceSections.Est.class)
            .map(type -> type.getAnnotation(Schema.class).name())
            .toList());
  }
}
