package org.pkiaas.ocsp.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Definite-length DER (X.690 §8.1, §10.1) written from parts that are already DER, for the OCSP
 * response: a TLV's value is its parts one after the other, so nothing is encoded twice.
 */
final class DerWriter {

  static final int OCTET_STRING = 0x04;
  static final int GENERALIZED_TIME = 0x18;
  static final int SEQUENCE = 0x30;
  private static final int BIT_STRING = 0x03;

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private DerWriter() {}

  /** A GeneralizedTime to the second, in UTC, as RFC 5280 §4.1.2.5.2 writes it. */
  static byte[] generalizedTime(Instant time) {
    return tlv(
        GENERALIZED_TIME,
        SECONDS.format(time.truncatedTo(ChronoUnit.SECONDS)).getBytes(StandardCharsets.US_ASCII));
  }

  /** The TLV of {@code tag} (one octet: universal or context-specific, low tag numbers). */
  static byte[] tlv(int tag, byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    int header = 1 + lengthOctets(length);
    byte[] out = new byte[header + length];
    out[0] = (byte) tag;
    writeLength(out, 1, length);
    int at = header;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  /** A BIT STRING of whole octets: no unused bits (X.690 §8.6.2). */
  static byte[] bitString(byte[] octets) {
    return tlv(BIT_STRING, new byte[] {0}, octets);
  }

  /** Short form below 128, else 0x80 + the count of big-endian length octets (X.690 §8.1.3). */
  private static int lengthOctets(int length) {
    if (length < 0x80) {
      return 1;
    }
    int octets = 1;
    for (int rest = length; rest > 0; rest >>>= 8) {
      octets++;
    }
    return octets;
  }

  private static void writeLength(byte[] out, int at, int length) {
    int octets = lengthOctets(length);
    if (octets == 1) {
      out[at] = (byte) length;
      return;
    }
    out[at] = (byte) (0x80 | (octets - 1));
    for (int i = octets - 1; i >= 1; i--) {
      out[at + i] = (byte) length;
      length >>>= 8;
    }
  }
}
