package org.pkiaas.view.manage.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pkiaas.template.entity.StarterTemplate;
import org.pkiaas.template.entity.TemplateSettings;

/** The editor's tabs copy every option of a template to their inputs and back unchanged. */
class TemplateFormTest {

  @Test
  void everyStarterTemplateMakesTheRoundTripThroughTheTabs() {
    for (StarterTemplate starter : StarterTemplate.values()) {
      TemplateSettings settings = starter.defaults(starter.displayName(), "from " + starter);
      TemplateSettings edited = TemplateForm.of(settings).settings();
      assertEquals(settings.general(), edited.general(), starter::name);
      assertEquals(settings.subject(), edited.subject(), starter::name);
      assertEquals(settings.keyUsage(), edited.keyUsage(), starter::name);
      assertEquals(settings.basicConstraints(), edited.basicConstraints(), starter::name);
      assertEquals(settings.distribution(), edited.distribution(), starter::name);
      assertEquals(settings.requests(), edited.requests(), starter::name);
      assertEquals(settings.name(), edited.name(), starter::name);
    }
  }

  @Test
  void eachTabChangesItsOwnPartOfTheSettings() {
    TemplateForm form =
        TemplateForm.of(StarterTemplate.values()[0].defaults("Edited", "a template"));
    form.getUsage().setExtendedKeyUsage(List.of("serverAuth"));
    form.getUsage().setCustomExtendedKeyUsage(" 1.3.6.1.4.1.99999.1,1.3.6.1.4.1.99999.2 ");
    form.getConstraints().setCa(false);
    form.getConstraints().setPathLength(3);
    form.getDistribution().setPolicyOid("  ");
    form.getGeneral().setValidityDays(null);
    form.getSubject().getDefaults().setCountry("DE");

    TemplateSettings settings = form.settings();

    assertEquals(
        List.of("serverAuth", "1.3.6.1.4.1.99999.1", "1.3.6.1.4.1.99999.2"),
        settings.keyUsage().extendedKeyUsage());
    assertNull(settings.basicConstraints().pathLength(), "a path length only for a CA");
    assertNull(settings.distribution().policyOid(), "a blank OID is none");
    assertEquals(0, settings.general().validityDays(), "an empty number is 0: validation says why");
    assertEquals("DE", settings.subject().country());
  }
}
