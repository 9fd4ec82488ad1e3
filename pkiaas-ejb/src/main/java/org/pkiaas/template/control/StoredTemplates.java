package org.pkiaas.template.control;

import jakarta.persistence.EntityManager;
import java.util.List;
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
}
