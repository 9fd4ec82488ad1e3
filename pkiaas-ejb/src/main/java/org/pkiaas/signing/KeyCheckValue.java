package org.pkiaas.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.SecretKey;

/**
 * The key-check value of a master key: a value {@link KeyDerivation} derives under a fixed label,
 * stored in the database so that a node started with another key notices before it wraps or unwraps
 * anything. It identifies the key without revealing it, like the KCVs of payment HSMs (which
 * encrypt a zero block); a MAC is used so that the value cannot be mistaken for any ciphertext the
 * key makes.
 */
public final class KeyCheckValue {

  private KeyCheckValue() {}

  /** The check value of {@code key}, as 64 lower-case hex digits. */
  public static String of(SecretKey key) {
    return HexFormat.of().formatHex(KeyDerivation.derive(key, KeyDerivation.KEY_CHECK));
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
