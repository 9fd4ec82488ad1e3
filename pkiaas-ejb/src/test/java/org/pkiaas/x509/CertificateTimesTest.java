package org.pkiaas.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.api.Test;

class CertificateTimesTest {

  @Test
  void yearsThrough2049AreUtcTimeAndLaterOnesGeneralizedTime() throws Exception {
    assertEncoded("2049-12-31T23:59:59Z", ASN1UTCTime.class, "491231235959Z");
    assertEncoded("2050-01-01T00:00:00Z", ASN1GeneralizedTime.class, "20500101000000Z");
    assertEncoded("1949-12-31T23:59:59Z", ASN1GeneralizedTime.class, "19491231235959Z");
    assertEncoded("1950-01-01T00:00:00Z", ASN1UTCTime.class, "500101000000Z");
    assertEquals(
        Date.from(Instant.parse("2026-12-07T18:30:05Z")),
        CertificateTimes.of(Instant.parse("2026-12-07T18:30:05.999Z")).getDate());
  }

  /** {@code instant} encoded as a {@code type} whose text is {@code text}. */
  private static void assertEncoded(String instant, Class<?> type, String text) throws Exception {
    Time time = CertificateTimes.of(Instant.parse(instant));
    assertInstanceOf(type, time.toASN1Primitive(), instant);
    assertEquals(text, text(time), instant);
  }

  /** The time's text as encoded: the DER contents after tag and length. */
  private static String text(Time time) throws Exception {
    byte[] der = time.getEncoded("DER");
    return new String(der, 2, der[1], StandardCharsets.US_ASCII);
  }

  @Test
  void yearsDerCannotHoldAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CertificateTimes.of(Instant.parse("+10000-01-01T00:00:00Z")));
    assertThrows(IllegalArgumentException.class, () -> CertificateTimes.of(Instant.MAX));
    assertThrows(
        IllegalArgumentException.class,
        () -> CertificateTimes.of(Instant.parse("0000-12-31T23:59:59Z")));
  }

  @Test
  void theEdgesEncodeAsBouncyCastleDoes() throws Exception {
    for (String edge :
        List.of(
            "1949-12-31T23:59:59.999Z",
            "1950-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2000-02-29T12:00:00.5Z",
            "2049-12-31T23:59:59Z",
            "2050-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z")) {
      Instant instant = Instant.parse(edge);
      assertArrayEquals(
          new Time(Date.from(instant)).getEncoded("DER"),
          CertificateTimes.of(instant).getEncoded("DER"),
          edge);
    }
  }

  /** The same DER as Bouncy Castle's {@code Time(Date)}, from 1900 to 2200, to the second. */
  @Property(tries = 2000)
  void encodesAsBouncyCastleDoes(
      @ForAll @LongRange(min = -2_208_988_800L, max = 7_258_118_399L) long epochSecond)
      throws Exception {
    Instant instant = Instant.ofEpochSecond(epochSecond);
    assertArrayEquals(
        new Time(Date.from(instant)).getEncoded("DER"),
        CertificateTimes.of(instant).getEncoded("DER"),
        instant.toString());
  }
}
