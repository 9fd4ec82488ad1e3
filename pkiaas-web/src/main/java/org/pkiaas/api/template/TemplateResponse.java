package org.pkiaas.api.template;

import java.time.Instant;
import org.pkiaas.scep.boundary.ScepUrls;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.template.entity.TemplateSettings;

/** A template: its identity, and its settings in the same sections {@code PUT} takes. */
public record TemplateResponse(
    String id,
    String caId,
    String starter,
    Instant createdAt,
    String name,
    TemplateSettings.General general,
    TemplateSettings.Subject subject,
    TemplateSettings.Usage keyUsage,
    TemplateSettings.Constraints basicConstraints,
    TemplateSettings.Distribution distribution,
    TemplateSettings.Requests requests,
    TemplateSettings.Scep scep,
    TemplateSettings.CertificateTransparency certificateTransparency,
    Urls urls) {

  /** Where the template's services are reached. */
  public record Urls(String publicRequest, String scep, String ndesAdmin, String ndesScep) {}

  static TemplateResponse of(CertificateTemplate template, String publicUrl) {
    TemplateSettings s = template.settings();
    ScepUrls scep = ScepUrls.of(publicUrl, template.id());
    return new TemplateResponse(
        template.id(),
        template.caId(),
        template.starter().name(),
        template.createdAt(),
        s.name(),
        s.general(),
        s.subject(),
        s.keyUsage(),
        s.basicConstraints(),
        s.distribution(),
        s.requests(),
        s.scep(),
        s.certificateTransparency(),
        new Urls(
            publicUrl + "/request.html?template=" + template.id(),
            scep.scep(),
            scep.ndesAdmin(),
            scep.ndesScep()));
  }
}
