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
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.template.control.TemplateValidation;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.template.entity.StarterTemplate;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.tenant.boundary.Caller;

/** Certificate templates of the caller's CAs: create from a starter, read, edit, delete. */
@Stateless
public class Templates {

    private static final String KIND = "Template";

    @PersistenceContext
    EntityManager em;

    @Inject
    CertificateAuthorities cas;

    @Audited(value = "template.create", objectType = "TEMPLATE")
    public CertificateTemplate create(Caller caller, String caId, String name, String starterName, String description) {
        CertificateAuthority ca = cas.get(caller, caId);
        StarterTemplate starter = starter(starterName);
        TemplateSettings defaults = starter.defaults(name == null || name.isBlank() ? starter.displayName() : name, description);
        TemplateSettings settings = TemplateValidation.validate(defaults, defaults, ca.keySpec());
        requireUniqueName(ca.id(), settings.name(), null);
        CertificateTemplate template = new CertificateTemplate(ca.id(), starter, settings);
        em.persist(template);
        return template;
    }

    public List<CertificateTemplate> list(Caller caller, String caId) {
        CertificateAuthority ca = cas.get(caller, caId);
        return em.createNamedQuery("CertificateTemplate.byCa", CertificateTemplate.class).setParameter("caId", ca.id())
                .getResultList();
    }

    /** The template, if it belongs to one of the caller's CAs. */
    public CertificateTemplate get(Caller caller, String templateId) {
        CertificateTemplate template = templateId == null ? null : em.find(CertificateTemplate.class, templateId);
        if (template == null) {
            throw new NotFoundException(KIND, templateId);
        }
        try {
            cas.get(caller, template.caId());
        } catch (NotFoundException e) {
            throw new NotFoundException(KIND, templateId);
        }
        return template;
    }

    @Audited(value = "template.update", objectType = "TEMPLATE", objectIdArgument = 1)
    public CertificateTemplate update(Caller caller, String templateId, TemplateSettings requested) {
        CertificateTemplate template = get(caller, templateId);
        CertificateAuthority ca = cas.get(caller, template.caId());
        TemplateSettings settings = TemplateValidation.validate(requested, template.settings(), ca.keySpec());
        requireUniqueName(ca.id(), settings.name(), template.id());
        template.apply(settings);
        return template;
    }

    /**
     * Refused while certificates issued under the template are active: unexpired and not revoked
     * (a certificate on hold counts as active). Finished requests go with the template.
     */
    @Audited(value = "template.delete", objectType = "TEMPLATE", objectIdArgument = 1)
    public void delete(Caller caller, String templateId) {
        CertificateTemplate template = get(caller, templateId);
        long active = em.createNamedQuery("IssuedCertificate.countActiveByTemplate", Long.class)
                .setParameter("templateId", template.id()).setParameter("now", Instant.now()).getSingleResult();
        if (active > 0) {
            throw new ConflictException("The template still has " + active + " active certificate" + (active == 1 ? "" : "s")
                    + " (unexpired and not revoked; certificates on hold count): revoke them or wait until they expire");
        }
        em.createNamedQuery("CertificateRequest.deleteByTemplate").setParameter("templateId", template.id()).executeUpdate();
        em.createNamedQuery("IssuedCertificate.detachTemplate").setParameter("templateId", template.id()).executeUpdate();
        em.remove(template);
    }

    private void requireUniqueName(String caId, String name, String exceptId) {
        boolean taken = em.createNamedQuery("CertificateTemplate.byCaAndName", CertificateTemplate.class)
                .setParameter("caId", caId).setParameter("name", name).getResultStream()
                .anyMatch(t -> !t.id().equals(exceptId));
        if (taken) {
            throw new ConflictException("This CA already has a template named '" + name + "'");
        }
    }

    private static StarterTemplate starter(String name) {
        if (name == null || name.isBlank()) {
            return StarterTemplate.WEB_SERVER;
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace("+", "AND").replace("/", "");
        for (StarterTemplate starter : StarterTemplate.values()) {
            if (starter.name().equals(wanted) || starter.displayName().equalsIgnoreCase(name.trim())) {
                return starter;
            }
        }
        throw new InvalidInputException("starter", "Unknown starter template '" + name + "'");
    }
}
