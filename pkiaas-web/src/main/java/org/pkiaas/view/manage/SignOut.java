package org.pkiaas.view.manage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * The sign-out button of the console layout: ends the HTTP session and returns to the sign-in page.
 */
@Named
@RequestScoped
public class SignOut {

  public void signOut() throws IOException {
    FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
    Pages.redirect("/login.xhtml?signedOut=true");
  }
}
