package org.pkiaas.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import org.pkiaas.problem.ThrottledException;
import org.pkiaas.problem.UnauthenticatedException;
import org.pkiaas.tenant.boundary.Accounts;
import org.pkiaas.tenant.boundary.Settings;
import org.pkiaas.view.manage.ConsoleUser;
import org.pkiaas.view.manage.Feedback;
import org.pkiaas.view.manage.Pages;

/**
 * The console's sign-in page ({@code /login.xhtml}); the password is checked by {@link
 * Accounts#authenticate}.
 */
@Named
@ViewScoped
public class LoginBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String HOME = "/manage/dashboard.xhtml";

  @Inject Accounts accounts;

  @Inject Settings settings;

  @Inject ConsoleUser user;

  private String username;
  private String password;
  private String next;

  public boolean isSignupOpen() {
    return settings.signupEnabled();
  }

  public void signIn() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    try {
      HttpServletRequest request = (HttpServletRequest) external.getRequest();
      var caller = accounts.authenticate(username, password, request.getRemoteAddr());
      // A fresh session id at sign-in, so a session id planted before sign-in is worthless.
      request.changeSessionId();
      user.signIn(
          caller,
          accounts.credentialsVersion(caller.accountId()),
          accounts.mustChangePassword(caller));
      Pages.redirect(target());
    } catch (ThrottledException e) {
      password = null;
      external.setResponseStatus(429);
      external.setResponseHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      Feedback.error(e.getMessage());
    } catch (UnauthenticatedException e) {
      password = null;
      Feedback.error(e.getMessage());
    }
  }

  /**
   * Only a console path of this application; anything else would make the page an open redirect.
   */
  private String target() {
    if (next != null
        && next.startsWith("/manage/")
        && !next.contains("//")
        && !next.contains("\\")) {
      return next;
    }
    return HOME;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
