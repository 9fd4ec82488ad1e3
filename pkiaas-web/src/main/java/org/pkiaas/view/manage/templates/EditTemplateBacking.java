package org.pkiaas.view.manage.templates;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.view.manage.Feedback;
import org.pkiaas.view.manage.Pages;

/**
 * The template editor ({@code /manage/templates/edit.xhtml}, user guide 4.3.1); {@code
 * Templates.update} decides.
 */
@Named
@ViewScoped
public class EditTemplateBacking extends TemplatePage {

  private static final long serialVersionUID = 1L;

  @Inject CertificateAuthorities cas;

  private TemplateForm form;
  private List<String> signatureAlgorithms;

  @Override
  protected void loaded(CertificateTemplate template) {
    form = TemplateForm.of(template.settings());
    signatureAlgorithms = cas.get(user.caller(), template.caId()).keySpec().signatureAlgorithms();
  }

  public void save() throws IOException {
    try {
      templates.update(user.caller(), getTemplateId(), form.settings());
      Feedback.infoAfterRedirect("Template '" + form.getName() + "' saved");
      Pages.redirect("/manage/templates/manage.xhtml");
    } catch (PkiaasException e) {
      Feedback.refused("edit", e);
    }
  }

  public TemplateForm getForm() {
    return form;
  }

  public List<String> getSignatureAlgorithms() {
    return signatureAlgorithms;
  }
}
