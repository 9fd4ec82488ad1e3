package org.pkiaas.hsm.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key schedule of a link session. Both ends compute, after the two signed handshake messages:
 *
 * <pre>
 * Z          = ECDH(server ephemeral, agent ephemeral)          32 bytes, P-256 x coordinate
 * transcript = SHA-256(signed offer bytes || signed accept bytes)
 * PRK        = HMAC-SHA256(key = session id (16 bytes), Z)      HKDF-Extract, RFC 5869
 * context    = transcript || SHA-256(server link certificate DER) || SHA-256(agent identity DER)
 * K(s2a)     = HKDF-Expand(PRK, "pkiaas-hsm-link/2 server to agent" || context, 32)
 * K(a2s)     = HKDF-Expand(PRK, "pkiaas-hsm-link/2 agent to server" || context, 32)
 * </pre>
 *
 * <p>so the keys are bound to the session id, both identity certificates and both signed messages.
 * The ephemeral private keys are dropped once the keys are derived.
 */
final class SessionKeys {

  private SessionKeys() {}

  static KeyPair ephemeral() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", LinkEnvelope.BC);
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot make an ephemeral P-256 key", e);
    }
  }

  /** Decodes the other end's ephemeral key; Bouncy Castle refuses points off the curve. */
  static PublicKey peerKey(byte[] subjectPublicKeyInfo) throws LinkRefusedException {
    try {
      PublicKey key =
          KeyFactory.getInstance("EC", LinkEnvelope.BC)
              .generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
      if (((ECPublicKey) key).getParams().getCurve().getField().getFieldSize() != 256) {
        throw new LinkRefusedException("Ephemeral key not on P-256");
      }
      return key;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new LinkRefusedException("Malformed ephemeral key", e);
    }
  }

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  /** The handshake as both ends saw it. */
  record Transcript(
      UUID sessionId,
      KeyId keyId,
      UUID agentId,
      byte[] offer,
      byte[] accept,
      String serverFingerprint,
      String agentFingerprint,
      Instant established,
      Instant ends) {}

  static LinkSession derive(
      LinkSession.Side side, Transcript handshake, PrivateKey mine, PublicKey theirs) {
    try {
      KeyAgreement agreement = KeyAgreement.getInstance("ECDH", LinkEnvelope.BC);
      agreement.init(mine);
      agreement.doPhase(theirs, true);
      byte[] shared = agreement.generateSecret();
      byte[] salt =
          java.nio.ByteBuffer.allocate(16)
              .putLong(handshake.sessionId().getMostSignificantBits())
              .putLong(handshake.sessionId().getLeastSignificantBits())
              .array();
      byte[] prk = hmac(salt, shared);
      byte[] context =
          concat(
              sha256(handshake.offer(), handshake.accept()),
              HexFormat.of().parseHex(handshake.serverFingerprint()),
              HexFormat.of().parseHex(handshake.agentFingerprint()));
      SecretKey toAgent = expand(prk, "pkiaas-hsm-link/2 server to agent", context);
      SecretKey toServer = expand(prk, "pkiaas-hsm-link/2 agent to server", context);
      boolean server = side == LinkSession.Side.SERVER;
      return new LinkSession(
          handshake.sessionId(),
          handshake.keyId(),
          handshake.agentId(),
          handshake.agentFingerprint(),
          side,
          server ? toAgent : toServer,
          server ? toServer : toAgent,
          handshake.established(),
          handshake.ends());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot derive the session keys", e);
    }
  }

  /** HKDF-Expand (RFC 5869, section 2.3) for one 32-byte block: T(1) = HMAC(PRK, info || 0x01). */
  private static SecretKey expand(byte[] prk, String label, byte[] context)
      throws GeneralSecurityException {
    byte[] info = concat(label.getBytes(StandardCharsets.US_ASCII), context, new byte[] {1});
    return new SecretKeySpec(hmac(prk, info), "AES");
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }
}
