package org.pkiaas.ct.control;

import java.time.Instant;
import java.util.HexFormat;

/**
 * An SCT (RFC 6962 §3.2): a log's signed promise to include an entry. Only version v1 (0) exists.
 *
 * @param logId SHA-256 of the log's public key (§3.2, LogID)
 * @param timestamp milliseconds since the epoch, as the log signed it
 * @param extensions the {@code CtExtensions} bytes, empty in v1
 */
public record SignedCertificateTimestamp(
    int version, byte[] logId, long timestamp, byte[] extensions, DigitallySigned signature) {

  public static final int V1 = 0;

  public SignedCertificateTimestamp {
    if (logId.length != 32) {
      throw new CtFormatException("A log id has 32 bytes, not " + logId.length);
    }
    logId = logId.clone();
    extensions = extensions.clone();
  }

  @Override
  public byte[] logId() {
    return logId.clone();
  }

  @Override
  public byte[] extensions() {
    return extensions.clone();
  }

  public String logIdHex() {
    return HexFormat.of().formatHex(logId);
  }

  public Instant time() {
    return Instant.ofEpochMilli(timestamp);
  }

  /** The §3.3 serialisation, as one element of an SCT list. */
  public byte[] encoded() {
    return new TlsWriter()
        .uint(version, 1)
        .bytes(logId)
        .uint(timestamp, 8)
        .vector(extensions, 2)
        .bytes(signature.encoded())
        .toByteArray();
  }

  public static SignedCertificateTimestamp decode(byte[] encoded) {
    TlsReader in = new TlsReader(encoded);
    int version = (int) in.uint(1);
    if (version != V1) {
      throw new CtFormatException("Unknown SCT version " + version);
    }
    SignedCertificateTimestamp sct =
        new SignedCertificateTimestamp(
            version, in.bytes(32), in.uint(8), in.vector(2), DigitallySigned.read(in));
    in.requireEnd("The SCT");
    return sct;
  }

  /**
   * The bytes the log signed (§3.2, {@code digitally-signed struct}) for this SCT over {@code
   * entry}.
   */
  public byte[] signedData(LogEntry entry) {
    return new TlsWriter()
        .uint(version, 1)
        .uint(0, 1) // signature_type: certificate_timestamp
        .uint(timestamp, 8)
        .bytes(entry.encoded())
        .vector(extensions, 2)
        .toByteArray();
  }
}
