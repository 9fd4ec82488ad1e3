package org.pkiaas.view.manage.templates;

import java.io.Serializable;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.view.manage.SubjectForm;

/**
 * The template editor's Subject tab: whether the CSR supplies the subject, and the defaults of its
 * organisation, unit, locality, state and country; copied to and from {@link
 * TemplateSettings.Subject}.
 */
public class SubjectRulesForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private SubjectForm defaults = new SubjectForm();
  private boolean suppliedByCsr;

  static SubjectRulesForm of(TemplateSettings.Subject s) {
    SubjectRulesForm f = new SubjectRulesForm();
    f.suppliedByCsr = s.suppliedByCsr();
    f.defaults =
        new SubjectForm(
            s.organization(), s.organizationalUnit(), s.locality(), s.state(), s.country());
    return f;
  }

  TemplateSettings.Subject settings() {
    return new TemplateSettings.Subject(
        suppliedByCsr,
        defaults.getOrganization(),
        defaults.getOrganizationalUnit(),
        defaults.getLocality(),
        defaults.getState(),
        defaults.getCountry());
  }

  public SubjectForm getDefaults() {
    return defaults;
  }

  public boolean isSuppliedByCsr() {
    return suppliedByCsr;
  }

  public void setSuppliedByCsr(boolean suppliedByCsr) {
    this.suppliedByCsr = suppliedByCsr;
  }
}
