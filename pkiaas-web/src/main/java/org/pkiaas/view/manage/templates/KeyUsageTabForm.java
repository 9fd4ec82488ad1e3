package org.pkiaas.view.manage.templates;

import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.view.manage.KeyUsageForm;

/**
 * The template editor's Key Usage tab: the usages of every console form, plus the extended key
 * usage's criticality and OCSP no-check; copied to and from {@link TemplateSettings.Usage}.
 */
public class KeyUsageTabForm extends KeyUsageForm {

  private static final long serialVersionUID = 1L;

  private boolean extendedKeyUsageCritical;
  private boolean ocspNoCheck;

  KeyUsageTabForm(TemplateSettings.Usage usage) {
    super(usage.keyUsage(), usage.extendedKeyUsage());
    this.extendedKeyUsageCritical = usage.extendedKeyUsageCritical();
    this.ocspNoCheck = usage.ocspNoCheck();
  }

  TemplateSettings.Usage settings() {
    return new TemplateSettings.Usage(
        getKeyUsage(), purposes(), extendedKeyUsageCritical, ocspNoCheck);
  }

  public boolean isExtendedKeyUsageCritical() {
    return extendedKeyUsageCritical;
  }

  public void setExtendedKeyUsageCritical(boolean extendedKeyUsageCritical) {
    this.extendedKeyUsageCritical = extendedKeyUsageCritical;
  }

  public boolean isOcspNoCheck() {
    return ocspNoCheck;
  }

  public void setOcspNoCheck(boolean ocspNoCheck) {
    this.ocspNoCheck = ocspNoCheck;
  }
}
