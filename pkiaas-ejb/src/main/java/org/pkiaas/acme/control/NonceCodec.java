package org.pkiaas.acme.control;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.pkiaas.random.Randomness;
import org.pkiaas.signing.KeyDerivation;

/**
 * The Replay-Nonce format (RFC 8555 §6.5): base64url of its expiry (8 bytes, epoch seconds), 16
 * random bytes, and the first 16 bytes of HMAC-SHA256 over both. Any node holding the key tells a
 * nonce it made from a forged or altered one, and when it expires, without a database; whether it
 * was used already is the caller's business.
 */
public final class NonceCodec {

  private static final int TIME = 8;
  private static final int RANDOM = 16;
  private static final int TAG = 16;
  private static final int LENGTH = TIME + RANDOM + TAG;
  private static final String MAC = "HmacSHA256";

  private final SecretKeySpec key;

  private NonceCodec(byte[] key) {
    this.key = new SecretKeySpec(key, MAC);
  }

  /**
   * The nonce key of this installation, derived from the master key ({@link KeyDerivation}), the
   * same on every node.
   */
  public static NonceCodec fromMasterKey(SecretKey masterKey) {
    return new NonceCodec(KeyDerivation.derive(masterKey, KeyDerivation.ACME_NONCE));
  }

  /** For tests: a codec with this key. */
  static NonceCodec withKey(byte[] key) {
    return new NonceCodec(key.clone());
  }

  /** A new nonce that expires at {@code expires}. */
  public String issue(Instant expires) {
    ByteBuffer nonce = ByteBuffer.allocate(LENGTH);
    nonce.putLong(expires.getEpochSecond());
    byte[] random = new byte[RANDOM];
    Randomness.current().nextBytes(random);
    nonce.put(random);
    nonce.put(tag(nonce.array()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
  }

  /**
   * When a nonce made with this key expires; null when it is not such a nonce or expired before
   * {@code now}.
   */
  public Instant expiry(String nonce, Instant now) {
    if (nonce == null || nonce.length() != (LENGTH * 4 + 2) / 3) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (bytes.length != LENGTH
        || !MessageDigest.isEqual(tag(bytes), Arrays.copyOfRange(bytes, TIME + RANDOM, LENGTH))) {
      return null;
    }
    Instant expires = Instant.ofEpochSecond(ByteBuffer.wrap(bytes).getLong());
    return now.isBefore(expires) ? expires : null;
  }

  private byte[] tag(byte[] nonce) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      mac.update(nonce, 0, TIME + RANDOM);
      return Arrays.copyOf(mac.doFinal(), TAG);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
