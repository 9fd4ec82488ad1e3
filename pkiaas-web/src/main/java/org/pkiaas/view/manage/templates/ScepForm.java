package org.pkiaas.view.manage.templates;

import java.io.Serializable;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * The template editor's SCEP tab (user guide 6): one property per switch, copied to and from {@link
 * TemplateSettings.Scep}; {@code Templates.update} validates them.
 */
public class ScepForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private boolean enabled;
  private boolean staticPassphrase;
  private boolean intune;
  private boolean stripRoot;
  private boolean ndes;
  private boolean ndesBasicAuth;
  private boolean ipAcl;
  private String ipAclList;
  private boolean approval;
  private String ipAclScope;
  private String intuneTenantId;
  private String intuneClientId;
  private String intuneAuthorityUrl;
  private String intuneGraphUrl;
  private Integer intuneTimeoutMillis;

  static ScepForm of(TemplateSettings.Scep s) {
    ScepForm f = new ScepForm();
    f.enabled = s.enabled();
    f.staticPassphrase = s.staticPassphrase();
    f.intune = s.intune();
    f.stripRoot = s.stripRoot();
    f.ndes = s.ndes();
    f.ndesBasicAuth = s.ndesBasicAuth();
    f.ipAcl = s.ipAcl();
    f.ipAclList = s.ipAclList();
    f.approval = s.approval();
    f.ipAclScope = s.ipAclScope() == null ? "BOTH" : s.ipAclScope();
    TemplateSettings.Scep.Intune intune = s.intuneConnection();
    if (intune != null) {
      f.intuneTenantId = intune.tenantId();
      f.intuneClientId = intune.clientId();
      f.intuneAuthorityUrl = intune.authorityUrl();
      f.intuneGraphUrl = intune.graphUrl();
      f.intuneTimeoutMillis = intune.timeoutMillis();
    }
    return f;
  }

  TemplateSettings.Scep settings() {
    return new TemplateSettings.Scep(
        enabled,
        staticPassphrase,
        intune,
        stripRoot,
        ndes,
        ndesBasicAuth,
        ipAcl,
        ipAclList == null || ipAclList.isBlank() ? null : ipAclList.trim(),
        approval,
        ipAclScope,
        blank(intuneTenantId) && blank(intuneClientId)
            ? null
            : new TemplateSettings.Scep.Intune(
                trimmed(intuneTenantId),
                trimmed(intuneClientId),
                trimmed(intuneAuthorityUrl),
                trimmed(intuneGraphUrl),
                intuneTimeoutMillis));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String trimmed(String value) {
    return blank(value) ? null : value.trim();
  }

  public String getIntuneTenantId() {
    return intuneTenantId;
  }

  public void setIntuneTenantId(String intuneTenantId) {
    this.intuneTenantId = intuneTenantId;
  }

  public String getIntuneClientId() {
    return intuneClientId;
  }

  public void setIntuneClientId(String intuneClientId) {
    this.intuneClientId = intuneClientId;
  }

  public String getIntuneAuthorityUrl() {
    return intuneAuthorityUrl;
  }

  public void setIntuneAuthorityUrl(String intuneAuthorityUrl) {
    this.intuneAuthorityUrl = intuneAuthorityUrl;
  }

  public String getIntuneGraphUrl() {
    return intuneGraphUrl;
  }

  public void setIntuneGraphUrl(String intuneGraphUrl) {
    this.intuneGraphUrl = intuneGraphUrl;
  }

  public Integer getIntuneTimeoutMillis() {
    return intuneTimeoutMillis;
  }

  public void setIntuneTimeoutMillis(Integer intuneTimeoutMillis) {
    this.intuneTimeoutMillis = intuneTimeoutMillis;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isStaticPassphrase() {
    return staticPassphrase;
  }

  public void setStaticPassphrase(boolean staticPassphrase) {
    this.staticPassphrase = staticPassphrase;
  }

  public boolean isIntune() {
    return intune;
  }

  public void setIntune(boolean intune) {
    this.intune = intune;
  }

  public boolean isStripRoot() {
    return stripRoot;
  }

  public void setStripRoot(boolean stripRoot) {
    this.stripRoot = stripRoot;
  }

  public boolean isNdes() {
    return ndes;
  }

  public void setNdes(boolean ndes) {
    this.ndes = ndes;
  }

  public boolean isNdesBasicAuth() {
    return ndesBasicAuth;
  }

  public void setNdesBasicAuth(boolean ndesBasicAuth) {
    this.ndesBasicAuth = ndesBasicAuth;
  }

  public boolean isIpAcl() {
    return ipAcl;
  }

  public void setIpAcl(boolean ipAcl) {
    this.ipAcl = ipAcl;
  }

  public String getIpAclList() {
    return ipAclList;
  }

  public void setIpAclList(String ipAclList) {
    this.ipAclList = ipAclList;
  }

  public boolean isApproval() {
    return approval;
  }

  public void setApproval(boolean approval) {
    this.approval = approval;
  }

  public String getIpAclScope() {
    return ipAclScope;
  }

  public void setIpAclScope(String ipAclScope) {
    this.ipAclScope = ipAclScope;
  }
}
