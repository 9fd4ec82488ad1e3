package org.pkiaas.view.manage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Key usages and extended key usages as the console's forms edit them (a new CA, a template's Key
 * Usage tab): the named ones of {@link Choices} as check boxes, any other extended key usage OID
 * typed in.
 */
public class KeyUsageForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private List<String> keyUsage;
  private List<String> extendedKeyUsage;
  private String customExtendedKeyUsage;

  /** The named purposes become check boxes, the others the typed-in list. */
  public KeyUsageForm(List<String> keyUsage, List<String> extendedKeyUsage) {
    this.keyUsage = new ArrayList<>(keyUsage);
    this.extendedKeyUsage =
        new ArrayList<>(
            extendedKeyUsage.stream().filter(Choices.EXTENDED_KEY_USAGES::contains).toList());
    this.customExtendedKeyUsage =
        String.join(
            ", ",
            extendedKeyUsage.stream()
                .filter(e -> !Choices.EXTENDED_KEY_USAGES.contains(e))
                .toList());
  }

  /** The extended key usages: the ticked ones, then the typed-in OIDs. */
  public List<String> purposes() {
    List<String> purposes = new ArrayList<>(extendedKeyUsage);
    if (customExtendedKeyUsage != null) {
      Arrays.stream(customExtendedKeyUsage.split("[,\\s]+"))
          .filter(oid -> !oid.isBlank())
          .forEach(purposes::add);
    }
    return purposes;
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
}
