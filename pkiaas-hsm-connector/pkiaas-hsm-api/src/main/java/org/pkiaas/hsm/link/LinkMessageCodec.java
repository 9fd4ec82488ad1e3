package org.pkiaas.hsm.link;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pkiaas.hsm.link.LinkMessage.BatchItem;
import org.pkiaas.hsm.link.LinkMessage.Body;
import org.pkiaas.hsm.link.LinkMessage.Presence;
import org.pkiaas.hsm.link.LinkMessage.SessionAccept;
import org.pkiaas.hsm.link.LinkMessage.SessionOffer;
import org.pkiaas.hsm.link.LinkMessage.SignBatch;
import org.pkiaas.hsm.link.LinkMessage.SignBatchResponse;
import org.pkiaas.hsm.link.LinkMessage.SignRequest;
import org.pkiaas.hsm.link.LinkMessage.SignResponse;

/**
 * Turns a {@link LinkMessage} into the bytes that are signed (the CMS {@code eContent}, RFC 5652,
 * section 5.2) or sealed in a {@link LinkSession}, and back.
 *
 * <p>The format is a version byte, the header fields, a body tag and the body's fields; byte arrays
 * and strings are length-prefixed. Decoding refuses unknown versions and tags, oversized fields and
 * trailing bytes. Batches (tags 6 and 7, added after 1 to 5 in the same version: a decoder that
 * predates them refuses them as unknown bodies) are a count byte (1 to {@value
 * LinkMessage#MAX_BATCH}) followed by that many requests, each with its id, or responses.
 */
public final class LinkMessageCodec {

  private static final int VERSION = 1;
  private static final int MAX_FIELD = 16 * 1024;
  private static final int SIGN_REQUEST = 1;
  private static final int SIGN_RESPONSE = 2;
  private static final int PRESENCE = 3;
  private static final int SESSION_OFFER = 4;
  private static final int SESSION_ACCEPT = 5;
  private static final int SIGN_BATCH = 6;
  private static final int SIGN_BATCH_RESPONSE = 7;

  private LinkMessageCodec() {}

  /**
   * @param message the message
   * @return its encoding
   */
  public static byte[] encode(LinkMessage message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writeUuid(out, message.messageId());
      out.writeLong(message.issuedAt().toEpochMilli());
      out.writeUTF(message.keyId().hex());
      out.writeUTF(message.recipient());
      writeBody(out, message.body());
    } catch (IOException e) {
      throw new IllegalStateException("Writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * @param encoded an encoding made by {@link #encode}
   * @return the message
   * @throws LinkRefusedException if the bytes are not a well-formed message
   */
  public static LinkMessage decode(byte[] encoded) throws LinkRefusedException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      if (in.readUnsignedByte() != VERSION) {
        throw new LinkRefusedException("Unknown link message version");
      }
      UUID id = readUuid(in);
      Instant issuedAt = Instant.ofEpochMilli(in.readLong());
      KeyId keyId = new KeyId(in.readUTF());
      String recipient = in.readUTF();
      Body body = readBody(in);
      if (in.read() != -1) {
        throw new LinkRefusedException("Trailing bytes after the link message");
      }
      return new LinkMessage(id, issuedAt, keyId, recipient, body);
    } catch (IOException | IllegalArgumentException e) {
      throw new LinkRefusedException("Malformed link message", e);
    }
  }

  private static void writeBody(DataOutputStream out, Body body) throws IOException {
    if (body instanceof SignRequest request) {
      out.writeByte(SIGN_REQUEST);
      out.writeUTF(request.scheme().name());
      writeBytes(out, request.digest());
    } else if (body instanceof SignResponse response) {
      out.writeByte(SIGN_RESPONSE);
      writeUuid(out, response.inReplyTo());
      writeBytes(out, response.signature());
      out.writeUTF(response.failure());
    } else if (body instanceof SignBatch batch) {
      out.writeByte(SIGN_BATCH);
      out.writeByte(batch.items().size());
      for (BatchItem item : batch.items()) {
        writeUuid(out, item.id());
        out.writeUTF(item.request().scheme().name());
        writeBytes(out, item.request().digest());
      }
    } else if (body instanceof SignBatchResponse batch) {
      out.writeByte(SIGN_BATCH_RESPONSE);
      out.writeByte(batch.responses().size());
      for (SignResponse response : batch.responses()) {
        writeUuid(out, response.inReplyTo());
        writeBytes(out, response.signature());
        out.writeUTF(response.failure());
      }
    } else if (body instanceof Presence presence) {
      out.writeByte(PRESENCE);
      writeUuid(out, presence.agentId());
      out.writeBoolean(presence.online());
      writeBytes(out, presence.caPublicKey());
    } else if (body instanceof SessionOffer offer) {
      out.writeByte(SESSION_OFFER);
      writeBytes(out, offer.ephemeralKey());
    } else if (body instanceof SessionAccept accept) {
      out.writeByte(SESSION_ACCEPT);
      writeUuid(out, accept.sessionId());
      writeBytes(out, accept.offerDigest());
      writeBytes(out, accept.ephemeralKey());
    }
  }

  private static Body readBody(DataInputStream in) throws IOException, LinkRefusedException {
    int tag = in.readUnsignedByte();
    return switch (tag) {
      case SIGN_REQUEST -> new SignRequest(SignatureScheme.valueOf(in.readUTF()), readBytes(in));
      case SIGN_RESPONSE -> readResponse(in);
      case SIGN_BATCH -> readBatch(in);
      case SIGN_BATCH_RESPONSE -> readBatchResponse(in);
      case PRESENCE -> new Presence(readUuid(in), in.readBoolean(), readBytes(in));
      case SESSION_OFFER -> new SessionOffer(readBytes(in));
      case SESSION_ACCEPT -> new SessionAccept(readUuid(in), readBytes(in), readBytes(in));
      default -> throw new LinkRefusedException("Unknown link message body " + tag);
    };
  }

  private static SignResponse readResponse(DataInputStream in)
      throws IOException, LinkRefusedException {
    return new SignResponse(readUuid(in), readBytes(in), in.readUTF());
  }

  private static SignBatch readBatch(DataInputStream in) throws IOException, LinkRefusedException {
    int count = batchCount(in);
    List<BatchItem> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      UUID id = readUuid(in);
      items.add(
          new BatchItem(id, new SignRequest(SignatureScheme.valueOf(in.readUTF()), readBytes(in))));
    }
    return new SignBatch(items);
  }

  private static SignBatchResponse readBatchResponse(DataInputStream in)
      throws IOException, LinkRefusedException {
    int count = batchCount(in);
    List<SignResponse> responses = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      responses.add(readResponse(in));
    }
    return new SignBatchResponse(responses);
  }

  private static int batchCount(DataInputStream in) throws IOException, LinkRefusedException {
    int count = in.readUnsignedByte();
    if (count < 1 || count > LinkMessage.MAX_BATCH) {
      throw new LinkRefusedException("Link batch of impossible size");
    }
    return count;
  }

  private static void writeUuid(DataOutputStream out, UUID id) throws IOException {
    out.writeLong(id.getMostSignificantBits());
    out.writeLong(id.getLeastSignificantBits());
  }

  private static UUID readUuid(DataInputStream in) throws IOException {
    return new UUID(in.readLong(), in.readLong());
  }

  private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException, LinkRefusedException {
    int length = in.readInt();
    if (length < 0 || length > MAX_FIELD) {
      throw new LinkRefusedException("Link message field too long");
    }
    byte[] value = in.readNBytes(length);
    if (value.length != length) {
      throw new LinkRefusedException("Truncated link message");
    }
    return value;
  }
}
