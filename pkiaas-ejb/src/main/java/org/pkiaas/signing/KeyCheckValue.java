package org.pkiaas.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-check value of a master key: HMAC-SHA256 of a fixed label under the key, stored in the
 * database so that a node started with another key notices before it wraps or unwraps anything. It
 * identifies the key without revealing it, like the KCVs of payment HSMs (which encrypt a zero
 * block); a MAC is used so that the value cannot be mistaken for any ciphertext the key makes.
 */
public final class KeyCheckValue {

  static final byte[] LABEL =
      "PKIaaS master key check, version 1".getBytes(StandardCharsets.US_ASCII);

  private KeyCheckValue() {}

  /** The check value of {@code key}, as 64 lower-case hex digits. */
  public static String of(SecretKey key) {
    byte[] material = key.getEncoded();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(material, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(LABEL));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /** Whether {@code stored} is the check value of {@code key}; compared in constant time. */
  public static boolean matches(SecretKey key, String stored) {
    if (stored == null) {
      return false;
    }
    return MessageDigest.isEqual(
        of(key).getBytes(StandardCharsets.US_ASCII),
        stored.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}
