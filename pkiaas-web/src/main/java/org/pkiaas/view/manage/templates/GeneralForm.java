package org.pkiaas.view.manage.templates;

import java.io.Serializable;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * The template editor's General tab, its first half: on or off, public requests, renewal, the
 * signature algorithm, validity and description; copied to and from {@link
 * TemplateSettings.General}. The tab's request rules are {@link RequestRulesForm}.
 */
public class GeneralForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private boolean enabled;
  private boolean allowPublicRequests;
  private boolean renewalAllowed;
  private boolean renewalAutoRevoke;
  private Integer renewalWindowDays;
  private boolean renewalCopySubject;
  private String signatureAlgorithm;
  private Integer validityDays;
  private String description;

  static GeneralForm of(TemplateSettings.General g) {
    GeneralForm f = new GeneralForm();
    f.enabled = g.enabled();
    f.allowPublicRequests = g.allowPublicRequests();
    f.renewalAllowed = g.renewalAllowed();
    f.renewalAutoRevoke = g.renewalAutoRevoke();
    f.renewalWindowDays = g.renewalWindowDays();
    f.renewalCopySubject = g.renewalCopySubject();
    f.signatureAlgorithm = g.signatureAlgorithm();
    f.validityDays = g.validityDays();
    f.description = g.description();
    return f;
  }

  TemplateSettings.General settings() {
    return new TemplateSettings.General(
        enabled,
        allowPublicRequests,
        renewalAllowed,
        renewalAutoRevoke,
        TemplateForm.orZero(renewalWindowDays),
        renewalCopySubject,
        TemplateForm.blankToNull(signatureAlgorithm),
        TemplateForm.orZero(validityDays),
        description);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isAllowPublicRequests() {
    return allowPublicRequests;
  }

  public void setAllowPublicRequests(boolean allowPublicRequests) {
    this.allowPublicRequests = allowPublicRequests;
  }

  public boolean isRenewalAllowed() {
    return renewalAllowed;
  }

  public void setRenewalAllowed(boolean renewalAllowed) {
    this.renewalAllowed = renewalAllowed;
  }

  public boolean isRenewalAutoRevoke() {
    return renewalAutoRevoke;
  }

  public void setRenewalAutoRevoke(boolean renewalAutoRevoke) {
    this.renewalAutoRevoke = renewalAutoRevoke;
  }

  public Integer getRenewalWindowDays() {
    return renewalWindowDays;
  }

  public void setRenewalWindowDays(Integer renewalWindowDays) {
    this.renewalWindowDays = renewalWindowDays;
  }

  public boolean isRenewalCopySubject() {
    return renewalCopySubject;
  }

  public void setRenewalCopySubject(boolean renewalCopySubject) {
    this.renewalCopySubject = renewalCopySubject;
  }

  public String getSignatureAlgorithm() {
    return signatureAlgorithm;
  }

  public void setSignatureAlgorithm(String signatureAlgorithm) {
    this.signatureAlgorithm = signatureAlgorithm;
  }

  public Integer getValidityDays() {
    return validityDays;
  }

  public void setValidityDays(Integer validityDays) {
    this.validityDays = validityDays;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
