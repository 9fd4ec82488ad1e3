package org.pkiaas.issuance.control;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.signing.KeyAlgorithm;
import org.pkiaas.signing.KeySpec;

/**
 * The cheap check of a requested public key, made from its SubjectPublicKeyInfo (RFC 5280 §4.1.2.7)
 * before anything costly: no key object is built and no signature is verified until the type and
 * size are known to be ones PKIaaS certifies. An RSA modulus of 16 kbit would otherwise cost a
 * verification (and a provider's primality checks) before any policy runs.
 */
public final class RequestedKey {

  public static final int MIN_RSA_BITS = 2048;
  public static final int MAX_RSA_BITS = 8192;
  private static final BigInteger F4 = BigInteger.valueOf(65537);

  private RequestedKey() {}

  /**
   * Refuses, naming {@code field}, any key that is not RSA 2048–8192 (odd exponent ≥ 65537),
   * P-256/384/521, Ed25519, ML-DSA or SLH-DSA.
   */
  public static void check(String field, SubjectPublicKeyInfo key) {
    if (key == null || key.getAlgorithm() == null) {
      throw new InvalidInputException(field, "The request has no public key");
    }
    ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
    if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
      checkRsa(field, key);
    } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
      ASN1Encodable parameters = key.getAlgorithm().getParameters();
      if (!(parameters instanceof ASN1ObjectIdentifier curve)
          || KeySpec.curveNamed(curve) == null) {
        throw new InvalidInputException(
            field, "EC keys on P-256, P-384 or P-521 (a named curve) are accepted");
      }
    } else if (!EdECObjectIdentifiers.id_Ed25519.equals(algorithm)
        && !isMlDsa(algorithm)
        && !isSlhDsa(algorithm)) {
      throw new InvalidInputException(
          field, "Keys of algorithm " + algorithm.getId() + " are not accepted");
    }
  }

  /**
   * The spec of a key {@link #check} accepts, for the template's rules: RSA's modulus size, the EC
   * named curve (RFC 5480 §2.1.1) and Ed25519 (RFC 8410 §3) read off the SubjectPublicKeyInfo with
   * no key object built; ML-DSA and SLH-DSA through their key objects, whose providers name the
   * parameter set.
   *
   * <p>It checks the key's type and size, not its material: an EC point off its curve or an Ed25519
   * key of the wrong length passes here. Every key it is given has been decoded before: a CSR's by
   * its self-signature check ({@link CsrReader#read}), which refuses such keys, and the server's
   * own keys by the generator that made them.
   */
  public static KeySpec spec(String field, SubjectPublicKeyInfo key) {
    if (key != null
        && key.getAlgorithm() != null
        && PKCSObjectIdentifiers.rsaEncryption.equals(key.getAlgorithm().getAlgorithm())) {
      return new KeySpec(KeyAlgorithm.RSA, Integer.toString(checkRsa(field, key)));
    }
    check(field, key);
    ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
      return new KeySpec(
          KeyAlgorithm.EC,
          KeySpec.curveNamed((ASN1ObjectIdentifier) key.getAlgorithm().getParameters()));
    }
    if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
      return new KeySpec(KeyAlgorithm.ED25519, "Ed25519");
    }
    PublicKey decoded;
    try {
      decoded = CaSigners.publicKey(key.getEncoded());
    } catch (IOException | IllegalStateException e) {
      throw new InvalidInputException(field, "The public key in the request cannot be read");
    }
    return KeySpec.of(decoded, field);
  }

  /** The modulus size of an RSA key PKIaaS certifies. */
  private static int checkRsa(String field, SubjectPublicKeyInfo key) {
    RSAPublicKey rsa;
    try {
      rsa =
          RSAPublicKey.getInstance(ASN1Primitive.fromByteArray(key.getPublicKeyData().getOctets()));
    } catch (Exception e) {
      throw new InvalidInputException(field, "The RSA public key cannot be read");
    }
    int bits = rsa.getModulus().bitLength();
    if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
      throw new InvalidInputException(
          field,
          "RSA keys of "
              + MIN_RSA_BITS
              + " to "
              + MAX_RSA_BITS
              + " bits are accepted, not "
              + bits);
    }
    BigInteger exponent = rsa.getPublicExponent();
    if (!exponent.testBit(0) || exponent.compareTo(F4) < 0 || exponent.bitLength() > 256) {
      throw new InvalidInputException(
          field, "An RSA public exponent must be odd and at least 65537");
    }
    return bits;
  }

  private static boolean isMlDsa(ASN1ObjectIdentifier algorithm) {
    return NISTObjectIdentifiers.id_ml_dsa_44.equals(algorithm)
        || NISTObjectIdentifiers.id_ml_dsa_65.equals(algorithm)
        || NISTObjectIdentifiers.id_ml_dsa_87.equals(algorithm);
  }

  /** FIPS 205 parameter sets: 2.16.840.1.101.3.4.3.20 to .31. */
  private static boolean isSlhDsa(ASN1ObjectIdentifier algorithm) {
    String id = algorithm.getId();
    if (!id.startsWith("2.16.840.1.101.3.4.3.")) {
      return false;
    }
    try {
      int arc = Integer.parseInt(id.substring("2.16.840.1.101.3.4.3.".length()));
      return arc >= 20 && arc <= 31;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
