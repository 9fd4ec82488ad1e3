package org.pkiaas.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyDerivationTest {

  private static final SecretKey MASTER = new SecretKeySpec(counting(), "AES");

  private static byte[] counting() {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    return key;
  }

  /**
   * Stored values depend on these bytes (key-check values, audit chain MACs): they were computed
   * with Python's hmac module, independently of this code, and must never change.
   */
  @Test
  void derivesTheSameBytesAsEver() {
    assertEquals(
        "a18ee7b512a7f7c1f7ed33c363076247f5f265a17cebd948a447859e9ae6c903",
        hex(KeyDerivation.KEY_CHECK));
    assertEquals(
        "c14b7231f106cc15677dbe88cebd8d7d9c34b55dc9de1aa7abad1edb20e6f2aa",
        hex(KeyDerivation.ACME_NONCE));
    assertEquals(
        "5b05155f39fe0e1456aba0b2a92fc1093146694a64b88c2c7c8bddfe113b5308",
        hex(KeyDerivation.AUDIT_CHAIN));
    assertEquals(hex(KeyDerivation.KEY_CHECK), KeyCheckValue.of(MASTER));
  }

  @Test
  void eachPurposeGetsItsOwnKeyAndTheMasterKeyIsLeftIntact() {
    Set<String> derived = new HashSet<>();
    for (String label :
        List.of(KeyDerivation.KEY_CHECK, KeyDerivation.ACME_NONCE, KeyDerivation.AUDIT_CHAIN)) {
      derived.add(hex(label));
    }
    assertEquals(3, derived.size());
    assertArrayEquals(counting(), MASTER.getEncoded());
  }

  private static String hex(String label) {
    return HexFormat.of().formatHex(KeyDerivation.derive(MASTER, label));
  }
}
