package org.pkiaas.hsm.link;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.pkiaas.hsm.link.SessionFrame.SessionRecord;

/**
 * A session between the server and one agent identity, agreed by a signed ephemeral ECDH handshake
 * ({@link SessionKeys}): one AES-256-GCM key per direction, and a sequence number per direction.
 *
 * <p>Each message sealed under it is a {@link SessionRecord}. The GCM nonce is a 4-byte direction
 * label (1 server to agent, 2 agent to server) followed by the 8-byte sequence number, so no nonce
 * repeats under a key; the additional authenticated data is the ASCII label {@code
 * pkiaas-hsm-link/2}, the frame type byte and the record's 32 header bytes (session id, sequence,
 * issue time). A receiver refuses a record that does not authenticate, whose sequence number is not
 * above the last one it accepted (a replay or a reordering), that was issued more than the allowed
 * age before or after its clock, or that comes after the session's end: {@link #MAX_LIFETIME},
 * {@link #MAX_MESSAGES} in a direction, or the end of the agent identity it is bound to.
 *
 * <p>Each direction keeps one {@link Cipher}, made with the session, and initialises it again for
 * every record with that record's nonce: the provider is looked up and the AES key schedule
 * expanded once per session instead of once per record. {@link #seal} and {@link #open} are
 * synchronized, so a cipher is never used by two threads; a nonce is never used twice for sealing
 * because the sequence number is taken before the cipher is initialised (the JDK's GCM also refuses
 * to encrypt twice under one key and nonce), and a record that fails to authenticate leaves the
 * receiving cipher to be initialised afresh by the next record.
 */
public final class LinkSession {

  /** The longest a session lasts. */
  public static final Duration MAX_LIFETIME = Duration.ofHours(1);

  /** The most messages a session carries in each direction. */
  public static final long MAX_MESSAGES = 1L << 20;

  private static final byte[] LABEL = "pkiaas-hsm-link/2".getBytes(StandardCharsets.US_ASCII);
  private static final int SERVER_TO_AGENT = 1;
  private static final int AGENT_TO_SERVER = 2;

  /** Which end holds this session object. */
  public enum Side {
    SERVER,
    AGENT
  }

  private final UUID id;
  private final KeyId keyId;
  private final UUID agentId;
  private final String agentIdentity;
  private final Side side;
  private final SecretKey sendKey;
  private final SecretKey receiveKey;
  private final Cipher sendCipher;
  private final Cipher receiveCipher;
  private final Instant established;
  private final Instant ends;
  private long sent;
  private long received;

  LinkSession(
      UUID id,
      KeyId keyId,
      UUID agentId,
      String agentIdentity,
      Side side,
      SecretKey sendKey,
      SecretKey receiveKey,
      Instant established,
      Instant ends) {
    this.id = Objects.requireNonNull(id, "id");
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.agentId = Objects.requireNonNull(agentId, "agentId");
    this.agentIdentity = Objects.requireNonNull(agentIdentity, "agentIdentity");
    this.side = side;
    this.sendKey = sendKey;
    this.receiveKey = receiveKey;
    this.sendCipher = newCipher();
    this.receiveCipher = newCipher();
    this.established = established;
    this.ends = ends;
  }

  /**
   * @return the session id, chosen by the server in its offer
   */
  public UUID id() {
    return id;
  }

  /**
   * @return the CA key the session is about
   */
  public KeyId keyId() {
    return keyId;
  }

  /**
   * @return the agent's lasting id, from its identity certificate
   */
  public UUID agentId() {
    return agentId;
  }

  /**
   * @return the SHA-256 fingerprint of the agent identity certificate the session is bound to
   */
  public String agentIdentity() {
    return agentIdentity;
  }

  /**
   * @return when the session ends at the latest
   */
  public Instant ends() {
    return ends;
  }

  /**
   * Whether the session should be replaced: past three quarters of its life or of its messages.
   *
   * @param now the current time
   * @return {@code true} if a new handshake is due
   */
  public synchronized boolean renewalDue(Instant now) {
    Duration life = Duration.between(established, ends);
    return now.isAfter(established.plus(life.multipliedBy(3).dividedBy(4)))
        || sent > MAX_MESSAGES * 3 / 4
        || received > MAX_MESSAGES * 3 / 4;
  }

