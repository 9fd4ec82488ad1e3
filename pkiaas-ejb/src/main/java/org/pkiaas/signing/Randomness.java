package org.pkiaas.signing;

import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The randomness that signatures (ECDSA's k, RSA-PSS salts) and serial numbers draw on: one NIST SP
 * 800-90A DRBG per thread, seeded from the system's entropy when the thread first needs it. Without
 * this, Bouncy Castle falls back to the JDK's default SecureRandom, whose instances share one lock
 * around reading /dev/urandom: under a few dozen concurrent requests, signing threads queued on
 * that lock (seen with JFR on the OCSP responder).
 */
public final class Randomness {

  private static final ThreadLocal<SecureRandom> PER_THREAD =
      ThreadLocal.withInitial(Randomness::create);

  private Randomness() {}

  /** This thread's generator; never share it with another thread. */
  public static SecureRandom current() {
    return PER_THREAD.get();
  }

  /**
   * A random UUID (RFC 9562 §5.4, version 4) from this thread's generator, for row ids: {@code
   * UUID.randomUUID()} draws on the JDK's shared generator, and its callers queue on that
   * generator's lock (seen with JFR on the ACME server).
   */
  public static UUID uuid() {
    byte[] bytes = new byte[16];
    current().nextBytes(bytes);
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

  private static SecureRandom create() {
    try {
      return SecureRandom.getInstance(
          "DRBG", DrbgParameters.instantiation(256, DrbgParameters.Capability.RESEED_ONLY, null));
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
