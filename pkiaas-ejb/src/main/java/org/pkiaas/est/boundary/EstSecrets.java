package org.pkiaas.est.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.est.entity.EstSecret;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.scep.boundary.ScepSecrets;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;

/** The EST credentials a template's owner hands to devices (RFC 7030 §3.2.3, HTTP Basic). */
@Stateless
public class EstSecrets {

  @PersistenceContext EntityManager em;

  @Inject Templates templates;

  /**
   * Sets the template's EST username and generates its password, replacing the previous one, and
   * returns it: this is the only time it is shown; only its hash is kept.
   */
  @Audited(value = "template.est-credentials", objectType = "TEMPLATE", objectIdArgument = 1)
  public String newPassword(Caller caller, String templateId, String username) {
    CertificateTemplate template = templates.get(caller, templateId);
    if (username == null || !username.matches("[A-Za-z0-9._@-]{1,128}")) {
      throw new InvalidInputException(
          "username", "A username has 1 to 128 letters, digits, '.', '_', '@' or '-'");
    }
    String password = ScepSecrets.generatePassphrase();
    EstSecret secret = em.find(EstSecret.class, template.id());
    if (secret == null) {
      em.persist(new EstSecret(template.id(), username, password));
    } else {
      secret.change(username, password);
    }
    return password;
  }

  /** The template's EST username, if credentials are set. */
  public Optional<String> username(Caller caller, String templateId) {
    CertificateTemplate template = templates.get(caller, templateId);
    return Optional.ofNullable(em.find(EstSecret.class, template.id())).map(EstSecret::username);
  }
}
