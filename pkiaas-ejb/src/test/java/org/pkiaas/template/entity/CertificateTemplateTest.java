package org.pkiaas.template.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pkiaas.template.entity.TemplateSettings.Constraints;
import org.pkiaas.template.entity.TemplateSettings.Distribution;
import org.pkiaas.template.entity.TemplateSettings.General;
import org.pkiaas.template.entity.TemplateSettings.Requests;
import org.pkiaas.template.entity.TemplateSettings.Scep;
import org.pkiaas.template.entity.TemplateSettings.Subject;
import org.pkiaas.template.entity.TemplateSettings.Usage;
import org.pkiaas.x509.SanType;

class CertificateTemplateTest {

  /** Every option set, and set to a value no other option of its type has. */
  private static final TemplateSettings FULL =
      new TemplateSettings(
          "Everything",
          new General(true, true, true, true, 21, true, "SHA384withECDSA", 397, "all options set"),
          new Subject(false, "ACME", "Ops", "Berlin", "Berlin State", "DE"),
          new Usage(
              List.of("digitalSignature", "keyEncipherment", "keyAgreement"),
              List.of("serverAuth", "clientAuth", "1.3.6.1.4.1.99999.1"),
              true,
              true),
          new Constraints(true, 3),
          new Distribution(
              true, "https://repo.example/ca.crt", true, true, true, true, "2.23.140.1.2.1"),
          new Requests(
              List.of("RSA", "EC", "ML_DSA"),
              3072,
              List.of(SanType.UPN, SanType.DNS, SanType.IP),
              true),
          new Scep(
              true,
              true,
              true,
              true,
              true,
              true,
              true,
              "10.0.0.0/8, ::1",
              true,
              "SCEP",
              new Scep.Intune(
                  "contoso.onmicrosoft.com",
                  "8a3b1c2d-0000-4000-8000-00000000abcd",
                  "http://127.0.0.1:5999/",
                  "http://127.0.0.1:5999/graph/",
                  2500)),
          new TemplateSettings.CertificateTransparency(
              List.of(
                  new TemplateSettings.CtLog(
                      "https://ct1.example/log",
                      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAELAGIyWoyHWicRSgPRxm5Z462yqMnd6YUBsRDHHo926uSwWmgNbtk9/K50RBmtEoFtxK0Oxg9QO4kR3NW8la1gg==",
                      Instant.parse("2026-01-01T00:00:00Z"),
                      Instant.parse("2027-01-01T00:00:00Z"),
                      2500),
                  new TemplateSettings.CtLog(
                      "https://ct2.example/log",
                      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEhn11zHPoNJ2thtU14xd41GZAIzcBEWcV5eXByAgNDX7QvrJsI8PMZALTfvhIYtjTJbOv4Fz+ErITAgCBfgHQQQ==",
                      null,
                      null,
                      null)),
              1),
          TemplateSettings.Est.OFF);

  @ParameterizedTest
  @EnumSource(StarterTemplate.class)
  void everyStartersSettingsSurviveTheColumns(StarterTemplate starter) {
    TemplateSettings settings = starter.defaults(starter.displayName(), "made from " + starter);

    CertificateTemplate template = new CertificateTemplate("ca", starter, settings);

    assertEquals(settings, template.settings());
    assertEquals("ca", template.caId());
    assertEquals(starter, template.starter());
    assertEquals(starter.displayName(), template.name());
    assertEquals("made from " + starter, template.description());
    assertTrue(template.enabled());
  }

  @ParameterizedTest
  @EnumSource(StarterTemplate.class)
  void startersWithoutADescriptionKeepNone(StarterTemplate starter) {
    TemplateSettings settings = starter.defaults("T", null);
    assertEquals(settings, new CertificateTemplate("ca", starter, settings).settings());
  }

  @Test
  void settingsWithEveryOptionSetSurviveTheColumns() {
    assertEquals(FULL, new CertificateTemplate("ca", StarterTemplate.WEB_SERVER, FULL).settings());
  }

