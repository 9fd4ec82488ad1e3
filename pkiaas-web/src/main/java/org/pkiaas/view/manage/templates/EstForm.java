package org.pkiaas.view.manage.templates;

import java.io.Serializable;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * The template editor's EST tab (RFC 7030): on or off, the label of the template's EST URL, and
 * whether enrollments wait for approval, whether a client certificate of the CA authenticates
 * simpleenroll; copied to and from {@link TemplateSettings.Est}.
 */
public class EstForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private boolean enabled;
  private String label;
  private boolean approval;
  private boolean clientCertificate;

  static EstForm of(TemplateSettings.Est s) {
    EstForm f = new EstForm();
    f.enabled = s.enabled();
    f.label = s.label();
    f.approval = s.approval();
    f.clientCertificate = s.clientCertificate();
    return f;
  }

  TemplateSettings.Est settings() {
    return new TemplateSettings.Est(
        enabled,
        label == null || label.isBlank() ? null : label.trim(),
        approval,
        clientCertificate);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public boolean isApproval() {
    return approval;
  }

  public void setApproval(boolean approval) {
    this.approval = approval;
  }

  public boolean isClientCertificate() {
    return clientCertificate;
  }

  public void setClientCertificate(boolean clientCertificate) {
    this.clientCertificate = clientCertificate;
  }
}
