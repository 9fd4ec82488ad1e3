package org.pkiaas.est.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.tenant.boundary.Settings;

/**
 * Finds the template behind an EST label (RFC 7030 §3.2.2): only an enabled template with EST
 * switched on, under a CA that issues, answers; anything else is 404, whether the label exists or
 * not. URLs without a label serve the label an administrator chose as the default, if any.
 */
@Stateless
public class EstTemplates {

  @PersistenceContext EntityManager em;

  @Inject Settings settings;

  /** A template that answers EST, with its CA. */
  public record EstTemplate(CertificateTemplate template, CertificateAuthority ca) {}

  /** The template of {@code label}; null: of the default label an administrator chose. */
  public EstTemplate open(String requestedLabel) {
    String label = requestedLabel != null ? requestedLabel : settings.estDefaultLabel();
    CertificateTemplate template =
        label == null || !label.matches(TemplateSettings.EST_LABEL)
            ? null
            : em.createNamedQuery("CertificateTemplate.byEstLabel", CertificateTemplate.class)
                .setParameter("label", label)
                .getResultStream()
                .findFirst()
                .orElse(null);
    if (template == null || !template.enabled() || !template.settings().est().enabled()) {
      throw notHere();
    }
    CertificateAuthority ca = em.find(CertificateAuthority.class, template.caId());
    if (ca == null || ca.certificate() == null || ca.status() != CaStatus.ACTIVE) {
      throw notHere();
    }
    return new EstTemplate(template, ca);
  }

  private static EstFailure notHere() {
    return new EstFailure(EstFailure.Status.NOT_FOUND, "There is no EST service here");
  }
}
