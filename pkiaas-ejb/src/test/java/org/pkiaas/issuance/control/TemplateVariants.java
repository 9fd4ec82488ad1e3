package org.pkiaas.issuance.control;

import org.pkiaas.template.entity.TemplateSettings;

/** A template's settings with one section replaced, for the intake policy's tests. */
final class TemplateVariants {

  private TemplateVariants() {}

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
        TemplateSettings.Est.OFF);
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
        TemplateSettings.Est.OFF);
  }
}
