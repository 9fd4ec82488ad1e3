package org.pkiaas.audit.control;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.pkiaas.audit.entity.AuditEvent;
import org.pkiaas.signing.KeyDerivation;

/**
 * The MACs that chain audit events: each sealed event's MAC covers every field of the event, its
 * chain, its position and the MAC of the event before it, so changing, removing or reordering a
 * sealed event breaks the chain from there on. HMAC-SHA256 under a key derived from the master key,
 * not a bare hash: whoever can write the database but does not hold the master key cannot recompute
 * the chain after an edit.
 */
public final class AuditChain {

  /** The "previous MAC" of a chain's first event. */
  public static final String GENESIS = "0".repeat(64);

  private static final String MAC = "HmacSHA256";

  private final SecretKeySpec key;

  private AuditChain(byte[] key) {
    this.key = new SecretKeySpec(key, MAC);
  }

  /**
   * The audit key of this installation, derived from the master key ({@link KeyDerivation}), the
   * same on every node.
   */
  public static AuditChain fromMasterKey(SecretKey masterKey) {
    return new AuditChain(KeyDerivation.derive(masterKey, KeyDerivation.AUDIT_CHAIN));
  }

  /** For tests: a chain keyed with these bytes. */
  public static AuditChain withKey(byte[] key) {
    return new AuditChain(key.clone());
  }

  /** What a sealed event's MAC covers. */
  public record Sealed(
      String id,
      Instant occurredAt,
      String actorId,
      String actor,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String detail,
      String tenantId,
      String caId,
      String chainId,
      long seq,
      String previousMac) {}

  /**
   * What the MAC of {@code event} covers at position {@code seq} after an event whose MAC is {@code
   * previous}.
   */
  public static Sealed content(AuditEvent event, long seq, String previous) {
    return new Sealed(
        event.id(),
        event.occurredAt(),
        event.actorId(),
        event.actor(),
        event.action(),
        event.objectType(),
        event.objectId(),
        event.outcome() == null ? null : event.outcome().name(),
        event.detail(),
        event.tenantId(),
        event.caId(),
        event.chainId(),
        seq,
        previous);
  }

  /** What the MAC of a sealed event covers, as stored. */
  public static Sealed content(AuditEvent event) {
    return content(event, event.chainSeq(), event.previousMac());
  }

  /** The MAC of an event at its place in its chain, lower-case hex. */
  public String mac(Sealed event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF("event");
      for (String field :
          new String[] {
            event.id(),
            event.actorId(),
            event.actor(),
            event.action(),
            event.objectType(),
            event.objectId(),
            event.outcome(),
            event.detail(),
            event.tenantId(),
            event.caId(),
            event.chainId(),
            event.previousMac()
          }) {
        write(out, field);
      }
      out.writeLong(event.occurredAt().toEpochMilli());
      out.writeLong(event.seq());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hex(bytes.toByteArray());
  }

  /** The MAC of a chain's head: its last position and that event's MAC. */
  public String headMac(String chainId, long lastSeq, String lastMac) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF("head");
      write(out, chainId);
      out.writeLong(lastSeq);
      write(out, lastMac);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hex(bytes.toByteArray());
  }

  /** Whether two MACs are equal, in time independent of where they differ. */
  public static boolean same(String expected, String actual) {
    return actual != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            actual.trim().getBytes(StandardCharsets.US_ASCII));
  }

  // Length-prefixed UTF-8, with absence distinct from the empty string, so no two events encode
  // alike.
  private static void write(DataOutputStream out, String field) throws IOException {
    if (field == null) {
      out.writeByte(0);
      return;
    }
    byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
    out.writeByte(1);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private String hex(byte[] data) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
