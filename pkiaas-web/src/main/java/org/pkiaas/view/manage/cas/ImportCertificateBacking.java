package org.pkiaas.view.manage.cas;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.view.manage.Feedback;
import org.pkiaas.view.manage.Pages;

/**
 * Import Signed Certificate ({@code /manage/cas/import.xhtml}): activates a CSR-only CA. The chain
 * field is needed unless the issuers are fetched from the certificate's AIA URL, which the admin
 * asks for with a check box.
 */
@Named
@ViewScoped
public class ImportCertificateBacking extends CaPage {

  private static final long serialVersionUID = 1L;

  private String certificatePem;
  private String chainPem;
  private boolean fetchIssuers;

  public void importCertificate() throws IOException {
    try {
      var ca =
          cas.importCertificate(user.caller(), getCaId(), certificatePem, chainPem, fetchIssuers);
      Feedback.infoAfterRedirect(
          "The CA '" + ca.name() + "' is active and ready to issue certificates");
      Pages.redirect("/manage/cas/manage.xhtml");
    } catch (PkiaasException e) {
      Feedback.refused("import", e);
    }
  }

  public String getCertificatePem() {
    return certificatePem;
  }

  public void setCertificatePem(String certificatePem) {
    this.certificatePem = certificatePem;
  }

  public String getChainPem() {
    return chainPem;
  }

  public void setChainPem(String chainPem) {
    this.chainPem = chainPem;
  }

  public boolean isFetchIssuers() {
    return fetchIssuers;
  }

  public void setFetchIssuers(boolean fetchIssuers) {
    this.fetchIssuers = fetchIssuers;
  }
}
