package org.pkiaas.view.manage.templates;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.x509.SanType;

/**
 * The template editor's General tab, its second half: which keys and subject alternative names a
 * request may carry, and whether its extensions are considered; copied to and from {@link
 * TemplateSettings.Requests}.
 */
public class RequestRulesForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private List<String> allowedKeyTypes;
  private Integer minimumRsaBits;
  private List<SanType> allowedSanTypes;
  private boolean allowCsrExtensions;

  static RequestRulesForm of(TemplateSettings.Requests r) {
    RequestRulesForm f = new RequestRulesForm();
    f.allowedKeyTypes = new ArrayList<>(r.allowedKeyTypes());
    f.minimumRsaBits = r.minimumRsaBits();
    f.allowedSanTypes = new ArrayList<>(r.allowedSanTypes());
    f.allowCsrExtensions = r.allowCsrExtensions();
    return f;
  }

  TemplateSettings.Requests settings() {
    return new TemplateSettings.Requests(
        allowedKeyTypes, TemplateForm.orZero(minimumRsaBits), allowedSanTypes, allowCsrExtensions);
  }

  public List<String> getAllowedKeyTypes() {
    return allowedKeyTypes;
  }

  public void setAllowedKeyTypes(List<String> allowedKeyTypes) {
    this.allowedKeyTypes = allowedKeyTypes;
  }

  public Integer getMinimumRsaBits() {
    return minimumRsaBits;
  }

  public void setMinimumRsaBits(Integer minimumRsaBits) {
    this.minimumRsaBits = minimumRsaBits;
  }

  public List<SanType> getAllowedSanTypes() {
    return allowedSanTypes;
  }

  public void setAllowedSanTypes(List<SanType> allowedSanTypes) {
    this.allowedSanTypes = allowedSanTypes;
  }

  public boolean isAllowCsrExtensions() {
    return allowCsrExtensions;
  }

  public void setAllowCsrExtensions(boolean allowCsrExtensions) {
    this.allowCsrExtensions = allowCsrExtensions;
  }
}
