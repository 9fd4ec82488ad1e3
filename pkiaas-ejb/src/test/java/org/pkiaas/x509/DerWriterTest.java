package org.pkiaas.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.api.Test;

/** The hand-written DER against X.690's examples and Bouncy Castle's encoder. */
class DerWriterTest {

  private static byte[] bytes(int... octets) {
    byte[] out = new byte[octets.length];
    for (int i = 0; i < octets.length; i++) {
      out[i] = (byte) octets[i];
    }
    return out;
  }

  @Test
  void writesTheShortestLengthOctets() {
    // X.690 §8.1.3: short form to 127, then 0x80 + the number of big-endian octets
    assertArrayEquals(bytes(0x30, 0x00), DerWriter.header(DerWriter.SEQUENCE, 0));
    assertArrayEquals(bytes(0x04, 0x7f), DerWriter.header(DerWriter.OCTET_STRING, 127));
    assertArrayEquals(bytes(0x04, 0x81, 0x80), DerWriter.header(DerWriter.OCTET_STRING, 128));
    assertArrayEquals(bytes(0x30, 0x81, 0xff), DerWriter.header(DerWriter.SEQUENCE, 255));
    assertArrayEquals(bytes(0x30, 0x82, 0x01, 0x00), DerWriter.header(DerWriter.SEQUENCE, 256));
    assertArrayEquals(bytes(0x30, 0x82, 0xff, 0xff), DerWriter.header(DerWriter.SEQUENCE, 65_535));
    assertArrayEquals(
        bytes(0x30, 0x83, 0x01, 0x00, 0x00), DerWriter.header(DerWriter.SEQUENCE, 65_536));
    assertArrayEquals(
        bytes(0x30, 0x84, 0x7f, 0xff, 0xff, 0xff),
        DerWriter.header(DerWriter.SEQUENCE, Integer.MAX_VALUE));
    assertArrayEquals(
        bytes(0x30, 0x85, 0x01, 0x00, 0x00, 0x00, 0x00),
        DerWriter.header(DerWriter.SEQUENCE, 1L << 32));
    assertThrows(IllegalArgumentException.class, () -> DerWriter.header(DerWriter.SEQUENCE, -1));
  }

  @Test
  void headerLengthIsWhatHeaderWrites() {
    for (long length : new long[] {0, 1, 127, 128, 255, 256, 65_535, 65_536, 1L << 24, 1L << 40}) {
      assertEquals(
          DerWriter.header(DerWriter.SEQUENCE, length).length,
          DerWriter.headerLength(length),
          "length " + length);
    }
  }

  @Test
  void writesInPlaceAfterWhatIsThere() {
    byte[] out = new byte[DerWriter.MAX_HEADER + 2];
    out[0] = 0x55;
    int at = DerWriter.header(out, 1, DerWriter.OCTET_STRING, 300);
    assertEquals(5, at);
    assertArrayEquals(bytes(0x55, 0x04, 0x82, 0x01, 0x2c, 0), Arrays.copyOf(out, 6));
  }

  @Test
  void tlvAndBitStringAreWhatBouncyCastleEncodes() throws Exception {
    byte[] big = new byte[300];
    big[299] = 7;
    byte[] octets = DerWriter.tlv(DerWriter.OCTET_STRING, big);
    assertArrayEquals(new DEROctetString(big).getEncoded(ASN1Encoding.DER), octets);
    assertArrayEquals(
        new DERSequence(new DEROctetString(big)).getEncoded(ASN1Encoding.DER),
        DerWriter.tlv(DerWriter.SEQUENCE, octets));
    // parts one after the other: OCTET STRING, nothing, NULL
    byte[] parts = DerWriter.tlv(DerWriter.SEQUENCE, octets, new byte[0], bytes(0x05, 0x00));
    assertArrayEquals(bytes(0x30, 0x82, 0x01, 0x32), Arrays.copyOf(parts, 4));
    assertArrayEquals(bytes(0x05, 0x00), Arrays.copyOfRange(parts, parts.length - 2, parts.length));
    assertArrayEquals(new DERBitString(big).getEncoded(ASN1Encoding.DER), DerWriter.bitString(big));
    assertArrayEquals(bytes(0x03, 0x01, 0x00), DerWriter.bitString(new byte[0]));
  }

  @Test
  void writesUtcTimeThrough2049AndGeneralizedTimeFrom2050() throws Exception {
    // RFC 5280 §4.1.2.5: the same choice Bouncy Castle's Time makes
    for (String at :
        new String[] {
          "1999-12-31T23:59:59Z",
          "2026-11-27T10:00:00Z",
          "2049-12-31T23:59:59Z",
          "2050-01-01T00:00:00Z",
          "9999-12-31T23:59:59Z"
        }) {
      Instant instant = Instant.parse(at);
      byte[] expected = new Time(Date.from(instant)).getEncoded(ASN1Encoding.DER);
      assertArrayEquals(expected, DerWriter.time(instant), at);
      byte[] out = new byte[DerWriter.MAX_TIME + 3];
      assertEquals(3 + expected.length, DerWriter.time(out, 3, instant), at);
      assertArrayEquals(expected, Arrays.copyOfRange(out, 3, 3 + expected.length), at);
    }
    assertArrayEquals(
        bytes(0x17, 13, '4', '9', '1', '2', '3', '1', '2', '3', '5', '9', '5', '9', 'Z'),
        DerWriter.time(Instant.parse("2049-12-31T23:59:59Z")));
  }

  @Test
  void writesGeneralizedTimeToTheSecondWhateverTheYear() throws Exception {
    for (String at :
        new String[] {"2026-12-01T10:00:00.999Z", "1970-01-01T00:00:00Z", "2051-06-30T12:34:56Z"}) {
      Instant instant = Instant.parse(at);
      byte[] expected =
          new ASN1GeneralizedTime(Date.from(instant.truncatedTo(ChronoUnit.SECONDS)))
              .getEncoded(ASN1Encoding.DER);
      assertArrayEquals(expected, DerWriter.generalizedTime(instant), at);
      byte[] out = new byte[DerWriter.MAX_TIME + 1];
      assertEquals(1 + DerWriter.MAX_TIME, DerWriter.generalizedTime(out, 1, instant), at);
    }
    assertArrayEquals(
        bytes(0x18, 15, '2', '0', '2', '6', '1', '2', '0', '1', '1', '0', '0', '0', '0', '0', 'Z'),
        DerWriter.generalizedTime(Instant.parse("2026-12-01T10:00:00.5Z")));
  }

  @Test
  void refusesYearsThatDoNotFitFourDigits() {
    Instant tooLate = Instant.parse("+10000-01-01T00:00:00Z");
    assertThrows(IllegalArgumentException.class, () -> DerWriter.generalizedTime(tooLate));
    assertThrows(IllegalArgumentException.class, () -> DerWriter.time(tooLate));
  }
}
