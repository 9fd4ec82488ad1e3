package org.pkiaas.signing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jcajce.interfaces.MLDSAKey;
import org.bouncycastle.jcajce.interfaces.SLHDSAKey;
import org.bouncycastle.jcajce.spec.MLDSAParameterSpec;
import org.bouncycastle.jcajce.spec.SLHDSAParameterSpec;
import org.pkiaas.problem.InvalidInputException;

/**
 * A key type with its one parameter: the RSA modulus size, the EC curve, or the ML-DSA / SLH-DSA
 * parameter set. Knows which signature algorithms fit it and which one is the default.
 *
 * @param algorithm the key family
 * @param parameter {@code 2048}, {@code P-256}, {@code Ed25519}, {@code ML-DSA-65}, {@code
 *     SLH-DSA-SHA2-128S} …
 */
public record KeySpec(KeyAlgorithm algorithm, String parameter) {

  public static final List<Integer> RSA_SIZES = List.of(2048, 3072, 4096);
  public static final List<String> CURVES = List.of("P-256", "P-384", "P-521");
  public static final List<String> ML_DSA_SETS = List.of("ML-DSA-44", "ML-DSA-65", "ML-DSA-87");
  public static final List<String> SLH_DSA_SETS =
      List.of(
          "SLH-DSA-SHA2-128S",
          "SLH-DSA-SHA2-128F",
          "SLH-DSA-SHA2-192S",
          "SLH-DSA-SHA2-192F",
          "SLH-DSA-SHA2-256S",
          "SLH-DSA-SHA2-256F",
          "SLH-DSA-SHAKE-128S",
          "SLH-DSA-SHAKE-128F",
          "SLH-DSA-SHAKE-192S",
          "SLH-DSA-SHAKE-192F",
          "SLH-DSA-SHAKE-256S",
          "SLH-DSA-SHAKE-256F");
  private static final Map<String, String> JCA_CURVES =
      Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");
  private static final Map<String, String> CURVE_BY_OID =
      Map.of("1.2.840.10045.3.1.7", "P-256", "1.3.132.0.34", "P-384", "1.3.132.0.35", "P-521");

  public KeySpec {
    Objects.requireNonNull(algorithm);
    Objects.requireNonNull(parameter);
  }

  /** Reads the API's key fields; an absent key type means RSA, absent parameters their defaults. */
  public static KeySpec parse(String keyType, Integer keySize, String curve, String parameterSet) {
    KeyAlgorithm algorithm =
        keyType == null || keyType.isBlank()
            ? KeyAlgorithm.RSA
            : KeyAlgorithm.parse("keyType", keyType);
    if (algorithm != KeyAlgorithm.RSA && keySize != null) {
      throw new InvalidInputException("keySize", "A key size applies only to RSA keys");
    }
    if (algorithm != KeyAlgorithm.EC && curve != null && !curve.isBlank()) {
      throw new InvalidInputException(
          "curve", "A curve applies only to EC keys, not to " + algorithm);
    }
    boolean parameterised = algorithm == KeyAlgorithm.ML_DSA || algorithm == KeyAlgorithm.SLH_DSA;
    if (!parameterised && parameterSet != null && !parameterSet.isBlank()) {
      throw new InvalidInputException(
          "parameterSet", "A parameter set applies only to ML-DSA and SLH-DSA keys");
    }
    return switch (algorithm) {
      case RSA -> rsa(keySize == null ? 3072 : keySize);
      case EC -> new KeySpec(algorithm, curve(curve == null || curve.isBlank() ? "P-256" : curve));
      case ED25519 -> new KeySpec(algorithm, "Ed25519");
      case ML_DSA ->
          new KeySpec(algorithm, parameterSet(ML_DSA_SETS, "ML-DSA-", parameterSet, "ML-DSA-65"));
      case SLH_DSA ->
          new KeySpec(
              algorithm, parameterSet(SLH_DSA_SETS, "SLH-DSA-", parameterSet, "SLH-DSA-SHA2-128S"));
    };
  }

  /** Reads a stored spec, as written by {@link #toString()}. */
  public static KeySpec of(String algorithm, String parameter) {
    return new KeySpec(KeyAlgorithm.valueOf(algorithm), parameter);
  }

  /** The spec of an existing public key, for imported keys. */
  public static KeySpec of(PublicKey key) {
    return of(key, "privateKeyPem");
  }

  /** The spec of a public key; an unsupported key is refused naming {@code field}. */
  public static KeySpec of(PublicKey key, String field) {
    if (key instanceof RSAPublicKey rsa) {
      int bits = rsa.getModulus().bitLength();
      if (bits < 2048 || bits > 8192) {
        throw new InvalidInputException(
            field, "RSA keys of 2048 to 8192 bits are accepted, not " + bits);
      }
      return new KeySpec(KeyAlgorithm.RSA, Integer.toString(bits));
    }
    if (key instanceof java.security.interfaces.ECPublicKey) {
      return new KeySpec(KeyAlgorithm.EC, curveOf(key, field));
    }
    if ("Ed25519".equalsIgnoreCase(key.getAlgorithm())
        || "EdDSA".equalsIgnoreCase(key.getAlgorithm())) {
      return new KeySpec(KeyAlgorithm.ED25519, "Ed25519");
    }
    if (key instanceof MLDSAKey mldsa) {
      return new KeySpec(KeyAlgorithm.ML_DSA, mldsa.getParameterSpec().getName());
    }
    if (key instanceof SLHDSAKey slhdsa) {
      return new KeySpec(
          KeyAlgorithm.SLH_DSA, slhdsa.getParameterSpec().getName().toUpperCase(Locale.ROOT));
    }
    throw new InvalidInputException(
        field, "Keys of type " + key.getAlgorithm() + " are not supported");
  }

