package org.pkiaas.template.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.template.control.StoredTemplates;
import org.pkiaas.template.control.TemplateValidation;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.template.entity.StarterTemplate;
import org.pkiaas.template.entity.TemplateSettings;

/** Certificate templates of the caller's CAs: create from a starter, read, edit, delete. */
@Stateless
public class Templates {

  private static final String KIND = "Template";

  @PersistenceContext EntityManager em;

  @Inject CertificateAuthorities cas;

  @Inject org.pkiaas.mail.boundary.Mailer mailer;

  @Inject org.pkiaas.config.PkiaasConfig config;

  @Audited(value = "template.create", objectType = "TEMPLATE")
  public CertificateTemplate create(
      Caller caller, String caId, String name, String starterName, String description) {
    CertificateAuthority ca = cas.get(caller, caId);
    StarterTemplate starter = starter(starterName);
    TemplateSettings defaults =
        starter.defaults(
            name == null || name.isBlank() ? starter.displayName() : name, description);
    TemplateSettings settings = TemplateValidation.validate(defaults, defaults, ca.keySpec());
    requireUniqueName(ca.id(), settings.name(), null);
    CertificateTemplate template = new CertificateTemplate(ca.id(), starter, settings);
    em.persist(template);
    return template;
  }

  public List<CertificateTemplate> list(Caller caller, String caId) {
    CertificateAuthority ca = cas.get(caller, caId);
    return em.createNamedQuery("CertificateTemplate.byCa", CertificateTemplate.class)
        .setParameter("caId", ca.id())
        .getResultList();
  }

  /** The template, if it belongs to one of the caller's CAs. */
  public CertificateTemplate get(Caller caller, String templateId) {
    // the CA comes with it, so the ownership check below reads nothing more
    StoredTemplates.WithCa found =
        templateId == null ? null : StoredTemplates.findWithCa(em, templateId);
    if (found == null) {
      throw new NotFoundException(KIND, templateId);
    }
    CertificateTemplate template = found.template();
    try {
      cas.get(caller, template.caId());
    } catch (NotFoundException e) {
      throw new NotFoundException(KIND, templateId);
    }
    return template;
  }

  /**
   * The template, if it is the caller's and enabled: the condition for queuing anything under it.
   */
  public CertificateTemplate getEnabled(Caller caller, String templateId) {
    return StoredTemplates.requireEnabled(get(caller, templateId));
  }

  @Audited(value = "template.update", objectType = "TEMPLATE", objectIdArgument = 1)
  public CertificateTemplate update(Caller caller, String templateId, TemplateSettings requested) {
    CertificateTemplate template = get(caller, templateId);
    CertificateAuthority ca = cas.get(caller, template.caId());
    TemplateSettings settings =
        TemplateValidation.validate(requested, template.settings(), ca.keySpec());
    requireUniqueName(ca.id(), settings.name(), template.id());
    requireUniqueEstLabel(settings.est().label(), template.id());
    template.apply(settings);
    return template;
  }

  /**
   * Refused while certificates issued under the template are active: unexpired and not revoked (a
   * certificate on hold counts as active). Finished requests go with the template.
   */
  @Audited(value = "template.delete", objectType = "TEMPLATE", objectIdArgument = 1)
  public void delete(Caller caller, String templateId) {
    CertificateTemplate template = get(caller, templateId);
    long policies =
        em.createNamedQuery("AcmePolicy.countByTemplate", Long.class)
            .setParameter("templateId", template.id())
            .getSingleResult();
    if (policies > 0) {
      throw new ConflictException(
          "ACME policies issue under this template: give them another template or delete them first");
    }
    long active =
        em.createNamedQuery("IssuedCertificate.countActiveByTemplate", Long.class)
            .setParameter("templateId", template.id())
            .setParameter("now", Instant.now())
            .getSingleResult();
    if (active > 0) {
      throw new ConflictException(
          "The template still has "
              + active
              + " active certificate"
              + (active == 1 ? "" : "s")
              + " (unexpired and not revoked; certificates on hold count): revoke them or wait until they expire");
    }
    em.createNamedQuery("ScepChallenge.deleteByTemplate")
        .setParameter("templateId", template.id())
        .executeUpdate();
    em.createNamedQuery("ScepSecret.deleteByTemplate")
        .setParameter("templateId", template.id())
        .executeUpdate();
    em.createNamedQuery("EstSecret.deleteByTemplate")
        .setParameter("templateId", template.id())
        .executeUpdate();
    em.createNamedQuery("CertificateRequest.deleteByTemplate")
        .setParameter("templateId", template.id())
        .executeUpdate();
    em.createNamedQuery("IssuedCertificate.detachTemplate")
        .setParameter("templateId", template.id())
        .executeUpdate();
    em.remove(template);
  }

  /**
   * Mails someone the template's public request page (user guide 2.5.1); the template must take
   * public requests.
   */
  @Audited(value = "template.invite", objectType = "TEMPLATE", objectIdArgument = 1)
  public String invite(Caller caller, String templateId, String email) {
    CertificateTemplate template = get(caller, templateId);
    if (!template.settings().general().allowPublicRequests()) {
      throw new ConflictException(
          "Switch on public requests for this template before inviting anyone");
    }
    if (email == null
        || !email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        || email.length() > 320) {
      throw new InvalidInputException("email", "'" + email + "' is not an email address");
    }
    String link = config.publicUrl() + "/request.html?template=" + template.id();
    mailer.queue(
        email.trim(),
        "You are invited to request a certificate",
        "Hello,\n\nYou can ask for a "
            + template.name()
            + " certificate here:\n\n  "
            + link
            + "\n\nAn administrator reviews each request; you get an email when yours is approved.\n");
    return link;
  }

  private void requireUniqueName(String caId, String name, String exceptId) {
    boolean taken =
        em.createNamedQuery("CertificateTemplate.byCaAndName", CertificateTemplate.class)
            .setParameter("caId", caId)
            .setParameter("name", name)
            .getResultStream()
            .anyMatch(t -> !t.id().equals(exceptId));
    if (taken) {
      throw new ConflictException("This CA already has a template named '" + name + "'");
    }
  }

  /** EST labels name URLs of the whole installation (RFC 7030 §3.2.2), so one template each. */
  private void requireUniqueEstLabel(String label, String exceptId) {
    boolean taken =
        label != null
            && em.createNamedQuery("CertificateTemplate.byEstLabel", CertificateTemplate.class)
                .setParameter("label", label)
                .getResultStream()
                .anyMatch(t -> !t.id().equals(exceptId));
    if (taken) {
      throw new ConflictException("The EST label '" + label + "' is taken; choose another");
    }
  }

  private static StarterTemplate starter(String name) {
    if (name == null || name.isBlank()) {
      return StarterTemplate.WEB_SERVER;
    }
    String wanted =
        name.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace("+", "AND").replace("/", "");
    for (StarterTemplate starter : StarterTemplate.values()) {
      if (starter.name().equals(wanted) || starter.displayName().equalsIgnoreCase(name.trim())) {
        return starter;
      }
    }
    throw new InvalidInputException("starter", "Unknown starter template '" + name + "'");
  }
}
