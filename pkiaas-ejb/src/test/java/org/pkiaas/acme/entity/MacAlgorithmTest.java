package org.pkiaas.acme.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MacAlgorithmTest {

  /** Hands out 0xF8 (base64url '-' first) on its first draw, then ordinary bytes. */
  private static final class DashFirst extends SecureRandom {

    private static final long serialVersionUID = 1L;
    private int draws;

    @Override
    public void nextBytes(byte[] bytes) {
      java.util.Arrays.fill(bytes, draws++ == 0 ? (byte) 0xf8 : (byte) 0x41);
    }
  }

  @Test
  void aKeyHasTheAlgorithmsLengthAndNeverReadsAsAnOption() {
    for (MacAlgorithm algorithm : MacAlgorithm.values()) {
      byte[] key = algorithm.newKey(new DashFirst());
      assertEquals(algorithm.keyBytes(), key.length);
      assertFalse(
          Base64.getUrlEncoder().withoutPadding().encodeToString(key).startsWith("-"),
          algorithm::name);
    }
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 2000; i++) {
      assertFalse(
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(MacAlgorithm.HS256.newKey(random))
              .startsWith("-"));
    }
  }

  @Test
  void namesParseWithHs256AsTheDefault() {
    assertEquals(MacAlgorithm.HS256, MacAlgorithm.parse(null));
    assertEquals(MacAlgorithm.HS512, MacAlgorithm.parse(" hs512 "));
    assertNull(MacAlgorithm.parse("HS1"));
  }
}
