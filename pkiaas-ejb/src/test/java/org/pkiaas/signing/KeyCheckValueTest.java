package org.pkiaas.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyCheckValueTest {

  private static SecretKey key(int fill) {
    byte[] material = new byte[32];
    Arrays.fill(material, (byte) fill);
    return new SecretKeySpec(material, "AES");
  }

  @Test
  void isTheHmacOfTheLabelUnderTheKey() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(mac.doFinal("PKIaaS master key check, version 1".getBytes("US-ASCII")));
    assertEquals(expected, KeyCheckValue.of(key(0)));
    assertEquals(64, expected.length());
  }

  @Test
  void theSameKeyMatchesWhateverCaseOrSpacesTheStoredValueHas() {
    String stored = KeyCheckValue.of(key(7));
    assertTrue(KeyCheckValue.matches(key(7), stored));
    assertTrue(KeyCheckValue.matches(key(7), " " + stored.toUpperCase() + "\n"));
  }

  @Test
  void anotherKeyDoesNotMatch() {
    assertNotEquals(KeyCheckValue.of(key(1)), KeyCheckValue.of(key(2)));
    assertFalse(KeyCheckValue.matches(key(2), KeyCheckValue.of(key(1))));
    byte[] oneBitOff = new byte[32];
    oneBitOff[31] = 1;
    assertFalse(
        KeyCheckValue.matches(new SecretKeySpec(oneBitOff, "AES"), KeyCheckValue.of(key(0))));
  }

  @Test
  void aMissingOrTruncatedValueDoesNotMatch() {
    String stored = KeyCheckValue.of(key(3));
    assertFalse(KeyCheckValue.matches(key(3), null));
    assertFalse(KeyCheckValue.matches(key(3), ""));
    assertFalse(KeyCheckValue.matches(key(3), stored.substring(0, 63)));
  }

  @Test
  void revealsNothingOfTheKeyItself() {
    SecretKey key = key(0x5a);
    String value = KeyCheckValue.of(key);
    assertFalse(value.contains(HexFormat.of().formatHex(key.getEncoded()).substring(0, 16)));
    assertEquals(0x5a, key.getEncoded()[0], "the caller's key is left intact");
  }
}
