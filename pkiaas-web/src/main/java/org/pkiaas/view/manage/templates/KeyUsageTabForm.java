package org.pkiaas.view.manage.templates;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.view.manage.Choices;

/**
 * The template editor's Key Usage tab: key usages, extended key usages (named purposes as check
 * boxes, any other OID typed in), their criticality and OCSP no-check; copied to and from {@link
 * TemplateSettings.Usage}.
 */
public class KeyUsageForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private List<String> keyUsage;
  private List<String> extendedKeyUsage;
  private String customExtendedKeyUsage;
  private boolean extendedKeyUsageCritical;
  private boolean ocspNoCheck;

  static KeyUsageForm of(TemplateSettings.Usage usage) {
    KeyUsageForm f = new KeyUsageForm();
    f.keyUsage = new ArrayList<>(usage.keyUsage());
    f.extendedKeyUsage =
        new ArrayList<>(
            usage.extendedKeyUsage().stream()
                .filter(Choices.EXTENDED_KEY_USAGES::contains)
                .toList());
    f.customExtendedKeyUsage =
        String.join(
            ", ",
            usage.extendedKeyUsage().stream()
                .filter(e -> !Choices.EXTENDED_KEY_USAGES.contains(e))
                .toList());
    f.extendedKeyUsageCritical = usage.extendedKeyUsageCritical();
    f.ocspNoCheck = usage.ocspNoCheck();
    return f;
  }

  TemplateSettings.Usage settings() {
    List<String> purposes = new ArrayList<>(extendedKeyUsage);
    if (customExtendedKeyUsage != null) {
      Arrays.stream(customExtendedKeyUsage.split("[,\\s]+"))
          .filter(oid -> !oid.isBlank())
          .forEach(purposes::add);
    }
    return new TemplateSettings.Usage(keyUsage, purposes, extendedKeyUsageCritical, ocspNoCheck);
  }

  public List<String> getKeyUsage() {
    return keyUsage;
  }

  public void setKeyUsage(List<String> keyUsage) {
    this.keyUsage = keyUsage;
  }

  public List<String> getExtendedKeyUsage() {
    return extendedKeyUsage;
  }

  public void setExtendedKeyUsage(List<String> extendedKeyUsage) {
    this.extendedKeyUsage = extendedKeyUsage;
  }

  public String getCustomExtendedKeyUsage() {
    return customExtendedKeyUsage;
  }

  public void setCustomExtendedKeyUsage(String customExtendedKeyUsage) {
    this.customExtendedKeyUsage = customExtendedKeyUsage;
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
