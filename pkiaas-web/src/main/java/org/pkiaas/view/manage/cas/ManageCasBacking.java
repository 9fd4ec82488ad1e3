package org.pkiaas.view.manage.cas;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.boundary.ServiceUrls;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.boundary.CertificateFilter;
import org.pkiaas.certificate.boundary.Certificates;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.signing.DeviceLinks;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.view.manage.ConsoleUser;
import org.pkiaas.view.manage.Feedback;
import org.pkiaas.view.manage.Pages;

/**
 * Manage CAs ({@code /manage/cas/manage.xhtml}): the user's CAs, each with its menu (user guide
 * 3.2–3.4).
 */
@Named
@ViewScoped
public class ManageCasBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CertificateAuthorities cas;

  @Inject Templates templates;

  @Inject Certificates certificates;

  @Inject ConsoleUser user;

  @Inject DeviceLinks deviceLinks;

  private transient List<CertificateAuthority> list;
  private String selectedId;
  private String selectedName;
  private ServiceUrls serviceUrls;
  private int templateCount;
  private long certificateCount;
  private String confirmation;

  @PostConstruct
  void load() {
    list = cas.list(user.caller());
  }

  public List<CertificateAuthority> getList() {
    if (list == null) {
      load();
    }
    return list;
  }

  /**
   * Where an HSM CA's key stands: awaiting provisioning, or its device online or offline with when
   * this node last heard it.
   */
  public String device(CertificateAuthority ca) {
    if (ca.status() == CaStatus.AWAITING_CERTIFICATE) {
      return "HSM: awaiting the device's certificate";
    }
    return deviceLinks
        .state(ca.signingKey())
        .map(
            state ->
                (state.online() ? "HSM device online" : "HSM device offline")
                    + (state.lastSeen() == null
                        ? ""
                        : ", last seen " + state.lastSeen().truncatedTo(ChronoUnit.SECONDS)))
        .orElse("");
  }

  public void showServiceUrls(String caId) {
    CertificateAuthority ca = cas.get(user.caller(), caId);
    selectedName = ca.name();
    serviceUrls = cas.serviceUrls(user.caller(), caId);
  }

  public void prepareDelete(String caId) {
    CertificateAuthority ca = cas.get(user.caller(), caId);
    selectedId = ca.id();
    selectedName = ca.name();
    templateCount = templates.list(user.caller(), caId).size();
    certificateCount = certificates.list(user.caller(), caId, CertificateFilter.NONE, 0, 1).total();
    confirmation = null;
  }

  public void prepareRetire(String caId) {
    CertificateAuthority ca = cas.get(user.caller(), caId);
    selectedId = ca.id();
    selectedName = ca.name();
  }

  /** Retires the selected CA: no more issuance on any channel; CRL and OCSP keep answering. */
  public void retire() throws IOException {
    try {
      cas.retire(user.caller(), selectedId);
      Feedback.infoAfterRedirect(
          "The CA '"
              + selectedName
              + "' is retired: it issues nothing more, and its CRL and OCSP"
              + " keep answering");
      Pages.redirect("/manage/cas/manage.xhtml");
    } catch (PkiaasException e) {
      Feedback.refused("retire", e);
    }
  }

  public void delete() throws IOException {
    if (confirmation == null || !confirmation.trim().equals(selectedName)) {
      Feedback.refused(
          "delete",
          new org.pkiaas.problem.InvalidInputException(
              "confirmation", "Type the CA's name, " + selectedName + ", to confirm"));
      return;
    }
    try {
      cas.delete(user.caller(), selectedId);
      Feedback.infoAfterRedirect("The CA '" + selectedName + "' is deleted");
      Pages.redirect("/manage/cas/manage.xhtml");
    } catch (PkiaasException e) {
      Feedback.refused("delete", e);
    }
  }

  public String getSelectedName() {
    return selectedName;
  }

  public ServiceUrls getServiceUrls() {
    return serviceUrls;
  }

  public int getTemplateCount() {
    return templateCount;
  }

  public long getCertificateCount() {
    return certificateCount;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
