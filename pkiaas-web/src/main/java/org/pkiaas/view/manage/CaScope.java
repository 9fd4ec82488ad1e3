package org.pkiaas.view.manage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.entity.CertificateAuthority;

/**
 * The CA drop-down at the top of every console page (user guide 2.2.2): lists the user's own CAs
 * and switches the scope, reloading the page so that it shows the chosen CA's objects.
 */
@Named
@RequestScoped
public class CaScope {

  @Inject ConsoleUser user;

  @Inject CertificateAuthorities cas;

  private List<CertificateAuthority> own;
  private String selected;

  public List<CertificateAuthority> getCas() {
    if (own == null) {
      own = user.isSignedIn() ? cas.list(user.caller()) : List.of();
    }
    return own;
  }

  public String getSelected() {
    return selected != null ? selected : user.getCaId();
  }

  public void setSelected(String selected) {
    this.selected = selected;
  }

  public void switchCa() throws IOException {
    // The boundary answers "not found" for anyone else's CA: only an own CA can become the scope.
    user.scopeTo(cas.get(user.caller(), selected).id());
    String viewId = FacesContext.getCurrentInstance().getViewRoot().getViewId();
    // A page about one object of the old CA has nothing to show in the new one: go to the
    // dashboard.
    boolean aboutOneObject =
        viewId.endsWith("/detail.xhtml")
            || viewId.endsWith("/edit.xhtml")
            || viewId.endsWith("/csr.xhtml")
            || viewId.endsWith("/import.xhtml")
            || viewId.endsWith("/submit-csr.xhtml")
            || viewId.endsWith("/preapprove.xhtml")
            || viewId.startsWith("/manage/acme/eabs")
            || viewId.startsWith("/manage/acme/accounts");
    Pages.redirect(aboutOneObject ? "/manage/dashboard.xhtml" : viewId);
  }
}
