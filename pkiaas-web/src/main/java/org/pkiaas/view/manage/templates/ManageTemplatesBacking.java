package org.pkiaas.view.manage.templates;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.boundary.ServiceUrls;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.view.manage.ConsoleUser;
import org.pkiaas.view.manage.Feedback;

/**
 * Manage Templates ({@code /manage/templates/manage.xhtml}, user guide 2.4, 2.5, 4.4, 4.5): the
 * scoped CA's templates, each with its menu of issuance workflows.
 */
@Named
@ViewScoped
public class ManageTemplatesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Templates templates;

  @Inject CertificateAuthorities cas;

  @Inject PkiaasConfig config;

  @Inject ConsoleUser user;

  private transient List<CertificateTemplate> list;
  private String selectedId;
  private String selectedName;
  private boolean selectedPublic;
  private String email;
  private ServiceUrls caUrls;
  private String selectedEstLabel;

  @PostConstruct
  void load() {
    list = templates.list(user.caller(), user.getCaId());
  }

  public List<CertificateTemplate> getList() {
    if (list == null) {
      load();
    }
    return list;
  }

  public void select(String templateId) {
    CertificateTemplate template = templates.get(user.caller(), templateId);
    selectedId = template.id();
    selectedName = template.name();
    selectedPublic = template.settings().general().allowPublicRequests();
    selectedEstLabel =
        template.settings().est().enabled() ? template.settings().est().label() : null;
    caUrls = cas.serviceUrls(user.caller(), template.caId());
    email = null;
  }

  public String getPublicRequestUrl() {
    return config.publicUrl() + "/request.html?template=" + selectedId;
  }

  /** The template's SCEP URLs (user guide 6.1.2, 6.3.2). */
  public org.pkiaas.scep.boundary.ScepUrls getScepUrls() {
    return org.pkiaas.scep.boundary.ScepUrls.of(config.publicUrl(), selectedId);
  }

  /**
   * The NDES-compatible page of a template (user guide 6.3.2), which the row's "SCEP Admin
   * (Microsoft Compatibility)" item opens in a new tab: on the host the console was reached at, so
   * that the console session goes with it (the public URL may name another host).
   */
  public String ndesAdminPath(String templateId) {
    return org.pkiaas.scep.boundary.ScepUrls.of(
            jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestContextPath(),
            templateId)
        .ndesAdmin();
  }

  /** The template's EST URLs (RFC 7030 §3.2.2), null fields while EST is off. */
  public org.pkiaas.est.boundary.EstUrls getEstUrls() {
    return org.pkiaas.est.boundary.EstUrls.of(config.publicUrl(), selectedEstLabel);
  }

  public void invite() {
    try {
      templates.invite(user.caller(), selectedId, email);
      Feedback.info("An invitation is on its way to " + email.trim());
      email = null;
    } catch (PkiaasException e) {
      Feedback.refused("invite", e);
    }
  }

  public void delete() {
    try {
      templates.delete(user.caller(), selectedId);
      Feedback.info("The template '" + selectedName + "' is deleted");
      load();
    } catch (PkiaasException e) {
      Feedback.refused("delete", e);
    }
  }

  public String getSelectedName() {
    return selectedName;
  }

  public boolean isSelectedPublic() {
    return selectedPublic;
  }

  public ServiceUrls getCaUrls() {
    return caUrls;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
