package org.pkiaas.acme.boundary;

import static org.pkiaas.input.FieldFormats.ID;
import static org.pkiaas.input.FieldFormats.ID_MESSAGE;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pkiaas.acme.control.PreApprovedDomains;
import org.pkiaas.acme.entity.AccountStatus;
import org.pkiaas.acme.entity.AcmeAccount;
import org.pkiaas.acme.entity.AcmePolicy;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.identity.Caller;
import org.pkiaas.input.PlainText;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;

/**
 * ACME policies of the caller's CAs (user guide 5.2) and the ACME accounts registered under them.
 * Another owner's policy or account is "not found".
 */
@Stateless
public class AcmePolicies {

  private static final String KIND = "ACME policy";
  private static final int MAX_NAME = 200;

  @PersistenceContext EntityManager em;

  @Inject CertificateAuthorities cas;

  @Inject Templates templates;

  /**
   * What an administrator sets; {@code preApprovedDomains} is comma-separated, {@code *.domain}
   * allowed.
   */
  public record PolicyChange(
      @Size(max = 200, message = "A policy name has at most {max} characters") @PlainText
          String name,
      @Pattern(regexp = ID, message = ID_MESSAGE) String templateId,
      @Size(max = 4000, message = "The domain list has at most {max} characters")
          @PlainText(multiline = true)
          String preApprovedDomains) {}

  @Audited(value = "acme.policy.create", objectType = "ACME_POLICY")
  public AcmePolicy create(Caller caller, String caId, PolicyChange change) {
    CertificateAuthority ca = cas.get(caller, caId);
    Checked checked = check(caller, ca, change, null);
    AcmePolicy policy =
        new AcmePolicy(ca.id(), checked.templateId(), checked.name(), checked.domains());
    em.persist(policy);
    return policy;
  }

  public List<AcmePolicy> list(Caller caller, String caId) {
    CertificateAuthority ca = cas.get(caller, caId);
    return em.createNamedQuery("AcmePolicy.byCa", AcmePolicy.class)
        .setParameter("caId", ca.id())
        .getResultList();
  }

  /**
   * How many accounts (of any status) each policy of the CA has; policies without any are absent.
   */
  public Map<String, Long> accountCounts(Caller caller, String caId) {
    CertificateAuthority ca = cas.get(caller, caId);
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createNamedQuery("AcmeAccount.countsByCa", Object[].class)
            .setParameter("caId", ca.id())
            .getResultList()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }

  public AcmePolicy get(Caller caller, String policyId) {
    AcmePolicy policy = policyId == null ? null : em.find(AcmePolicy.class, policyId);
    if (policy == null) {
      throw new NotFoundException(KIND, policyId);
    }
    try {
      cas.get(caller, policy.caId());
    } catch (NotFoundException e) {
      throw new NotFoundException(KIND, policyId);
    }
    return policy;
  }

  /** Replaces name, template and pre-approved domains; accounts stay bound to the policy. */
  @Audited(value = "acme.policy.update", objectType = "ACME_POLICY", objectIdArgument = 1)
  public AcmePolicy update(Caller caller, String policyId, PolicyChange change) {
    AcmePolicy policy = get(caller, policyId);
    Checked checked = check(caller, cas.get(caller, policy.caId()), change, policy.id());
    policy.change(checked.templateId(), checked.name(), checked.domains());
    return policy;
  }

  /** Refused while accounts are bound to the policy: they would lose their CA and template. */
  @Audited(value = "acme.policy.delete", objectType = "ACME_POLICY", objectIdArgument = 1)
  public void delete(Caller caller, String policyId) {
    AcmePolicy policy = get(caller, policyId);
    long accounts =
        em.createNamedQuery("AcmeAccount.countByPolicy", Long.class)
            .setParameter("policyId", policy.id())
            .getSingleResult();
    if (accounts > 0) {
      throw new ConflictException(
          "ACME accounts are registered under this policy ("
              + accounts
              + "); it cannot be deleted");
    }
    em.createNamedQuery("ExternalAccountBinding.deleteByPolicy")
        .setParameter("policyId", policy.id())
        .executeUpdate();
    em.remove(policy);
  }

  public List<AcmeAccount> accounts(Caller caller, String policyId) {
    AcmePolicy policy = get(caller, policyId);
    return em.createNamedQuery("AcmeAccount.byPolicy", AcmeAccount.class)
        .setParameter("policyId", policy.id())
        .getResultList();
  }

  /**
   * Deactivates an account (RFC 8555 §7.3.6 on the administrator's side): it can do nothing more.
   */
  @Audited(value = "acme.account.deactivate", objectType = "ACME_ACCOUNT", objectIdArgument = 2)
  public AcmeAccount deactivateAccount(Caller caller, String policyId, String accountId) {
    AcmePolicy policy = get(caller, policyId);
    AcmeAccount account = accountId == null ? null : em.find(AcmeAccount.class, accountId);
    if (account == null || !account.policyId().equals(policy.id())) {
      throw new NotFoundException("ACME account", accountId);
    }
    if (account.status() != AccountStatus.VALID) {
      throw new ConflictException("This account is already " + account.status().json());
    }
    account.deactivate();
    return account;
  }

  /** A policy's settings as checked: a unique name, a template of the CA, normalized domains. */
  private record Checked(String name, String templateId, String domains) {}

  private Checked check(
      Caller caller, CertificateAuthority ca, PolicyChange change, String exceptId) {
    String name = name(change);
    CertificateTemplate template = template(caller, ca, change.templateId());
    String domains =
        PreApprovedDomains.parse("preApprovedDomains", change.preApprovedDomains()).toString();
    requireUniqueName(ca.id(), name, exceptId);
    return new Checked(name, template.id(), domains);
  }

  private CertificateTemplate template(Caller caller, CertificateAuthority ca, String templateId) {
    if (templateId == null || templateId.isBlank()) {
      throw new InvalidInputException(
          "templateId", "Choose the template certificates are issued under");
    }
    CertificateTemplate template;
    try {
      template = templates.get(caller, templateId);
    } catch (NotFoundException e) {
      throw new InvalidInputException(
          "templateId", "No template '" + templateId + "' among this CA's templates");
    }
    if (!template.caId().equals(ca.id())) {
      throw new InvalidInputException(
          "templateId", "No template '" + templateId + "' among this CA's templates");
    }
    return template;
  }

  private static String name(PolicyChange change) {
    if (change == null || change.name() == null || change.name().isBlank()) {
      throw new InvalidInputException("name", "A policy needs a name");
    }
    if (change.name().trim().length() > MAX_NAME) {
      throw new InvalidInputException("name", "A name has at most " + MAX_NAME + " characters");
    }
    return change.name().trim();
  }

  private void requireUniqueName(String caId, String name, String exceptId) {
    boolean taken =
        em.createNamedQuery("AcmePolicy.byCaAndName", AcmePolicy.class)
            .setParameter("caId", caId)
            .setParameter("name", name)
            .getResultStream()
            .anyMatch(p -> !p.id().equals(exceptId));
    if (taken) {
      throw new ConflictException("This CA already has an ACME policy named '" + name + "'");
    }
  }
}
