package org.pkiaas.view.manage.settings;

import jakarta.annotation.PostConstruct;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.https.boundary.ServerCertificateSettings;
import org.pkiaas.https.boundary.ServerCertificates;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.view.manage.ConsoleUser;
import org.pkiaas.view.manage.Feedback;

/**
 * HTTPS Certificate ({@code /manage/settings/https-certificate.xhtml}): which of the
 * administrator's templates issues the listener's certificate (docs/operator-guide.md, "HTTPS",
 * option a), a renewal on demand, and the certificate this node serves. {@link
 * ServerCertificateSettings} decides.
 */
@Named
@ViewScoped
public class HttpsCertificateBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ServerCertificateSettings settings;

  @Inject ServerCertificates certificates;

  @Inject CertificateAuthorities cas;

  @Inject ConsoleUser user;

  private String templateId;
  private List<SelectItem> templates = List.of();

  @PostConstruct
  void load() {
    try {
      templateId = settings.templateId(user.caller());
      Map<String, String> caNames =
          cas.list(user.caller()).stream()
              .collect(Collectors.toMap(CertificateAuthority::id, CertificateAuthority::name));
      templates =
          settings.serverTemplates(user.caller()).stream()
              .map(t -> new SelectItem(t.id(), caNames.get(t.caId()) + ": " + t.name()))
              .toList();
    } catch (PkiaasException e) {
      Feedback.error(e.getMessage());
    }
  }

  public void save() {
    try {
      settings.changeTemplate(user.caller(), templateId);
      Feedback.info(
          templateId == null || templateId.isBlank()
              ? "Saved: the listener serves its configured key store again."
              : "Saved: this node issues its certificate within seconds, other nodes at their next"
                  + " check.");
    } catch (PkiaasException e) {
      Feedback.refused("https", e);
    }
  }

  public void renew() {
    try {
      settings.requestRenewal(user.caller());
      Feedback.info("Renewal requested: every node replaces its certificate at its next check.");
    } catch (PkiaasException e) {
      Feedback.refused("https", e);
    }
  }

  /**
   * The certificate this node serves (subject, issuer, serial, notAfter), read at each rendering.
   */
  public String getServed() {
    if (!user.isAdmin()) {
      return "";
    }
    return certificates
        .served()
        .map(HttpsCertificateBacking::describe)
        .orElse("no certificate it can read (see the server log)");
  }

  private static String describe(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253)
        + ", issued by "
        + certificate.getIssuerX500Principal().getName(X500Principal.RFC2253)
        + " (serial "
        + certificate.getSerialNumber().toString(16)
        + "), valid until "
        + certificate.getNotAfter().toInstant();
  }

  public List<SelectItem> getTemplates() {
    return templates;
  }

  public String getTemplateId() {
    return templateId;
  }

  public void setTemplateId(String templateId) {
    this.templateId = templateId;
  }
}
