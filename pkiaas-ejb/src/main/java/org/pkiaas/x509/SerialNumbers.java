package org.pkiaas.x509;

import java.math.BigInteger;
import org.pkiaas.random.Randomness;

/**
 * Certificate serial numbers: 127 random bits, so always positive, at most 16 content octets (RFC
 * 5280 §4.1.2.2 allows 20) and far above the CA/Browser Forum's 64 bits of entropy.
 */
public final class SerialNumbers {

  private static final int BITS = 127;

  private SerialNumbers() {}

  public static BigInteger random() {
    BigInteger serial;
    do {
      serial = new BigInteger(BITS, Randomness.current());
    } while (serial.bitLength() < 64); // keep serials long: a short one would look like low entropy
    return serial;
  }

  public static String hex(BigInteger serial) {
    return serial.toString(16);
  }
}
