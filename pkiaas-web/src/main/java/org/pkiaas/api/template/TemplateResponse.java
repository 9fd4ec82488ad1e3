package org.pkiaas.api.template;

import java.time.Instant;
import org.pkiaas.est.boundary.EstUrls;
import org.pkiaas.scep.boundary.ScepUrls;
import org.pkiaas.template.entity.CertificateTemplate;

/** A template: its identity, and its settings in the same sections {@code PUT} takes. */
public record TemplateResponse(
    String id,
    String caId,
    String starter,
    Instant createdAt,
    String name,
    CertificateSections.General general,
    CertificateSections.Subject subject,
    CertificateSections.Usage keyUsage,
    CertificateSections.Constraints basicConstraints,
    CertificateSections.Distribution distribution,
    CertificateSections.Requests requests,
    ServiceSections.Scep scep,
    ServiceSections.CertificateTransparency certificateTransparency,
    ServiceSections.Est est,
    Urls urls) {

  /**
   * Where the template's services are reached; {@code est} (RFC 7030's well-known URL) and {@code
   * estBaseUrl} (for clients that append {@code /.well-known/est/} themselves) are null until the
   * template has an EST label.
   */
  public record Urls(
      String publicRequest,
      String scep,
      String ndesAdmin,
      String ndesScep,
      String est,
      String estBaseUrl) {}

  static TemplateResponse of(CertificateTemplate template, String publicUrl) {
    TemplateSettingsRequest s = TemplateSettingsRequest.of(template.settings());
    ScepUrls scep = ScepUrls.of(publicUrl, template.id());
    EstUrls est = EstUrls.of(publicUrl, s.est().label());
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
        s.est(),
        new Urls(
            publicUrl + "/request.html?template=" + template.id(),
            scep.scep(),
            scep.ndesAdmin(),
            scep.ndesScep(),
            est.wellKnown(),
            est.baseUrl()));
  }
}
