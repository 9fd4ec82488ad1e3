package org.pkiaas.template.control;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.template.entity.CertificateTemplate;

/** Reads a stored template the way issuance needs it: with its CT logs, in one statement. */
public final class StoredTemplates {

  private StoredTemplates() {}

  /**
   * The template {@code id}, or null: its row and its CT logs read in one statement (a join), where
   * a plain {@code find} reads the eager list of logs with a second one, even when it is empty. A
   * named query ({@link CertificateTemplate#WITH_CT_LOGS}), so its SQL is built once; a load graph
   * on {@code find} would have Hibernate build a new loader for every call. The way every issuance
   * path reads its template.
   */
  public static CertificateTemplate find(EntityManager em, String id) {
    List<CertificateTemplate> found =
        em.createNamedQuery(CertificateTemplate.WITH_CT_LOGS, CertificateTemplate.class)
            .setParameter("id", id)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * {@code template}, when it is enabled: the condition for queuing or issuing anything under it.
   *
   * @throws ConflictException it is disabled
   */
  public static CertificateTemplate requireEnabled(CertificateTemplate template) {
    if (!template.enabled()) {
      throw new ConflictException("The template '" + template.name() + "' is disabled");
    }
    return template;
  }

  /** A stored template and its CA, read together. */
  public record WithCa(CertificateTemplate template, CertificateAuthority ca) {}

  /**
   * As {@link #find}, with the template's CA read by the same statement ({@link
   * CertificateTemplate#WITH_CT_LOGS_AND_CA}); the CA is then in the persistence context, so a
   * later {@code em.find} of it costs no statement. Null when there is no such template.
   */
  public static WithCa findWithCa(EntityManager em, String id) {
    List<Object[]> found =
        em.createNamedQuery(CertificateTemplate.WITH_CT_LOGS_AND_CA, Object[].class)
            .setParameter("id", id)
            .getResultList();
    return found.isEmpty()
        ? null
        : new WithCa((CertificateTemplate) found.get(0)[0], (CertificateAuthority) found.get(0)[1]);
  }
}
