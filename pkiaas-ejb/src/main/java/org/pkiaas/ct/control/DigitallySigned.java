package org.pkiaas.ct.control;

/**
 * A TLS {@code DigitallySigned} (RFC 5246 §4.7 as RFC 6962 §2.1.4 uses it): the hash and signature
 * algorithm codes, then the signature with a two-byte length.
 *
 * @param hashAlgorithm 4 = sha256 (RFC 5246 §7.4.1.4.1)
 * @param signatureAlgorithm 1 = rsa, 3 = ecdsa
 * @param signature DER ECDSA-Sig-Value or the RSASSA-PKCS1-v1_5 signature
 */
public record DigitallySigned(int hashAlgorithm, int signatureAlgorithm, byte[] signature) {

  public static final int SHA256 = 4;
  public static final int RSA = 1;
  public static final int ECDSA = 3;

  public DigitallySigned {
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  byte[] encoded() {
    return new TlsWriter()
        .uint(hashAlgorithm, 1)
        .uint(signatureAlgorithm, 1)
        .vector(signature, 2)
        .toByteArray();
  }

  static DigitallySigned read(TlsReader in) {
    return new DigitallySigned((int) in.uint(1), (int) in.uint(1), in.vector(2));
  }

  /** The JCA name of the algorithm, or null for a combination RFC 6962 §2.1.4 does not allow. */
  public String jcaAlgorithm() {
    if (hashAlgorithm != SHA256) {
      return null;
    }
    return switch (signatureAlgorithm) {
      case ECDSA -> "SHA256withECDSA";
      case RSA -> "SHA256withRSA";
      default -> null;
    };
  }

  /** Decodes a whole {@code DigitallySigned}, as a log's JSON answer carries it. */
  public static DigitallySigned decode(byte[] encoded) {
    TlsReader in = new TlsReader(encoded);
    DigitallySigned signed = read(in);
    in.requireEnd("The DigitallySigned");
    return signed;
  }
}
