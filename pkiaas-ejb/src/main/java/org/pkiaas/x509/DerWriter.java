package org.pkiaas.x509;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Definite-length DER (X.690 §8.1, §10.1) written by hand where a general ASN.1 builder would cost
 * too much: the CRL encoder writes a million entries, the OCSP responder a response per request.
 *
 * <p>Two styles over the same octets. In place: {@link #header(byte[], int, int, long)} and {@link
 * #time(byte[], int, Instant)} write into an array the caller sized and return the next position,
 * so a loop allocates nothing. By parts: {@link #tlv(int, byte[]...)} makes one array of a tag, a
 * length and parts that are already DER, so nothing is encoded twice.
 */
public final class DerWriter {

  public static final int INTEGER = 0x02;
  public static final int BIT_STRING = 0x03;
  public static final int OCTET_STRING = 0x04;
  public static final int UTC_TIME = 0x17;
  public static final int GENERALIZED_TIME = 0x18;
  public static final int SEQUENCE = 0x30;

  /** The longest header: a tag and a length of up to eight octets. */
  public static final int MAX_HEADER = 10;

  /** The longest Time: a GeneralizedTime's tag, length and YYYYMMDDHHMMSSZ. */
  public static final int MAX_TIME = 17;

  private DerWriter() {}

  /** The TLV of {@code tag} (one octet: universal or context-specific, low tag numbers). */
  public static byte[] tlv(int tag, byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[headerLength(length) + length];
    int at = header(out, 0, tag, length);
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  /** A BIT STRING of whole octets: no unused bits (X.690 §8.6.2). */
  public static byte[] bitString(byte[] octets) {
    byte[] out = new byte[headerLength(octets.length + 1) + 1 + octets.length];
    int at = header(out, 0, BIT_STRING, octets.length + 1);
    out[at++] = 0;
    System.arraycopy(octets, 0, out, at, octets.length);
    return out;
  }

  /** Tag and length alone, for contents that follow elsewhere. */
  public static byte[] header(int tag, long length) {
    byte[] out = new byte[headerLength(length)];
    header(out, 0, tag, length);
    return out;
  }

  /**
   * Writes tag and definite length (X.690 §8.1.3) at {@code at}: short form below 128, else 0x80 +
   * the count of big-endian length octets.
   *
   * @return the position after the length octets
   */
  public static int header(byte[] out, int at, int tag, long length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative length " + length);
    }
    out[at++] = (byte) tag;
    if (length < 0x80) {
      out[at++] = (byte) length;
      return at;
    }
    int octets = lengthOctets(length);
    out[at++] = (byte) (0x80 | octets);
    for (int i = octets - 1; i >= 0; i--) {
      out[at++] = (byte) (length >>> (8 * i));
    }
    return at;
  }

  /** The octets of a tag and the definite length {@code length}. */
  public static int headerLength(long length) {
    return length < 0x80 ? 2 : 2 + lengthOctets(length);
  }

  /** RFC 5280 Time (§4.1.2.5): UTCTime through 2049, GeneralizedTime from 2050 on. */
  public static byte[] time(Instant instant) {
    LocalDateTime time = utc(instant);
    byte[] out = new byte[time.getYear() < 2050 ? 15 : MAX_TIME];
    time(out, 0, time);
    return out;
  }

  /**
   * Writes an RFC 5280 Time at {@code at}: 15 or {@value #MAX_TIME} octets.
   *
   * @return the position after it
   */
  public static int time(byte[] out, int at, Instant instant) {
    return time(out, at, utc(instant));
  }

  /**
   * A GeneralizedTime to the second in UTC, whatever the year, as RFC 5280 §4.1.2.5.2 and RFC 6960
   * write it.
   */
  public static byte[] generalizedTime(Instant instant) {
    byte[] out = new byte[MAX_TIME];
    generalizedTime(out, 0, instant);
    return out;
  }

  /**
   * Writes a GeneralizedTime ({@value #MAX_TIME} octets) at {@code at}.
   *
   * @return the position after it
   */
  public static int generalizedTime(byte[] out, int at, Instant instant) {
    out[at++] = GENERALIZED_TIME;
    out[at++] = 15;
    return digits(out, at, utc(instant), true);
  }

  private static int time(byte[] out, int at, LocalDateTime time) {
    boolean utcTime = time.getYear() < 2050;
    out[at++] = (byte) (utcTime ? UTC_TIME : GENERALIZED_TIME);
    out[at++] = (byte) (utcTime ? 13 : 15);
    return digits(out, at, time, !utcTime);
  }

  /** Fractions of a second are dropped: DER times here are to the second. */
  private static LocalDateTime utc(Instant instant) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (time.getYear() < 0 || time.getYear() > 9999) {
      throw new IllegalArgumentException("A DER time has four year digits: " + instant);
    }
    return time;
  }

  /**
   * YYMMDDHHMMSSZ, or YYYYMMDDHHMMSSZ with {@code fullYear}: written digit by digit, a million
   * times per large CRL.
   */
  private static int digits(byte[] out, int at, LocalDateTime time, boolean fullYear) {
    if (fullYear) {
      at = two(out, at, time.getYear() / 100);
    }
    at = two(out, at, time.getYear() % 100);
    at = two(out, at, time.getMonthValue());
    at = two(out, at, time.getDayOfMonth());
    at = two(out, at, time.getHour());
    at = two(out, at, time.getMinute());
    at = two(out, at, time.getSecond());
    out[at++] = 'Z';
    return at;
  }

  private static int two(byte[] out, int at, int value) {
    out[at++] = (byte) ('0' + value / 10);
    out[at++] = (byte) ('0' + value % 10);
    return at;
  }

  private static int lengthOctets(long length) {
    return (64 - Long.numberOfLeadingZeros(length) + 7) / 8;
  }
}
