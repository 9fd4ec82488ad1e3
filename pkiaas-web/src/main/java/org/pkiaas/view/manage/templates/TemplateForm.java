package org.pkiaas.view.manage.templates;

import java.io.Serializable;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * The template editor's inputs: the template's name and one form per tab ({@code
 * #{editTemplateBacking.form.usage.keyUsage}}). Each form only copies values between its part of
 * {@link TemplateSettings} and its inputs; {@code Templates.update} validates them.
 */
public class TemplateForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String name;
  private GeneralForm general;
  private RequestRulesForm requests;
  private SubjectRulesForm subject;
  private KeyUsageTabForm usage;
  private ConstraintsForm constraints;
  private DistributionForm distribution;
  private ScepForm scep;
  private CtForm ct;
  private EstForm est;

  static TemplateForm of(TemplateSettings s) {
    TemplateForm f = new TemplateForm();
    f.name = s.name();
    f.general = GeneralForm.of(s.general());
    f.requests = RequestRulesForm.of(s.requests());
    f.subject = SubjectRulesForm.of(s.subject());
    f.usage = new KeyUsageTabForm(s.keyUsage());
    f.constraints = ConstraintsForm.of(s.basicConstraints());
    f.distribution = DistributionForm.of(s.distribution());
    f.scep = ScepForm.of(s.scep());
    f.ct = CtForm.of(s.certificateTransparency());
    f.est = EstForm.of(s.est());
    return f;
  }

  TemplateSettings settings() {
    return new TemplateSettings(
        name,
        general.settings(),
        subject.settings(),
        usage.settings(),
        constraints.settings(),
        distribution.settings(),
        requests.settings(),
        scep.settings(),
        ct.settings(),
        est.settings());
  }

  static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  /** The General tab: the template's switches, renewal, algorithm and validity. */
  public GeneralForm getGeneral() {
    return general;
  }

  /** The General tab: what a request may carry. */
  public RequestRulesForm getRequests() {
    return requests;
  }

  /** The Subject tab. */
  public SubjectRulesForm getSubject() {
    return subject;
  }

  /** The Key Usage tab. */
  public KeyUsageTabForm getUsage() {
    return usage;
  }

  /** The Basic Constraints tab. */
  public ConstraintsForm getConstraints() {
    return constraints;
  }

  /** The CRL / OCSP / AIA / CPS tab. */
  public DistributionForm getDistribution() {
    return distribution;
  }

  /** The SCEP tab. */
  public ScepForm getScep() {
    return scep;
  }

  /** The CT Logs tab. */
  public CtForm getCt() {
    return ct;
  }

  /** The EST tab. */
  public EstForm getEst() {
    return est;
  }
}
