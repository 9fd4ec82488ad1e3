package org.pkiaas.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one way PKIaaS derives a purpose-bound key from the master key: HMAC-SHA256 of a fixed,
 * versioned label under the master key, the same on every node. It is HKDF-Expand (RFC 5869 §2.3)
 * for one output block with the label as {@code info}, without HKDF's counter octet and without the
 * extract step (the master key is already uniformly random); the exact form is kept because values
 * made with it are stored (key-check value, audit chain MACs). A different label gives an
 * independent key, so no derived key reveals the master key or another derived key.
 */
public final class KeyDerivation {

  /** The key-check value's label (its MAC is stored, never used as a key). */
  public static final String KEY_CHECK = "PKIaaS master key check, version 1";

  /** The ACME Replay-Nonce MAC key's label. */
  public static final String ACME_NONCE = "PKIaaS ACME replay nonce key v1";

  /** The audit chain MAC key's label. */
  public static final String AUDIT_CHAIN = "PKIaaS audit chain key v1";

  private static final String HMAC = "HmacSHA256";

  private KeyDerivation() {}

  /** 32 bytes derived from {@code masterKey} for the purpose {@code label} names. */
  public static byte[] derive(SecretKey masterKey, String label) {
    byte[] material = masterKey.getEncoded();
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(material, HMAC));
      return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }
}
