package org.pkiaas.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x509.Time;

/**
 * The times of a certificate's validity, encoded as RFC 5280 §4.1.2.5 requires: UTCTime through the
 * year 2049, GeneralizedTime from 2050 on, both in UTC ({@code Z}), with seconds and no fraction.
 *
 * <p>Bouncy Castle's {@code Time(Date)} gives the same encoding but makes two {@code
 * SimpleDateFormat}s for every time; the issuance path builds one certificate per request, so the
 * text is formatted here with one shared, thread-safe formatter and wrapped as DER directly.
 */
public final class CertificateTimes {

  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private CertificateTimes() {}

  /** {@code instant}, to the second, as a certificate's notBefore or notAfter. */
  public static Time of(Instant instant) {
    Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
    int year = seconds.atOffset(ZoneOffset.UTC).getYear();
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("A certificate time must fall in the years 1 to 9999");
    }
    boolean utcTime = year >= 1950 && year <= 2049;
    String text = (utcTime ? UTC_TIME : GENERALIZED_TIME).format(seconds);
    byte[] der = new byte[2 + text.length()];
    der[0] = (byte) (utcTime ? BERTags.UTC_TIME : BERTags.GENERALIZED_TIME);
    der[1] = (byte) text.length();
    for (int i = 0; i < text.length(); i++) {
      der[2 + i] = (byte) text.charAt(i);
    }
    try {
      return new Time(ASN1Primitive.fromByteArray(der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
