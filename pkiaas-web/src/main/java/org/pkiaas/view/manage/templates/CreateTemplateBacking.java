package org.pkiaas.view.manage.templates;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.template.entity.StarterTemplate;
import org.pkiaas.view.manage.ConsoleUser;
import org.pkiaas.view.manage.Feedback;
import org.pkiaas.view.manage.Pages;

/**
 * Create Template ({@code /manage/templates/create.xhtml}, user guide 4.2): a name and a starter,
 * then the editor.
 */
@Named
@ViewScoped
public class CreateTemplateBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Templates templates;

  @Inject ConsoleUser user;

  private String name;
  private StarterTemplate starter = StarterTemplate.WEB_SERVER;
  private String description;

  public void create() throws IOException {
    try {
      CertificateTemplate created =
          templates.create(user.caller(), user.getCaId(), name, starter.name(), description);
      Feedback.infoAfterRedirect(
          "Template '"
              + created.name()
              + "' created from the "
              + starter.displayName()
              + " starter; adjust it and save");
      Pages.redirect("/manage/templates/edit.xhtml?template=" + created.id());
    } catch (PkiaasException e) {
      Feedback.refused("create", e);
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public StarterTemplate getStarter() {
    return starter;
  }

  public void setStarter(StarterTemplate starter) {
    this.starter = starter;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
