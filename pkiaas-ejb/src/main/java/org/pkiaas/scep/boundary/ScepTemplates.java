package org.pkiaas.scep.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.problem.ForbiddenException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.scep.control.IpAcl;
import org.pkiaas.scep.control.RegistrationAuthorities;
import org.pkiaas.template.control.IssuingTemplates;
import org.pkiaas.template.control.StoredTemplates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * Finds the template behind a SCEP URL (user guide 6.1): only an enabled template with SCEP
 * switched on, under a CA that issues, has one; anything else is not found. The template and its CA
 * are this node's recent reads of them ({@link IssuingTemplates}), checked on every request. Reads,
 * joining the caller's transaction when there is one and opening none of its own (SCEP's requests
 * run outside one, each step that writes in its own); {@link #withRa} may issue the CA's first RA
 * certificate, in a transaction of its own ({@link RegistrationAuthorities#current}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ScepTemplates {

  /** A template that answers SCEP, with its CA. */
  public record ScepTemplate(CertificateTemplate template, CertificateAuthority ca) {}

  @Inject RegistrationAuthorities authorities;

  @Inject IssuingTemplates issuing;

  /** A SCEP template, and the RA that decrypts its requests and signs its replies. */
  public record WithRa(ScepTemplate scep, RegistrationAuthorities.Ra ra) {}

  public ScepTemplate open(String templateId) {
    StoredTemplates.WithCa found =
        templateId == null || templateId.length() > 64 ? null : issuing.find(templateId);
    if (found == null) {
      throw NotFoundException.because("There is no SCEP service here");
    }
    CertificateTemplate template = found.template();
    CertificateAuthority ca = found.ca();
    if (!template.enabled()
        || !template.settings().scep().enabled()
        || ca.certificate() == null
        || ca.status() != org.pkiaas.ca.entity.CaStatus.ACTIVE) {
      throw NotFoundException.because("There is no SCEP service here");
    }
    return new ScepTemplate(template, ca);
  }

  /**
   * What a PKIOperation reads before it decides: the template as {@link #open(String, String,
   * boolean)} finds it, and its CA's RA ({@link RegistrationAuthorities#current}). Two reads in
   * autocommit, without a transaction of their own: each takes a pooled connection (validated with
   * a ping at checkout), where a transaction around the two would take one but add three statements
   * (autocommit off, COMMIT, autocommit on) and the transaction manager's work. A CA without a
   * usable RA gets one issued in a transaction.
   */
  public WithRa withRa(String templateId, String clientAddress) {
    ScepTemplate scep = open(templateId, clientAddress, false);
    return new WithRa(scep, authorities.current(scep.ca()));
  }

  /**
   * The template, when its IP list (user guide 6.6) lets {@code clientAddress} reach this service:
   * the SCEP URL, or the NDES page ({@code ndesPage}); else 403.
   */
  public ScepTemplate open(String templateId, String clientAddress, boolean ndesPage) {
    ScepTemplate scep = open(templateId);
    TemplateSettings.Scep settings = scep.template().settings().scep();
    boolean limited =
        settings.ipAcl()
            && (settings.ipAclScope().equals("BOTH")
                || settings.ipAclScope().equals(ndesPage ? "NDES" : "SCEP"));
    if (limited && !IpAcl.parse(settings.ipAclList()).allows(clientAddress)) {
      throw new ForbiddenException("Your address may not use this template's SCEP service");
    }
    return scep;
  }
}
