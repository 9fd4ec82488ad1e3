package org.pkiaas.hsm.link;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names a CA key on the link: the lowercase hex SHA-256 of the key's DER {@code
 * SubjectPublicKeyInfo} (RFC 5280, section 4.1.2.7).
 *
 * <p>It depends on the key only, so it stays the same when the CA certificate is re-issued, and
 * both ends compute it without asking each other. It is safe to use in MQTT topic names.
 *
 * @param hex 64 lowercase hex digits
 */
public record KeyId(String hex) {

  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");

  /** Refuses anything but 64 lowercase hex digits. */
  public KeyId {
    Objects.requireNonNull(hex, "hex");
    if (!FORMAT.matcher(hex).matches()) {
      throw new IllegalArgumentException("A key id is 64 lowercase hex digits");
    }
  }

  /**
   * Computes the key id of a public key.
   *
   * @param key the CA's public key
   * @return its key id
   */
  public static KeyId of(PublicKey key) {
    return ofSubjectPublicKeyInfo(key.getEncoded());
  }

  /**
   * Computes the key id of a DER {@code SubjectPublicKeyInfo}.
   *
   * @param subjectPublicKeyInfo the DER encoding of the key
   * @return its key id
   */
  public static KeyId ofSubjectPublicKeyInfo(byte[] subjectPublicKeyInfo) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo);
      return new KeyId(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return hex;
  }
}
