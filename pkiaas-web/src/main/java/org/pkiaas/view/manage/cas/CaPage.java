package org.pkiaas.view.manage.cas;

import jakarta.inject.Inject;
import java.io.Serializable;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.view.manage.ConsoleUser;

/**
 * What the pages about one CA share: the {@code ca} view parameter (the scope's CA when absent),
 * resolved through the boundary, so that anyone else's CA is simply "not found".
 */
public abstract class CaPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CertificateAuthorities cas;

  @Inject ConsoleUser user;

  private String caId;
  private transient CertificateAuthority ca;
  private boolean missing;

  /** The view action: looks the CA up once per view. */
  public void load() {
    try {
      ca = cas.get(user.caller(), caId == null || caId.isBlank() ? user.getCaId() : caId);
      caId = ca.id();
      loaded(ca);
    } catch (NotFoundException e) {
      missing = true;
    }
  }

  /** Called once the CA is known to be the user's. */
  protected void loaded(CertificateAuthority found) {}

  protected CertificateAuthority ca() {
    if (ca == null && !missing) {
      ca = cas.get(user.caller(), caId);
    }
    return ca;
  }

  public CertificateAuthority getCa() {
    return missing ? null : ca();
  }

  public boolean isMissing() {
    return missing;
  }

  public String getCaId() {
    return caId;
  }

  public void setCaId(String caId) {
    this.caId = caId;
  }
}
