package org.pkiaas.hsm.link;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a request or a response looks like on the wire once a session protects it: one record per
 * session it is sealed for (a request goes to every agent of a key through a shared subscription,
 * so it carries one record for each agent's session; a response carries one).
 *
 * <pre>
 * frame   = version (1 byte, 0x02) type (1 byte: 0x03 request, 0x04 response)
 *           count (1 byte, 1..32) record{count}
 * record  = session id (16 bytes) sequence (8 bytes, big-endian, from 1)
 *           issued at (8 bytes, big-endian, milliseconds since 1970 UTC)
 *           length (4 bytes, big-endian, 16..65536) AES-256-GCM ciphertext and 16-byte tag
 * </pre>
 *
 * @param type {@link #REQUEST} or {@link #RESPONSE}
 * @param records the records, one per session
 */
public record SessionFrame(int type, List<SessionRecord> records) {

  /** A signing request, server to agents. */
  public static final int REQUEST = 3;

  /** A signing response, agent to server. */
  public static final int RESPONSE = 4;

  static final int VERSION = 2;
  private static final int MAX_RECORDS = 32;
  private static final int MAX_CIPHERTEXT = 65_536; // a batch of RSA-4096 signatures fits

  /** Refuses unknown types and record counts outside 1..32. */
  public SessionFrame {
    if (type != REQUEST && type != RESPONSE) {
      throw new IllegalArgumentException("Unknown session frame type " + type);
    }
    records = List.copyOf(records);
    if (records.isEmpty() || records.size() > MAX_RECORDS) {
      throw new IllegalArgumentException("A session frame holds 1 to 32 records");
    }
  }

  /**
   * One session's sealed copy of a message.
   *
   * @param sessionId the session whose keys sealed it
   * @param sequence its number in that session and direction
   * @param issuedAt when the sender sealed it
   * @param ciphertext the AES-256-GCM ciphertext followed by the tag
   */
  public record SessionRecord(UUID sessionId, long sequence, Instant issuedAt, byte[] ciphertext) {

    /** Refuses nulls and keeps a copy of the ciphertext. */
    public SessionRecord {
      Objects.requireNonNull(sessionId, "sessionId");
      Objects.requireNonNull(issuedAt, "issuedAt");
      ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
      return ciphertext.clone();
    }

    /** The 32 header bytes (session id, sequence, issue time), part of the GCM AAD. */
    byte[] header() {
      return ByteBuffer.allocate(32)
          .putLong(sessionId.getMostSignificantBits())
          .putLong(sessionId.getLeastSignificantBits())
          .putLong(sequence)
          .putLong(issuedAt.toEpochMilli())
          .array();
    }
  }

  /**
   * @return the frame's bytes
   */
  public byte[] encode() {
    int size = 3;
    for (SessionRecord record : records) {
      size += 36 + record.ciphertext.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put((byte) VERSION).put((byte) type).put((byte) records.size());
    for (SessionRecord record : records) {
      out.put(record.header()).putInt(record.ciphertext.length).put(record.ciphertext);
    }
    return out.array();
  }

  /**
   * @param bytes a frame as received
   * @return the frame
   * @throws LinkRefusedException if the bytes are not a well-formed frame
   */
  public static SessionFrame decode(byte[] bytes) throws LinkRefusedException {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      if (in.get() != VERSION) {
        throw new LinkRefusedException("Unknown link frame version");
      }
      int type = in.get();
      int count = Byte.toUnsignedInt(in.get());
      List<SessionRecord> records = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        UUID id = new UUID(in.getLong(), in.getLong());
        long sequence = in.getLong();
        Instant issuedAt = Instant.ofEpochMilli(in.getLong());
        int length = in.getInt();
        if (length < 16 || length > MAX_CIPHERTEXT) {
          throw new LinkRefusedException("Link record of impossible length");
        }
        byte[] ciphertext = new byte[length];
        in.get(ciphertext);
        records.add(new SessionRecord(id, sequence, issuedAt, ciphertext));
      }
      if (in.hasRemaining()) {
        throw new LinkRefusedException("Trailing bytes after the link frame");
      }
      return new SessionFrame(type, records);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new LinkRefusedException("Malformed link frame", e);
    }
  }
}
