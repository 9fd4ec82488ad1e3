package org.pkiaas.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.ForbiddenException;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.ThrottledException;
import org.pkiaas.tenant.boundary.Accounts;
import org.pkiaas.tenant.boundary.AnonymousRateLimits;
import org.pkiaas.tenant.boundary.RateLimit;
import org.pkiaas.tenant.boundary.Settings;

/** The public sign-up page ({@code /signup.xhtml}); the rules live in {@link Accounts#signUp}. */
@Named
@ViewScoped
public class SignupBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Accounts accounts;

  @Inject Settings settings;

  @Inject AnonymousRateLimits rateLimits;

  private String username;
  private String password;
  private String confirmation;
  private boolean created;

  public boolean isOpen() {
    return settings.signupEnabled();
  }

  public String signUp() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!password.equals(confirmation)) {
      faces.addMessage("signup:confirmation", error("The two passwords differ"));
      return null;
    }
    try {
      rateLimits.admit(
          RateLimit.Kind.SIGNUP,
          ((HttpServletRequest) faces.getExternalContext().getRequest()).getRemoteAddr());
      accounts.signUp(username, password);
      created = true;
    } catch (InvalidInputException e) {
      faces.addMessage("signup:" + e.field(), error(e.getMessage()));
    } catch (ConflictException e) {
      faces.addMessage("signup:username", error(e.getMessage()));
    } catch (ForbiddenException | ThrottledException e) {
      faces.addMessage(null, error(e.getMessage()));
    }
    return null;
  }

  private static FacesMessage error(String text) {
    return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
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

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }

  public boolean isCreated() {
    return created;
  }
}
