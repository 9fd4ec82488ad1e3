package org.pkiaas.view.manage;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.pkiaas.identity.Caller;
import org.pkiaas.identity.Role;
import org.pkiaas.problem.UnauthenticatedException;

/**
 * Who is signed in to the console in this HTTP session, and which of their CAs the console is
 * scoped to (the drop-down at the top). Only identifiers are kept; every page asks the boundaries,
 * which enforce tenancy, for the objects themselves.
 */
@Named
@SessionScoped
public class ConsoleUser implements Serializable {

  private static final long serialVersionUID = 1L;

  private String accountId;
  private String username;
  private Role role;
  private String caId;
  private int credentialsVersion;
  private boolean mustChangePassword;

  /**
   * Signs in with the account's current credentials version: a later password change (in another
   * session, or over the API) ends this session.
   */
  public void signIn(Caller caller, int credentialsVersion, boolean mustChangePassword) {
    this.accountId = caller.accountId();
    this.username = caller.username();
    this.role = caller.role();
    this.caId = null;
    this.credentialsVersion = credentialsVersion;
    this.mustChangePassword = mustChangePassword;
  }

  /** This session changed the password: it stays signed in, with the new version. */
  public void passwordChanged(int newCredentialsVersion) {
    this.credentialsVersion = newCredentialsVersion;
    this.mustChangePassword = false;
  }

  public int credentialsVersion() {
    return credentialsVersion;
  }

  /** Whether the password was generated and must be changed before any other page opens. */
  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  public boolean isSignedIn() {
    return accountId != null;
  }

  /** Whether an administrator is signed in (installation settings show). */
  public boolean isAdmin() {
    return accountId != null && caller().isAdmin();
  }

  /** The caller every boundary call of the console is made as. */
  public Caller caller() {
    if (accountId == null) {
      throw new UnauthenticatedException("Sign in to use the console");
    }
    return new Caller(accountId, username, role);
  }

  public String getUsername() {
    return username;
  }

  /** The CA the console is scoped to; kept valid by {@link ConsoleGuard}. */
  public String getCaId() {
    return caId;
  }

  public void scopeTo(String selectedCaId) {
    this.caId = selectedCaId;
  }
}
