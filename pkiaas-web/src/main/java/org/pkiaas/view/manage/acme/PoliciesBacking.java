package org.pkiaas.view.manage.acme;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pkiaas.acme.boundary.AcmePolicies;
import org.pkiaas.acme.boundary.AcmePolicies.PolicyChange;
import org.pkiaas.acme.entity.AcmePolicy;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.view.manage.ConsoleUser;
import org.pkiaas.view.manage.Feedback;

/**
 * ACME Policies ({@code /manage/acme/policies.xhtml}, user guide 5.2): the scoped CA's policies,
 * created and edited in one dialog, each leading to its external account bindings and accounts.
 */
@Named
@ViewScoped
public class PoliciesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AcmePolicies policies;

  @Inject Templates templates;

  @Inject ConsoleUser user;

  private transient List<AcmePolicy> list;
  private transient List<CertificateTemplate> templateList;
  private Map<String, String> templateNames;
  private Map<String, Long> accountCounts;

  /** The policy in the dialog; null while creating one. */
  private String editedId;

  private String name;
  private String templateId;
  private String preApprovedDomains;
  private String deletedId;
  private String deletedName;

  @PostConstruct
  void load() {
    list = policies.list(user.caller(), user.getCaId());
    accountCounts = new HashMap<>(policies.accountCounts(user.caller(), user.getCaId()));
    templateList = templates.list(user.caller(), user.getCaId());
    templateNames =
        templateList.stream()
            .collect(Collectors.toMap(CertificateTemplate::id, CertificateTemplate::name));
  }

  public void startCreate() {
    editedId = null;
    name = null;
    templateId = templateList.isEmpty() ? null : templateList.get(0).id();
    preApprovedDomains = null;
  }

  public void startEdit(String policyId) {
    AcmePolicy policy = policies.get(user.caller(), policyId);
    editedId = policy.id();
    name = policy.name();
    templateId = policy.templateId();
    preApprovedDomains = policy.preApprovedDomains();
  }

  public void save() {
    PolicyChange change = new PolicyChange(name, templateId, preApprovedDomains);
    try {
      if (editedId == null) {
        AcmePolicy created = policies.create(user.caller(), user.getCaId(), change);
        Feedback.info(
            "ACME policy '"
                + created.name()
                + "' created: add an external account binding to register clients");
      } else {
        Feedback.info(
            "ACME policy '" + policies.update(user.caller(), editedId, change).name() + "' saved");
      }
      load();
    } catch (PkiaasException e) {
      Feedback.refused("policy", e);
    }
  }

  public void prepareDelete(String policyId) {
    AcmePolicy policy = policies.get(user.caller(), policyId);
    deletedId = policy.id();
    deletedName = policy.name();
  }

  public void delete() {
    try {
      policies.delete(user.caller(), deletedId);
      Feedback.info(
          "ACME policy '" + deletedName + "' and its external account bindings are deleted");
      load();
    } catch (PkiaasException e) {
      Feedback.refused(null, e);
    }
  }

  public long accounts(String policyId) {
    return accountCounts.getOrDefault(policyId, 0L);
  }

  public String templateName(String id) {
    return templateNames.getOrDefault(id, "(deleted)");
  }

  public List<AcmePolicy> getList() {
    if (list == null) {
      load();
    }
    return list;
  }

  public List<CertificateTemplate> getTemplates() {
    if (templateList == null) {
      load();
    }
    return templateList;
  }

  public boolean isEditing() {
    return editedId != null;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTemplateId() {
    return templateId;
  }

  public void setTemplateId(String templateId) {
    this.templateId = templateId;
  }

  public String getPreApprovedDomains() {
    return preApprovedDomains;
  }

  public void setPreApprovedDomains(String preApprovedDomains) {
    this.preApprovedDomains = preApprovedDomains;
  }

  public String getDeletedName() {
    return deletedName;
  }
}
