package org.pkiaas.issuance.control;

import org.pkiaas.template.entity.TemplateSettings;

/** A template's settings with one section replaced, the others kept, for the intake's tests. */
final class TemplateVariants {

  private TemplateVariants() {}

  static TemplateSettings withGeneral(TemplateSettings t, TemplateSettings.General general) {
    return new TemplateSettings(
        t.name(),
        general,
        t.subject(),
        t.keyUsage(),
        t.basicConstraints(),
        t.distribution(),
        t.requests(),
        t.scep(),
        t.certificateTransparency(),
        t.est());
  }

  static TemplateSettings withSubject(TemplateSettings t, TemplateSettings.Subject subject) {
    return new TemplateSettings(
        t.name(),
        t.general(),
        subject,
        t.keyUsage(),
        t.basicConstraints(),
        t.distribution(),
        t.requests(),
        t.scep(),
        t.certificateTransparency(),
        t.est());
  }

  static TemplateSettings withRequests(TemplateSettings t, TemplateSettings.Requests requests) {
    return new TemplateSettings(
        t.name(),
        t.general(),
        t.subject(),
        t.keyUsage(),
        t.basicConstraints(),
        t.distribution(),
        requests,
        t.scep(),
        t.certificateTransparency(),
        t.est());
  }

  static TemplateSettings withUsage(TemplateSettings t, TemplateSettings.Usage usage) {
    return new TemplateSettings(
        t.name(),
        t.general(),
        t.subject(),
        usage,
        t.basicConstraints(),
        t.distribution(),
        t.requests(),
        t.scep(),
        t.certificateTransparency(),
        t.est());
  }
}
