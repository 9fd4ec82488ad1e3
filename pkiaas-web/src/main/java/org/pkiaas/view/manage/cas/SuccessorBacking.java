package org.pkiaas.view.manage.cas;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.pkiaas.ca.boundary.CaRollovers;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.boundary.NewSuccessor;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.view.manage.ConsoleUser;
import org.pkiaas.view.manage.Feedback;
import org.pkiaas.view.manage.Pages;

/**
 * The rollover dialogs of Manage CAs: prepare an active CA's successor (same subject and settings,
 * a new key of the same type), and activate a successor, which retires the CA it follows.
 */
@Named
@ViewScoped
public class SuccessorBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CaRollovers rollovers;

  @Inject CertificateAuthorities cas;

  @Inject ConsoleUser user;

  /** The CA being rolled over (the predecessor) and its name. */
  private String caId;

  private String caName;

  /** Whether a CA's menu offers Prepare Successor: active, with its key held here. */
  public boolean preparable(CertificateAuthority ca) {
    return ca.status() == CaStatus.ACTIVE && ca.keyBackend() != org.pkiaas.ca.entity.KeyBackend.HSM;
  }

  /** Whether the row is a successor its owner can activate now. */
  public boolean activatable(CertificateAuthority ca) {
    return ca.status() == CaStatus.NEXT && ca.predecessorId() != null;
  }

  public void select(String predecessorId) {
    CertificateAuthority ca = cas.get(user.caller(), predecessorId);
    caId = ca.id();
    caName = ca.name();
  }

  public void prepare() throws IOException {
    try {
      CertificateAuthority next = rollovers.prepare(user.caller(), caId, NewSuccessor.SAME);
      Feedback.infoAfterRedirect(
          next.status() == CaStatus.NEXT
              ? "The successor of '"
                  + caName
                  + "' is ready with its new key; SCEP clients can fetch it (GetNextCACert)."
                  + " Activate it when they have"
              : "The successor of '"
                  + caName
                  + "' awaits its certificate: download its CSR, have it signed and import it");
      Pages.redirect("/manage/cas/manage.xhtml");
    } catch (PkiaasException e) {
      Feedback.refused("prepare", e);
    }
  }

  public void activate() throws IOException {
    try {
      rollovers.activate(user.caller(), caId);
      Feedback.infoAfterRedirect(
          "The successor of '"
              + caName
              + "' now issues for its templates; the previous CA is retired, its CRL and OCSP"
              + " keep answering");
      Pages.redirect("/manage/cas/manage.xhtml");
    } catch (PkiaasException e) {
      Feedback.refused("activate", e);
    }
  }

  public String getCaName() {
    return caName;
  }
}
