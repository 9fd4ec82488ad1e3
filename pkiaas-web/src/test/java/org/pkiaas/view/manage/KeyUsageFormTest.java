package org.pkiaas.view.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyUsageFormTest {

  @Test
  void namedPurposesAreTickedAndOthersTypedIn() {
    KeyUsageForm form =
        new KeyUsageForm(
            List.of("keyCertSign"), List.of("serverAuth", "1.3.6.1.4.1.99999.1", "clientAuth"));
    assertEquals(List.of("serverAuth", "clientAuth"), form.getExtendedKeyUsage());
    assertEquals("1.3.6.1.4.1.99999.1", form.getCustomExtendedKeyUsage());
    assertEquals(List.of("serverAuth", "clientAuth", "1.3.6.1.4.1.99999.1"), form.purposes());
  }

  @Test
  void typedInOidsAreSplitOnCommasAndSpaces() {
    KeyUsageForm form = new KeyUsageForm(List.of("keyCertSign"), List.of());
    assertEquals(List.of(), form.purposes());
    form.setCustomExtendedKeyUsage(" 1.2.3.4, 1.2.3.5  1.2.3.6 ,");
    assertEquals(List.of("1.2.3.4", "1.2.3.5", "1.2.3.6"), form.purposes());
    form.setCustomExtendedKeyUsage(null);
    assertEquals(List.of(), form.purposes());
  }
}
