package org.pkiaas.view.manage.account;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.tenant.boundary.Accounts;
import org.pkiaas.view.manage.ConsoleUser;
import org.pkiaas.view.manage.Feedback;

/**
 * Change Password ({@code /manage/account/password.xhtml}); {@link Accounts#changePassword}
 * decides.
 */
@Named
@ViewScoped
public class ChangePasswordBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Accounts accounts;

  @Inject ConsoleUser user;

  private String currentPassword;
  private String newPassword;
  private String confirmation;

  public void change() {
    if (newPassword == null || !newPassword.equals(confirmation)) {
      Feedback.refused(
          "password", new InvalidInputException("confirmation", "The two new passwords differ"));
      return;
    }
    try {
      accounts.changePassword(user.caller(), currentPassword, newPassword);
      // This session stays signed in (under a fresh id); every other one has ended.
      user.passwordChanged(accounts.credentialsVersion(user.caller().accountId()));
      ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest())
          .changeSessionId();
      Feedback.info(
          "Your password is changed. Your other sessions have ended and your API tokens are revoked.");
    } catch (PkiaasException e) {
      Feedback.refused("password", e);
    }
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
