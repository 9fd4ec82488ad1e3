package org.pkiaas.random;

import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

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

  private static SecureRandom create() {
    try {
      return SecureRandom.getInstance(
          "DRBG", DrbgParameters.instantiation(256, DrbgParameters.Capability.RESEED_ONLY, null));
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
