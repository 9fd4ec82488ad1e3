package org.pkiaas.api.security;

import jakarta.enterprise.context.RequestScoped;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.UnauthenticatedException;

/** The account the current request was authenticated as; set by {@link Authenticator}. */
@RequestScoped
public class RequestCaller {

  private Caller caller;

  void set(Caller authenticated) {
    this.caller = authenticated;
  }

  public Caller get() {
    if (caller == null) {
      throw new UnauthenticatedException("Sign in with HTTP Basic or an API token");
    }
    return caller;
  }
}
