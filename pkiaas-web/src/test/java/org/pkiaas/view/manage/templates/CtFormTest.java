package org.pkiaas.view.manage.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pkiaas.template.entity.TemplateSettings;

/** The CT Logs tab copies logs to and from the settings: keys as PEM, windows as UTC days. */
class CtFormTest {

  private static final String KEY =
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfahLEimAoz2t01p3uMziiLOl/fHTDM0YDOhBRuiBARsV4UvxG2LdNgoIGLrtCzWE0J5APC2em4JlvR8EEEFMoA==";

  @Test
  void aLogMakesTheRoundTripWithItsKeyAsPemAndItsWindowAsDays() {
    TemplateSettings.CertificateTransparency ct =
        new TemplateSettings.CertificateTransparency(
            List.of(
                new TemplateSettings.CtLog(
                    "https://ct.example.test/2027",
                    KEY,
                    Instant.parse("2027-01-01T00:00:00Z"),
                    Instant.parse("2027-07-01T00:00:00Z"),
                    2500)),
            1);

    CtForm form = CtForm.of(ct);

    CtForm.Log row = form.getLogs().get(0);
    assertTrue(row.getPublicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----\n"));
    assertTrue(row.getPublicKeyPem().lines().allMatch(l -> l.length() <= 64));
    assertEquals(LocalDate.of(2027, 1, 1), row.getAcceptsFrom());
    assertEquals(ct, form.settings());
  }

  @Test
  void aPastedPemOrBareBase64IsTheKeyAndAnEmptyFormHasNoCt() {
    CtForm form = CtForm.of(TemplateSettings.CertificateTransparency.NONE);
    form.setSctsRequired(2);
    assertEquals(TemplateSettings.CertificateTransparency.NONE, form.settings());

    form.addLog();
    form.addLog();
    form.getLogs().get(0).setPublicKeyPem("  " + CtForm.pem(KEY).replace("\n", "\r\n") + "\n");
    form.getLogs().get(1).setPublicKeyPem(KEY.substring(0, 40) + "\n" + KEY.substring(40));
    form.getLogs().get(1).setUrl(" https://ct.example.test ");

    TemplateSettings.CertificateTransparency settings = form.settings();
    assertEquals(KEY, settings.logs().get(0).publicKey());
    assertEquals(KEY, settings.logs().get(1).publicKey());
    assertEquals("https://ct.example.test", settings.logs().get(1).url());
    assertEquals(2, settings.sctsRequired());

    form.removeLog(0);
    form.getLogs().get(0).setPublicKeyPem("   ");
    assertNull(form.settings().logs().get(0).publicKey());
  }
}