  /**
   * Whether a message sealed now can still be answered within the session: it has {@code margin} of
   * life left and messages to spare.
   *
   * @param now the current time
   * @param margin how long before its end a session stops taking new requests
   * @return {@code true} if the session can carry a request
   */
  public synchronized boolean usable(Instant now, Duration margin) {
    return now.plus(margin).isBefore(ends) && sent < MAX_MESSAGES - 1;
  }

  /**
   * Seals a message with the next sequence number. Callers that need the receiver to see records in
   * sequence order must publish them in the order they sealed them.
   *
   * @param type {@link SessionFrame#REQUEST} or {@link SessionFrame#RESPONSE}
   * @param message the message; its issue time goes into the record header
   * @return the record
   * @throws LinkRefusedException if the session has ended
   */
  public synchronized SessionRecord seal(int type, LinkMessage message)
      throws LinkRefusedException {
    if (!message.issuedAt().isBefore(ends) || sent >= MAX_MESSAGES) {
      throw new LinkRefusedException("Link session ended");
    }
    long sequence = ++sent;
    SessionRecord header = new SessionRecord(id, sequence, message.issuedAt(), new byte[0]);
    byte[] ciphertext =
        crypt(
            sendCipher,
            Cipher.ENCRYPT_MODE,
            sendKey,
            side == Side.SERVER ? SERVER_TO_AGENT : AGENT_TO_SERVER,
            type,
            header,
            LinkMessageCodec.encode(message));
    return new SessionRecord(id, sequence, message.issuedAt(), ciphertext);
  }

  /**
   * Opens a record of this session.
   *
   * @param type the type of the frame the record came in
   * @param record the record
   * @param now the receiver's clock
   * @param maxAge how far the record's issue time may be from {@code now}
   * @return the message
   * @throws LinkRefusedException if it does not authenticate, is replayed, reordered, stale, from
   *     the future, or the session has ended
   */
  public synchronized LinkMessage open(int type, SessionRecord record, Instant now, Duration maxAge)
      throws LinkRefusedException {
    if (!record.sessionId().equals(id)) {
      throw new LinkRefusedException("Link record of another session");
    }
    if (!now.isBefore(ends)) {
      throw new LinkRefusedException("Link session ended");
    }
    byte[] plaintext;
    try {
      plaintext =
          crypt(
              receiveCipher,
              Cipher.DECRYPT_MODE,
              receiveKey,
              side == Side.SERVER ? AGENT_TO_SERVER : SERVER_TO_AGENT,
              type,
              record,
              record.ciphertext());
    } catch (IllegalStateException e) {
      throw new LinkRefusedException("Link record does not authenticate", e);
    }
    if (record.sequence() <= received) {
      throw new LinkRefusedException("Replayed or reordered link message");
    }
    if (record.sequence() > MAX_MESSAGES) {
      throw new LinkRefusedException("Link session ended");
    }
    if (record.issuedAt().isBefore(now.minus(maxAge))) {
      throw new LinkRefusedException("Stale link message");
    }
    if (record.issuedAt().isAfter(now.plus(maxAge))) {
      throw new LinkRefusedException("Link message issued in the future");
    }
    LinkMessage message = LinkMessageCodec.decode(plaintext);
    if (!message.issuedAt().equals(record.issuedAt())) {
      throw new LinkRefusedException("Link record header and message disagree");
    }
    received = record.sequence();
    return message;
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  // Called only under the session's lock: the cipher is this session's, for one direction.
  private static byte[] crypt(
      Cipher cipher,
      int mode,
      SecretKey key,
      int direction,
      int type,
      SessionRecord record,
      byte[] input) {
    byte[] nonce = ByteBuffer.allocate(12).putInt(direction).putLong(record.sequence()).array();
    try {
      cipher.init(mode, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(LABEL);
      cipher.updateAAD(new byte[] {(byte) type});
      cipher.updateAAD(record.header());
      return cipher.doFinal(input);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("Tag mismatch", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable or misused", e);
    }
  }
}