  /** The name of a named curve (RFC 5480 §2.1.1.1) PKIaaS certifies, or null for any other. */
  public static String curveNamed(ASN1ObjectIdentifier curve) {
    return CURVE_BY_OID.get(curve.getId());
  }

  public KeyPair generate() {
    try {
      KeyPairGenerator generator =
          KeyPairGenerator.getInstance(jcaAlgorithm(), BouncyCastle.PROVIDER);
      AlgorithmParameterSpec spec =
          switch (algorithm) {
            case RSA ->
                new RSAKeyGenParameterSpec(Integer.parseInt(parameter), RSAKeyGenParameterSpec.F4);
            case EC -> new ECGenParameterSpec(JCA_CURVES.get(parameter));
            case ED25519 -> null;
            case ML_DSA -> MLDSAParameterSpec.fromName(parameter);
            case SLH_DSA -> SLHDSAParameterSpec.fromName(parameter);
          };
      if (spec != null) {
        generator.initialize(spec);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot generate a " + this + " key", e);
    }
  }

  /**
   * The signature algorithms (Bouncy Castle names) this key can produce; the first is the default.
   */
  public List<String> signatureAlgorithms() {
    return switch (algorithm) {
      case RSA ->
          List.of(
              "SHA256withRSA",
              "SHA384withRSA",
              "SHA512withRSA",
              "SHA256withRSAandMGF1",
              "SHA384withRSAandMGF1",
              "SHA512withRSAandMGF1");
      case EC ->
          switch (parameter) {
            case "P-384" -> List.of("SHA384withECDSA", "SHA256withECDSA", "SHA512withECDSA");
            case "P-521" -> List.of("SHA512withECDSA", "SHA256withECDSA", "SHA384withECDSA");
            default -> List.of("SHA256withECDSA", "SHA384withECDSA", "SHA512withECDSA");
          };
      case ED25519 -> List.of("Ed25519");
      case ML_DSA, SLH_DSA -> List.of(parameter);
    };
  }

  /**
   * Resolves a requested signature algorithm, given either in full ({@code SHA384withECDSA}) or as
   * just the hash ({@code SHA-384}); {@code null} picks the default.
   */
  public String signatureAlgorithm(String field, String requested) {
    List<String> allowed = signatureAlgorithms();
    if (requested == null || requested.isBlank()) {
      return allowed.get(0);
    }
    String wanted = requested.trim().replace("-", "").toUpperCase(Locale.ROOT);
    for (String candidate : allowed) {
      String upper = candidate.replace("-", "").toUpperCase(Locale.ROOT);
      if (upper.equals(wanted) || upper.startsWith(wanted + "WITH") && !upper.endsWith("MGF1")) {
        return candidate;
      }
    }
    throw new InvalidInputException(
        field,
        "'" + requested + "' cannot be used with a " + this + " key; choose one of " + allowed);
  }

  public String jcaAlgorithm() {
    return switch (algorithm) {
      case RSA -> "RSA";
      case EC -> "EC";
      case ED25519 -> "Ed25519";
      case ML_DSA -> "ML-DSA";
      case SLH_DSA -> "SLH-DSA";
    };
  }

  @Override
  public String toString() {
    return algorithm == KeyAlgorithm.ED25519 ? "Ed25519" : algorithm + " " + parameter;
  }

  private static KeySpec rsa(int size) {
    if (!RSA_SIZES.contains(size)) {
      throw new InvalidInputException(
          "keySize", "RSA keys are 2048, 3072 or 4096 bits, not " + size);
    }
    return new KeySpec(KeyAlgorithm.RSA, Integer.toString(size));
  }

  private static String curve(String requested) {
    String normalised =
        requested
            .trim()
            .toUpperCase(Locale.ROOT)
            .replace("SECP256R1", "P-256")
            .replace("PRIME256V1", "P-256")
            .replace("SECP384R1", "P-384")
            .replace("SECP521R1", "P-521");
    if (!CURVES.contains(normalised)) {
      throw new InvalidInputException(
          "curve", "The curve is one of " + CURVES + ", not '" + requested + "'");
    }
    return normalised;
  }

  private static String parameterSet(
      List<String> sets, String prefix, String requested, String fallback) {
    if (requested == null || requested.isBlank()) {
      return fallback;
    }
    String normalised = requested.trim().toUpperCase(Locale.ROOT);
    String named = normalised.startsWith(prefix) ? normalised : prefix + normalised;
    if (!sets.contains(named)) {
      throw new InvalidInputException(
          "parameterSet", "The parameter set is one of " + sets + ", not '" + requested + "'");
    }
    return named;
  }

  /**
   * The NIST curve named in the key's SubjectPublicKeyInfo; any other curve or explicit parameters
   * are refused.
   */
  private static String curveOf(PublicKey key, String field) {
    var parameters =
        SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters();
    String curve = parameters instanceof ASN1ObjectIdentifier oid ? curveNamed(oid) : null;
    if (curve == null) {
      throw new InvalidInputException(
          field, "Only keys on the named curves " + CURVES + " are supported");
    }
    return curve;
  }
}
