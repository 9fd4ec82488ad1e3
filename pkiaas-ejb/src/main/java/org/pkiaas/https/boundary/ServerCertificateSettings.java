package org.pkiaas.https.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.ForbiddenException;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.tenant.entity.Setting;

/**
 * Which of the installation's templates (and so which CA) issues the HTTPS listener's certificate
 * (docs/operator-guide.md, "HTTPS", option a): an installation-wide setting that only
 * administrators read and change. Every node reads it on its next check; the node that took the
 * change checks at once ({@link ServerCertificateChanged}).
 */
@Stateless
public class ServerCertificateSettings {

  @PersistenceContext EntityManager em;

  @Inject Templates templates;

  @Inject CertificateAuthorities cas;

  @Inject Event<ServerCertificateChanged> changed;

  /** The chosen template's id, when one is chosen. */
  public Optional<String> templateId() {
    Setting setting = em.find(Setting.class, Setting.HTTPS_TEMPLATE);
    return setting == null || setting.value().isEmpty()
        ? Optional.empty()
        : Optional.of(setting.value());
  }

  /** The same, for an administrator; "" when none. */
  public String templateId(Caller caller) {
    requireAdmin(caller);
    return templateId().orElse("");
  }

  /**
   * The administrator's templates that can issue the listener's certificate: enabled, of an active
   * CA of theirs, for end entities, with {@code serverAuth} among their extended key usages.
   */
  public List<CertificateTemplate> serverTemplates(Caller caller) {
    requireAdmin(caller);
    return cas.list(caller).stream()
        .filter(ca -> ca.status() == CaStatus.ACTIVE)
        .flatMap(ca -> templates.list(caller, ca.id()).stream())
        .filter(CertificateTemplate::enabled)
        .filter(t -> !t.settings().basicConstraints().ca())
        .filter(t -> t.settings().keyUsage().extendedKeyUsage().contains("serverAuth"))
        .toList();
  }

  /** When an administrator last asked for a new certificate, if ever. */
  public Optional<Instant> renewalRequested() {
    Setting setting = em.find(Setting.class, Setting.HTTPS_RENEWAL_REQUESTED);
    try {
      return setting == null ? Optional.empty() : Optional.of(Instant.parse(setting.value()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Chooses the template that issues the listener's certificate: one of the administrator's own,
   * enabled; "" (or null) goes back to the configured key store.
   */
  @Audited(value = "settings.https-template", objectType = "SETTING")
  public void changeTemplate(Caller caller, String templateId) {
    requireAdmin(caller);
    String value = templateId == null ? "" : templateId.trim();
    if (!value.isEmpty()) {
      CertificateTemplate template = templates.getEnabled(caller, value);
      value = template.id();
    }
    store(Setting.HTTPS_TEMPLATE, value);
    changed.fire(new ServerCertificateChanged());
  }

  /**
   * Asks every node for a new certificate at its next check (this node's at once), whatever the
   * current one's age.
   */
  @Audited(value = "settings.https-renewal", objectType = "SETTING")
  public Instant requestRenewal(Caller caller) {
    requireAdmin(caller);
    if (templateId().isEmpty()) {
      throw new ConflictException(
          "No template issues the HTTPS certificate; choose one first (httpsTemplateId)");
    }
    Instant now = Instant.now();
    store(Setting.HTTPS_RENEWAL_REQUESTED, now.toString());
    changed.fire(new ServerCertificateChanged());
    return now;
  }

  private void store(String name, String value) {
    Setting setting = em.find(Setting.class, name);
    if (setting == null) {
      em.persist(new Setting(name, value));
    } else {
      setting.change(value);
    }
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw new ForbiddenException("Only an administrator may do this");
    }
  }
}
