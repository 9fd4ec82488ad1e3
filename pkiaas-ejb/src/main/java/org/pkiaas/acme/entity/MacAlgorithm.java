package org.pkiaas.acme.entity;

import java.security.SecureRandom;
import java.util.Locale;

/** The HMAC algorithms an external account binding may use (RFC 8555 §7.3.4, RFC 7518 §3.2). */
public enum MacAlgorithm {
  HS256(32),
  HS384(48),
  HS512(64);

  private final int keyBytes;

  MacAlgorithm(int keyBytes) {
    this.keyBytes = keyBytes;
  }

  /** The key length that gives the algorithm its full strength. */
  public int keyBytes() {
    return keyBytes;
  }

  /**
   * A fresh key of {@link #keyBytes()} random bytes whose base64url text does not begin with '-':
   * the key is pasted into command lines ({@code certbot --eab-hmac-key KEY}), where a leading '-'
   * reads as an option and the client refuses to start. One key in 64 is drawn again, which costs
   * less than 0.03 bits of its entropy.
   */
  public byte[] newKey(SecureRandom random) {
    byte[] key = new byte[keyBytes];
    do {
      random.nextBytes(key);
    } while ((key[0] & 0xfc) == 0xf8); // the first six bits 62: '-' in base64url
    return key;
  }

  /** The algorithm named, or null when the name is none of them. */
  public static MacAlgorithm parse(String name) {
    if (name == null || name.isBlank()) {
      return HS256;
    }
    for (MacAlgorithm algorithm : values()) {
      if (algorithm.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
        return algorithm;
      }
    }
    return null;
  }
}
