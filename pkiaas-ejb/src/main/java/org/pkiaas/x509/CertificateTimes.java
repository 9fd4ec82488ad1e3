package org.pkiaas.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x509.Time;

/**
 * The times of a certificate's validity, encoded as RFC 5280 §4.1.2.5 requires: UTCTime for the
 * years 1950 to 2049, GeneralizedTime otherwise, both in UTC ({@code Z}), with seconds and no
 * fraction.
 *
 * <p>Bouncy Castle's {@code Time(Date)} gives the same encoding (for years from 1583 on: its {@code
 * SimpleDateFormat} counts earlier ones in the Julian calendar) but makes two formatters for every
 * time; the issuance path builds one certificate per request, so the text is formatted here with
 * one shared, thread-safe formatter and wrapped as DER directly.
 */
public final class CertificateTimes {

  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private CertificateTimes() {}

  /** {@code instant}, to the second, as a certificate's notBefore or notAfter. */
  public static Time of(Instant instant) {
    if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
      throw new IllegalArgumentException("A certificate time must fall in the years 1 to 9999");
    }
    int year = instant.atOffset(ZoneOffset.UTC).getYear();
    boolean utcTime = year >= 1950 && year <= 2049;
    // the patterns have no fraction: a time is written to the second it falls in
    String text = (utcTime ? UTC_TIME : GENERALIZED_TIME).format(instant);
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
