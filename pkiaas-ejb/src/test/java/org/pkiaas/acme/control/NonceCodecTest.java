package org.pkiaas.acme.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class NonceCodecTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final Instant EXPIRES = NOW.plus(Duration.ofHours(1));
  private final NonceCodec codec = NonceCodec.withKey(new byte[32]);

  @Test
  void aNonceIsBase64UrlAndAcceptedUntilItExpires() {
    String nonce = codec.issue(EXPIRES);
    assertTrue(
        nonce.matches("[A-Za-z0-9_-]+"), "base64url without padding (RFC 8555 §6.5.1): " + nonce);
    assertTrue(nonce.length() <= 64);
    assertEquals(EXPIRES, codec.expiry(nonce, NOW));
    assertEquals(EXPIRES, codec.expiry(nonce, EXPIRES.minusSeconds(1)));
    assertNull(codec.expiry(nonce, EXPIRES), "expired");
  }

  @Test
  void everyNonceIsNew() {
    assertNotEquals(codec.issue(EXPIRES), codec.issue(EXPIRES));
  }

  @Test
  void anAlteredOrForeignNonceIsRefused() {
    String nonce = codec.issue(EXPIRES);
    byte[] bytes = Base64.getUrlDecoder().decode(nonce);
    bytes[0] ^= 1; // a later expiry, forged
    assertNull(codec.expiry(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), NOW));
    byte[] key = new byte[32];
    key[0] = 1;
    assertNull(NonceCodec.withKey(key).expiry(nonce, NOW), "another installation's key");
    assertNull(codec.expiry(null, NOW));
    assertNull(codec.expiry("", NOW));
    assertNull(codec.expiry(nonce.substring(1), NOW));
    assertNull(codec.expiry("!" + nonce.substring(1), NOW));
  }

  @Test
  void theKeyComesFromTheMasterKeyAndIsTheSameOnEveryNode() {
    SecretKeySpec master = new SecretKeySpec(new byte[32], "AES");
    String nonce = NonceCodec.fromMasterKey(master).issue(EXPIRES);
    assertEquals(
        EXPIRES,
        NonceCodec.fromMasterKey(new SecretKeySpec(new byte[32], "AES")).expiry(nonce, NOW));
    assertNull(codec.expiry(nonce, NOW), "the derived key is not the master key itself");
  }
}
