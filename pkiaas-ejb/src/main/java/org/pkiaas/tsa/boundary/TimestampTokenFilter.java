package org.pkiaas.tsa.boundary;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.pkiaas.problem.InvalidInputException;

/**
 * Which of a CA's recorded time stamps to list: those over one hash (the message imprint, hex, as
 * {@code openssl ts -reply -text} prints it), granted at or after {@code from} and before {@code
 * to}. Each part may be null.
 */
public record TimestampTokenFilter(String imprint, Instant from, Instant to) {

  /** The longest imprint stamped: SHA-512 or SHA3-512, 64 bytes. */
  static final int MAX_IMPRINT_BYTES = 64;

  public TimestampTokenFilter {
    if (imprint != null) {
      String hex = imprint.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT);
      if (hex.isEmpty()) {
        hex = null;
      } else if (hex.length() % 2 != 0
          || hex.length() > 2 * MAX_IMPRINT_BYTES
          || !hex.chars().allMatch(HexFormat::isHexDigit)) {
        throw new InvalidInputException(
            "imprint", "The imprint is the hash stamped, in hex (up to 64 bytes)");
      }
      imprint = hex;
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidInputException("to", "The end of the window comes after its start");
    }
  }

  /** Every recorded time stamp. */
  public static TimestampTokenFilter all() {
    return new TimestampTokenFilter(null, null, null);
  }
}
