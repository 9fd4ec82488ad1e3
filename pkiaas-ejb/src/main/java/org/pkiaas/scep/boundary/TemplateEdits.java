package org.pkiaas.scep.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * The template editor's Save (user guide 4.3.1): the settings and the SCEP secrets typed on the
 * page, stored in one transaction, so a refused secret leaves the template as it was.
 */
@Stateless
public class TemplateEdits {

  @Inject Templates templates;

  @Inject ScepSecrets secrets;

  /**
   * The secrets typed beside the settings; null or blank ones stay as they are. A refused one is
   * named by its input in the editor ({@code ndesUsername}, {@code ndesPassword}, {@code
   * clientSecret}).
   */
  public record TypedSecrets(
      String passphrase, String ndesUsername, String ndesPassword, String intuneClientSecret) {}

  /** Applies {@code settings} and {@code typed} together, or nothing when one is refused. */
  public CertificateTemplate save(
      Caller caller, String templateId, TemplateSettings settings, TypedSecrets typed) {
    CertificateTemplate template = templates.update(caller, templateId, settings);
    if (typed.passphrase() != null) {
      secrets.setPassphrase(caller, templateId, typed.passphrase());
    }
    if (typed.ndesPassword() != null && !typed.ndesPassword().isBlank()) {
      try {
        secrets.ndesCredentials(caller, templateId, typed.ndesUsername(), typed.ndesPassword());
      } catch (InvalidInputException e) {
        throw new InvalidInputException(
            "username".equals(e.field()) ? "ndesUsername" : "ndesPassword", e.getMessage(), e);
      }
    }
    if (typed.intuneClientSecret() != null && !typed.intuneClientSecret().isBlank()) {
      secrets.intuneClientSecret(caller, templateId, typed.intuneClientSecret().trim());
    }
    return template;
  }
}
