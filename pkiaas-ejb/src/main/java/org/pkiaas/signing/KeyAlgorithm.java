package org.pkiaas.signing;

import java.util.Locale;
import org.pkiaas.problem.InvalidInputException;

/** The families of keys a CA may hold. */
public enum KeyAlgorithm {
  RSA,
  EC,
  ED25519,
  /** FIPS 204, certificates per RFC 9881. */
  ML_DSA,
  /** FIPS 205, certificates per RFC 9909. */
  SLH_DSA;

  /** Parses the API's {@code keyType}; {@code field} names the input in the error. */
  public static KeyAlgorithm parse(String field, String value) {
    String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    if (normalised.equals("ECDSA") || normalised.equals("ECC")) {
      return EC;
    }
    try {
      return valueOf(normalised);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          field, "Unknown key type '" + value + "'; use RSA, EC, ED25519, ML_DSA or SLH_DSA");
    }
  }
}
