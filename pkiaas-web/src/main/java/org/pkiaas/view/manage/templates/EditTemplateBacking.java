package org.pkiaas.view.manage.templates;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.est.boundary.EstSecrets;
import org.pkiaas.est.boundary.EstUrls;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.scep.boundary.ScepSecrets;
import org.pkiaas.scep.boundary.TemplateEdits;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.view.manage.Feedback;
import org.pkiaas.view.manage.Pages;

/**
 * The template editor ({@code /manage/templates/edit.xhtml}, user guide 4.3.1); {@code
 * TemplateEdits.save} stores the settings and the secrets typed beside them at once, or nothing.
 */
@Named
@ViewScoped
public class EditTemplateBacking extends TemplatePage {

  private static final long serialVersionUID = 1L;

  private static final Pattern LOG_FIELD =
      Pattern.compile("certificateTransparency\\.logs\\[(\\d+)\\](?:\\.(\\w+))?");

  @Inject CertificateAuthorities cas;

  @Inject TemplateEdits edits;

  @Inject EstSecrets estSecrets;

  @Inject org.pkiaas.config.PkiaasConfig config;

  private TemplateForm form;
  private String newPassphrase;
  private String ndesUsername;
  private String ndesPassword;
  private String intuneSecret;
  private List<String> signatureAlgorithms;
  private String estUsername;
  private String newEstPassword;

  @Override
  protected void loaded(CertificateTemplate template) {
    form = TemplateForm.of(template.settings());
    signatureAlgorithms = cas.get(user.caller(), template.caId()).keySpec().signatureAlgorithms();
    estUsername = estSecrets.username(user.caller(), template.id()).orElse(null);
  }

  public void save() throws IOException {
    try {
      edits.save(
          user.caller(),
          getTemplateId(),
          form.settings(),
          new TemplateEdits.TypedSecrets(newPassphrase, ndesUsername, ndesPassword, intuneSecret));
      Feedback.infoAfterRedirect("Template '" + form.getName() + "' saved");
      Pages.redirect("/manage/templates/manage.xhtml");
    } catch (InvalidInputException e) {
      if (!refusedLog(e)) {
        Feedback.refused("edit", e);
      }
    } catch (PkiaasException e) {
      Feedback.refused("edit", e);
    }
  }

  /**
   * A refused CT log is named by its row ("CT log 2: …"), at the top and beside the input that is
   * wrong: the rows' inputs share their ids, so the field name alone cannot find it.
   */
  private static boolean refusedLog(InvalidInputException e) {
    Matcher field = LOG_FIELD.matcher(e.field() == null ? "" : e.field());
    if (!field.matches()) {
      return false;
    }
    int row = Integer.parseInt(field.group(1));
    String input =
        field.group(2) == null
            ? null
            : switch (field.group(2)) {
              case "url" -> "ctUrl";
              case "publicKey" -> "ctKey";
              case "notAfterFrom" -> "ctFrom";
              case "notAfterUntil" -> "ctUntil";
              case "timeoutMillis" -> "ctTimeout";
              default -> null;
            };
    String text = "CT log " + (row + 1) + ": " + e.getMessage();
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(
        input == null ? null : "edit:tabs:ctLogs:" + row + ":" + input,
        new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    faces.validationFailed();
    return true;
  }

  /**
   * Sets the EST username and generates a new EST password at once (the old one stops working); it
   * is shown until the page is left, and only its hash is kept.
   */
  public void generateEstPassword() {
    try {
      newEstPassword = estSecrets.newPassword(user.caller(), getTemplateId(), estUsername);
    } catch (PkiaasException e) {
      Feedback.refused("edit", e);
    }
  }

  public String getEstUsername() {
    return estUsername;
  }

  public void setEstUsername(String estUsername) {
    this.estUsername = estUsername;
  }

  public String getNewEstPassword() {
    return newEstPassword;
  }

  /** The template's EST URL for its label, under the public base URL. */
  public String getEstUrl() {
    return EstUrls.of(config.publicUrl(), form.getEst().getLabel()).wellKnown();
  }

  /**
   * "Click to Generate" (user guide 6.5.1): a new static passphrase, shown until the page is left
   * and stored (as a hash) only when the template is saved; Cancel keeps the old one.
   */
  public void generatePassphrase() {
    newPassphrase = ScepSecrets.generatePassphrase();
  }

  public String getNewPassphrase() {
    return newPassphrase;
  }

  public String getNdesUsername() {
    return ndesUsername;
  }

  public void setNdesUsername(String ndesUsername) {
    this.ndesUsername = ndesUsername;
  }

  public String getNdesPassword() {
    return ndesPassword;
  }

  public void setNdesPassword(String ndesPassword) {
    this.ndesPassword = ndesPassword;
  }

  public String getIntuneSecret() {
    return intuneSecret;
  }

  /** The Intune client secret typed in; written (encrypted) on save, never shown back. */
  public void setIntuneSecret(String intuneSecret) {
    this.intuneSecret = intuneSecret;
  }

  /** The template's SCEP URL and NDES admin page (guide 6.1.2, 6.3.2). */
  public org.pkiaas.scep.boundary.ScepUrls getScepUrls() {
    return org.pkiaas.scep.boundary.ScepUrls.of(config.publicUrl(), getTemplateId());
  }

  public TemplateForm getForm() {
    return form;
  }

  public List<String> getSignatureAlgorithms() {
    return signatureAlgorithms;
  }
}
