package org.pkiaas.view.manage.templates;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.issuance.boundary.PreApprovals;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.view.manage.Feedback;
import org.pkiaas.view.manage.NameLists;

/**
 * Create Pre-Approved Request ({@code /manage/templates/preapprove.xhtml}, user guide 2.5.3):
 * subject, names and validity fixed now; redeemed at once with a CSR, or claimed later by link.
 */
@Named
@ViewScoped
public class PreApproveBacking extends TemplatePage {

  private static final long serialVersionUID = 1L;

  @Inject PreApprovals preApprovals;

  @Inject org.pkiaas.scep.boundary.AppleProfiles appleProfiles;

  @Inject LoggedIssuance logged;

  private String subject;
  private String subjectAltNames;
  private Integer validityDays;
  private String email;
  private String csr;
  private boolean appleDevice;
  private String claimUrl;
  private String certificateId;

  public void create() {
    try {
      PreApprovals.PreApproval approval =
          new PreApprovals.PreApproval(
              subject, NameLists.parse(subjectAltNames), validityDays, email, csr, appleDevice);
      String templateId = getTemplateId();
      PreApprovals.Outcome outcome =
          appleDevice
              ? appleProfiles.preApprove(user.caller(), templateId, approval)
              : logged.run(() -> preApprovals.create(user.caller(), templateId, approval));
      if (outcome.certificate() != null) {
        certificateId = outcome.certificate().id();
      } else {
        claimUrl = outcome.link().url();
      }
    } catch (PkiaasException e) {
      Feedback.refused("preapprove", e);
    }
  }

  public boolean isAppleDevice() {
    return appleDevice;
  }

  /** "Apple Device" (user guide 6.4.2): mail a SCEP configuration profile, not a claim link. */
  public void setAppleDevice(boolean appleDevice) {
    this.appleDevice = appleDevice;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getSubjectAltNames() {
    return subjectAltNames;
  }

  public void setSubjectAltNames(String subjectAltNames) {
    this.subjectAltNames = subjectAltNames;
  }

  public Integer getValidityDays() {
    return validityDays;
  }

  public void setValidityDays(Integer validityDays) {
    this.validityDays = validityDays;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getCsr() {
    return csr;
  }

  public void setCsr(String csr) {
    this.csr = csr;
  }

  public String getClaimUrl() {
    return claimUrl;
  }

  public String getCertificateId() {
    return certificateId;
  }
}
