package org.pkiaas.view.manage.templates;

import java.io.Serializable;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * The template editor's CRL / OCSP / AIA / CPS tab: which pointers certificates carry; copied to
 * and from {@link TemplateSettings.Distribution}.
 */
public class DistributionForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private boolean includeAia;
  private String caIssuersUrl;
  private boolean includeOcsp;
  private boolean includeCrl;
  private boolean includeFreshestCrl;
  private boolean includePolicies;
  private String policyOid;

  static DistributionForm of(TemplateSettings.Distribution d) {
    DistributionForm f = new DistributionForm();
    f.includeAia = d.includeAia();
    f.caIssuersUrl = d.caIssuersUrl();
    f.includeOcsp = d.includeOcsp();
    f.includeCrl = d.includeCrl();
    f.includeFreshestCrl = d.includeFreshestCrl();
    f.includePolicies = d.includePolicies();
    f.policyOid = d.policyOid();
    return f;
  }

  TemplateSettings.Distribution settings() {
    return new TemplateSettings.Distribution(
        includeAia,
        TemplateForm.blankToNull(caIssuersUrl),
        includeOcsp,
        includeCrl,
        includeFreshestCrl,
        includePolicies,
        TemplateForm.blankToNull(policyOid));
  }

  public boolean isIncludeAia() {
    return includeAia;
  }

  public void setIncludeAia(boolean includeAia) {
    this.includeAia = includeAia;
  }

  public String getCaIssuersUrl() {
    return caIssuersUrl;
  }

  public void setCaIssuersUrl(String caIssuersUrl) {
    this.caIssuersUrl = caIssuersUrl;
  }

  public boolean isIncludeOcsp() {
    return includeOcsp;
  }

  public void setIncludeOcsp(boolean includeOcsp) {
    this.includeOcsp = includeOcsp;
  }

  public boolean isIncludeCrl() {
    return includeCrl;
  }

  public void setIncludeCrl(boolean includeCrl) {
    this.includeCrl = includeCrl;
  }

  public boolean isIncludeFreshestCrl() {
    return includeFreshestCrl;
  }

  public void setIncludeFreshestCrl(boolean includeFreshestCrl) {
    this.includeFreshestCrl = includeFreshestCrl;
  }

  public boolean isIncludePolicies() {
    return includePolicies;
  }

  public void setIncludePolicies(boolean includePolicies) {
    this.includePolicies = includePolicies;
  }

  public String getPolicyOid() {
    return policyOid;
  }

  public void setPolicyOid(String policyOid) {
    this.policyOid = policyOid;
  }
}
