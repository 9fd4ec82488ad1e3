package org.pkiaas.tenant.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, deliberately slow password hashes: PBKDF2-HMAC-SHA512 with 210,000 iterations (the OWASP
 * password storage recommendation) and a 16-byte random salt. The stored form names the algorithm
 * and iteration count, {@code pbkdf2-sha512$210000$salt$hash}, so the cost can be raised later
 * without invalidating old hashes.
 */
public final class PasswordHasher {

  private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
  private static final String SCHEME = "pbkdf2-sha512";
  static final int ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 512;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Verified against when the account does not exist, so timing does not reveal usernames. */
  private static final String DUMMY = hash("not-a-password");

  private PasswordHasher() {}

  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] derived = derive(password, salt, ITERATIONS);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + ITERATIONS
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(derived);
  }

  /**
   * Checks {@code password} against a stored hash in constant time; {@code null} stored burns the
   * same time.
   */
  public static boolean verify(String password, String stored) {
    String[] parts = (stored == null ? DUMMY : stored).split("\\$");
    if (parts.length != 4 || !SCHEME.equals(parts[0])) {
      return false;
    }
    try {
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      byte[] actual = derive(password, salt, Integer.parseInt(parts[1]));
      return MessageDigest.isEqual(expected, actual) && stored != null;
    } catch (IllegalArgumentException corrupt) {
      return false;
    }
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is not available", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** SHA-256 hex of a high-entropy secret such as an API token. */
  public static String sha256Hex(String secret) {
    return org.pkiaas.signing.Fingerprints.sha256Hex(secret.getBytes(StandardCharsets.UTF_8));
  }
}
