package org.pkiaas.view.manage.templates;

import jakarta.inject.Inject;
import java.io.Serializable;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.view.manage.ConsoleUser;

/**
 * What the pages about one template share: the {@code template} view parameter, resolved through
 * the boundary, so that a template of anyone else's CA is simply "not found".
 */
public abstract class TemplatePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Templates templates;

  @Inject ConsoleUser user;

  private String templateId;
  private String templateName;
  private boolean missing;

  /** The view action. */
  public void load() {
    try {
      CertificateTemplate template = templates.get(user.caller(), templateId);
      templateName = template.name();
      // opened by a link: the drop-down shows the template's CA, the one the page works on
      user.scopeTo(template.caId());
      loaded(template);
    } catch (NotFoundException e) {
      missing = true;
    }
  }

  protected void loaded(CertificateTemplate template) {}

  public boolean isMissing() {
    return missing;
  }

  public String getTemplateId() {
    return templateId;
  }

  public void setTemplateId(String templateId) {
    this.templateId = templateId;
  }

  public String getTemplateName() {
    return templateName;
  }
}
