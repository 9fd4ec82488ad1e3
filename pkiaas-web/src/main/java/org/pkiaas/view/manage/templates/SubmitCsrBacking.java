package org.pkiaas.view.manage.templates;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.pkiaas.issuance.boundary.CertificateRequests;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.view.manage.Feedback;
import org.pkiaas.view.manage.Pages;

/**
 * Submit CSR ({@code /manage/templates/submit-csr.xhtml}, user guide 2.5.2): queues a CSR under the
 * template.
 */
@Named
@ViewScoped
public class SubmitCsrBacking extends TemplatePage {

  private static final long serialVersionUID = 1L;

  @Inject CertificateRequests requests;

  private String csr;

  public void submit() throws IOException {
    try {
      requests.submitCsr(user.caller(), getTemplateId(), csr);
      Feedback.infoAfterRedirect("The request is waiting for approval below");
      Pages.redirect("/manage/certificates/pending.xhtml");
    } catch (PkiaasException e) {
      Feedback.refused("submit", e);
    }
  }

  public String getCsr() {
    return csr;
  }

  public void setCsr(String csr) {
    this.csr = csr;
  }
}
