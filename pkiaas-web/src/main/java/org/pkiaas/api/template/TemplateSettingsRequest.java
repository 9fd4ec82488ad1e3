package org.pkiaas.api.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pkiaas.input.PlainText;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * The body of {@code PUT /api/v1/templates/{id}}: a template's settings in the console's tabs (user
 * guide 4.3.1); sections left out stay as they are. Its sections are also what {@link
 * TemplateResponse} shows. It carries the wire format's limits and maps onto {@link
 * TemplateSettings} here and only here, so the domain's names can change without changing the API;
 * the OpenAPI schema names are those clients were generated with.
 */
@Schema(name = "TemplateSettings")
public record TemplateSettingsRequest(
    @Size(max = 200, message = "A template name has at most {max} characters") @PlainText
        String name,
    @Valid CertificateSections.General general,
    @Valid CertificateSections.Subject subject,
    @Valid CertificateSections.Usage keyUsage,
    @Valid CertificateSections.Constraints basicConstraints,
    @Valid CertificateSections.Distribution distribution,
    @Valid CertificateSections.Requests requests,
    @Valid ServiceSections.Scep scep,
    @Valid ServiceSections.CertificateTransparency certificateTransparency,
    @Valid ServiceSections.Est est) {

  /** A template's settings as the API shows them. */
  static TemplateSettingsRequest of(TemplateSettings s) {
    return new TemplateSettingsRequest(
        s.name(),
        CertificateSections.General.of(s.general()),
        CertificateSections.Subject.of(s.subject()),
        CertificateSections.Usage.of(s.keyUsage()),
        CertificateSections.Constraints.of(s.basicConstraints()),
        CertificateSections.Distribution.of(s.distribution()),
        CertificateSections.Requests.of(s.requests()),
        ServiceSections.Scep.of(s.scep()),
        ServiceSections.CertificateTransparency.of(s.certificateTransparency()),
        ServiceSections.Est.of(s.est()));
  }

  /** The settings the boundary takes; null sections stay as they are. */
  TemplateSettings toDomain() {
    return new TemplateSettings(
        name,
        general == null ? null : general.toDomain(),
        subject == null ? null : subject.toDomain(),
        keyUsage == null ? null : keyUsage.toDomain(),
        basicConstraints == null ? null : basicConstraints.toDomain(),
        distribution == null ? null : distribution.toDomain(),
        requests == null ? null : requests.toDomain(),
        scep == null ? null : scep.toDomain(),
        certificateTransparency == null ? null : certificateTransparency.toDomain(),
        est == null ? null : est.toDomain());
  }
}
