package org.pkiaas.rowid;

import java.util.UUID;
import org.pkiaas.random.Randomness;

/**
 * Row ids: every entity's primary key is a random UUID (RFC 9562 §5.4, version 4) in its text form,
 * drawn from this thread's {@link Randomness}. {@code UUID.randomUUID()} draws on the JDK's shared
 * generator, and its callers queue on that generator's lock (seen with JFR on the ACME server).
 */
public final class RowIds {

  private RowIds() {}

  /** A new row id, such as {@code 3f0c9a2e-5b1d-4c7e-9a8f-0d2b6e4c1a77}. */
  public static String next() {
    return uuid().toString();
  }

  /** A new version-4 UUID. */
  public static UUID uuid() {
    byte[] bytes = new byte[16];
    Randomness.current().nextBytes(bytes);
    bytes[6] = (byte) (bytes[6] & 0x0f | 0x40); // version 4
    bytes[8] = (byte) (bytes[8] & 0x3f | 0x80); // the RFC's variant
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = high << 8 | bytes[i] & 0xff;
      low = low << 8 | bytes[i + 8] & 0xff;
    }
    return new UUID(high, low);
  }
}
