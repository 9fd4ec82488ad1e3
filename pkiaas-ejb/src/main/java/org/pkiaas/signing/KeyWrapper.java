package org.pkiaas.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Encrypts private keys at rest: PKCS#8 under AES-256-GCM with the {@link MasterKey}, bound by the
 * GCM additional data to the object that owns the key, so a wrapped key copied to another row does
 * not decrypt. Layout: version (1) | IV (12) | ciphertext and tag.
 */
@ApplicationScoped
public class KeyWrapper {

  private static final byte VERSION = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final SecureRandom random = new SecureRandom();

  @Inject MasterKey masterKey;

  /** Wraps the key's PKCS#8 encoding; the plaintext copy is wiped before this returns. */
  public byte[] wrap(PrivateKey key, String owner) {
    byte[] pkcs8 = key.getEncoded();
    try {
      return seal(pkcs8, owner);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  /**
   * Encrypts any secret (an ACME EAB's HMAC key, say) the way private keys are, bound to {@code
   * owner}.
   */
  public byte[] seal(byte[] secret, String owner) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, masterKey.key(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(secret);
      return ByteBuffer.allocate(1 + IV_BYTES + sealed.length)
          .put(VERSION)
          .put(iv)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A secret could not be wrapped", e);
    }
  }

  public PrivateKey unwrap(byte[] wrapped, String owner) {
    byte[] pkcs8 = open(wrapped, owner);
    try {
      return new JcaPEMKeyConverter()
          .setProvider(BouncyCastle.PROVIDER)
          .getPrivateKey(PrivateKeyInfo.getInstance(pkcs8));
    } catch (IOException e) {
      throw new IllegalStateException("The private key of " + owner + " cannot be read");
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  /** The secret {@link #seal} encrypted for {@code owner}. */
  public byte[] open(byte[] wrapped, String owner) {
    if (wrapped.length < 1 + IV_BYTES + TAG_BITS / 8 || wrapped[0] != VERSION) {
      throw new IllegalStateException("The wrapped key of " + owner + " has an unknown format");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          masterKey.key(),
          new GCMParameterSpec(TAG_BITS, wrapped, 1, IV_BYTES));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(wrapped, 1 + IV_BYTES, wrapped.length - 1 - IV_BYTES);
    } catch (GeneralSecurityException e) {
      // Deliberately no cause detail: a wrong master key must not produce key-revealing messages.
      throw new IllegalStateException(
          "The private key of " + owner + " cannot be unwrapped: is this the right master key?");
    }
  }
}
