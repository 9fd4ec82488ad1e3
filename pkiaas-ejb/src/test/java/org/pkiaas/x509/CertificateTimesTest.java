package org.pkiaas.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
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
    Time last = CertificateTimes.of(Instant.parse("2049-12-31T23:59:59Z"));
    assertInstanceOf(ASN1UTCTime.class, last.toASN1Primitive());
    assertEquals("491231235959Z", text(last));
    Time first = CertificateTimes.of(Instant.parse("2050-01-01T00:00:00Z"));
    assertInstanceOf(ASN1GeneralizedTime.class, first.toASN1Primitive());
    assertEquals("20500101000000Z", text(first));
    Time before = CertificateTimes.of(Instant.parse("1949-12-31T23:59:59Z"));
    assertEquals("19491231235959Z", text(before));
    assertEquals(
        Date.from(Instant.parse("2026-12-07T18:30:05Z")),
        CertificateTimes.of(Instant.parse("2026-12-07T18:30:05.999Z")).getDate());
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