  @Test
  void applyReplacesEveryOption() {
    CertificateTemplate template =
        new CertificateTemplate(
            "ca",
            StarterTemplate.CODE_SIGNING,
            StarterTemplate.CODE_SIGNING.defaults("Code", null));

    template.apply(FULL);
    assertEquals(FULL, template.settings());

    TemplateSettings back = StarterTemplate.OCSP_SIGNING.defaults("OCSP", null);
    template.apply(back);
    assertEquals(back, template.settings());
    assertEquals(
        StarterTemplate.CODE_SIGNING,
        template.starter(),
        "the starter is where it came from, not a setting");
  }

  /** Each option is its own column: switching one on alone comes back as that one alone. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("eachSwitchAlone")
  void eachSwitchIsStoredInItsOwnColumn(String option, TemplateSettings settings) {
    assertEquals(
        settings,
        new CertificateTemplate("ca", StarterTemplate.WEB_SERVER, settings).settings(),
        option);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> eachSwitchAlone() throws Exception {
    TemplateSettings off = allOff();
    List<org.junit.jupiter.params.provider.Arguments> cases = new ArrayList<>();
    RecordComponent[] sections = TemplateSettings.class.getRecordComponents();
    for (int s = 0; s < sections.length; s++) {
      Object section = sections[s].getAccessor().invoke(off);
      if (section == null || !section.getClass().isRecord()) {
        continue;
      }
      RecordComponent[] options = section.getClass().getRecordComponents();
      for (int o = 0; o < options.length; o++) {
        if (options[o].getType() == boolean.class) {
          Object switched = with(section, o, true);
          cases.add(
              org.junit.jupiter.params.provider.Arguments.of(
                  sections[s].getName() + "." + options[o].getName(), with(off, s, switched)));
        }
      }
    }
    assertEquals(26, cases.size(), "boolean options found: " + cases.size());
    return cases.stream();
  }

  @Test
  void everyTemplateGetsItsOwnId() {
    TemplateSettings settings = StarterTemplate.WEB_SERVER.defaults("T", null);
    Instant before = Instant.now();
    CertificateTemplate one = new CertificateTemplate("ca", StarterTemplate.WEB_SERVER, settings);
    CertificateTemplate two = new CertificateTemplate("ca", StarterTemplate.WEB_SERVER, settings);
    assertNotEquals(one.id(), two.id());
    assertFalse(one.createdAt().isBefore(before));
    assertFalse(one.createdAt().isAfter(Instant.now()));
  }

  @Test
  void caAndStarterAreRequired() {
    TemplateSettings settings = StarterTemplate.WEB_SERVER.defaults("T", null);
    assertThrows(
        NullPointerException.class,
        () -> new CertificateTemplate(null, StarterTemplate.WEB_SERVER, settings));
    assertThrows(NullPointerException.class, () -> new CertificateTemplate("ca", null, settings));
  }

  private static TemplateSettings allOff() {
    return new TemplateSettings(
        "Off",
        new General(false, false, false, false, 30, false, null, 365, null),
        new Subject(false, null, null, null, null, null),
        new Usage(List.of("digitalSignature"), List.of("serverAuth"), false, false),
        new Constraints(false, null),
        new Distribution(false, null, false, false, false, false, null),
        new Requests(List.of("EC"), 2048, List.of(SanType.DNS), false),
        new Scep(false, false, false, false, false, false, false, null, false, "BOTH", null),
        TemplateSettings.CertificateTransparency.NONE,
        TemplateSettings.Est.OFF);
  }

  /** A copy of a record with one component replaced. */
  @SuppressWarnings("unchecked")
  private static <R> R with(R record, int index, Object value) throws Exception {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = i == index ? value : components[i].getAccessor().invoke(record);
      types[i] = components[i].getType();
    }
    Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
    return (R) constructor.newInstance(values);
  }
}
