package org.pkiaas.hsm.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The signature algorithms the link carries, each signed on the device from a digest so that large
 * input (a CRL's {@code tbsCertList}) never crosses the link.
 *
 * <p>ECDSA signs the digest directly (PKCS#11 {@code CKM_ECDSA}, JCA {@code NONEwithECDSA}); RSA
 * PKCS#1 v1.5 signs the DER {@code DigestInfo} of RFC 8017, section 9.2 ({@code CKM_RSA_PKCS}, JCA
 * {@code NONEwithRSA}). The device returns the encoding the JCA algorithm {@link #jcaName()} would
 * return, so the server verifies it with a plain {@link java.security.Signature}.
 */
public enum SignatureScheme {
  SHA256_WITH_ECDSA("SHA256withECDSA", "SHA-256", 32, null),
  SHA384_WITH_ECDSA("SHA384withECDSA", "SHA-384", 48, null),
  SHA512_WITH_ECDSA("SHA512withECDSA", "SHA-512", 64, null),
  SHA256_WITH_RSA("SHA256withRSA", "SHA-256", 32, "3031300d060960864801650304020105000420"),
  SHA384_WITH_RSA("SHA384withRSA", "SHA-384", 48, "3041300d060960864801650304020205000430"),
  SHA512_WITH_RSA("SHA512withRSA", "SHA-512", 64, "3051300d060960864801650304020305000440");

  private final String jcaName;
  private final String digestAlgorithm;
  private final int digestLength;
  private final byte[] digestInfoPrefix;

  SignatureScheme(String jcaName, String digestAlgorithm, int digestLength, String prefixHex) {
    this.jcaName = jcaName;
    this.digestAlgorithm = digestAlgorithm;
    this.digestLength = digestLength;
    this.digestInfoPrefix = prefixHex == null ? null : HexFormat.of().parseHex(prefixHex);
  }

  /**
   * Finds the scheme for a JCA signature algorithm name, ignoring case.
   *
   * @param jcaName for example {@code SHA256withECDSA}
   * @return the scheme, or empty if the link does not carry that algorithm
   */
  public static Optional<SignatureScheme> forJcaName(String jcaName) {
    return Arrays.stream(values()).filter(s -> s.jcaName.equalsIgnoreCase(jcaName)).findFirst();
  }

  /**
   * @return the JCA name of the complete signature algorithm, for verification
   */
  public String jcaName() {
    return jcaName;
  }

  /**
   * @return the JCA name of the digest the server computes before asking the device
   */
  public String digestAlgorithm() {
    return digestAlgorithm;
  }

  /**
   * @return the digest's length in bytes; requests with another length are refused
   */
  public int digestLength() {
    return digestLength;
  }

  /**
   * @return {@code true} for RSA schemes, {@code false} for ECDSA
   */
  public boolean isRsa() {
    return digestInfoPrefix != null;
  }

  /**
   * @return the JCA algorithm that signs this scheme's raw input on a PKCS#11 token
   */
  public String rawJcaName() {
    return isRsa() ? "NONEwithRSA" : "NONEwithECDSA";
  }

  /**
   * Builds what the token signs with {@link #rawJcaName()}: the digest for ECDSA, the DER {@code
   * DigestInfo} (RFC 8017, section 9.2, note 1) for RSA.
   *
   * @param digest the digest, {@link #digestLength()} bytes
   * @return the raw signature input
   */
  public byte[] rawInput(byte[] digest) {
    if (digest.length != digestLength) {
      throw new IllegalArgumentException(
          jcaName + " needs a " + digestLength + "-byte digest, got " + digest.length);
    }
    if (!isRsa()) {
      return digest.clone();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(digestInfoPrefix);
      out.write(digest);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /**
   * Checks a signature the way the server checks every signature a device returns: over the whole
   * data, with the CA's public key. ECDSA goes through Bouncy Castle, which checks P-256 several
   * times faster than the JDK's provider; RSA through the JDK.
   *
   * @param key the CA's public key
   * @param data the data that was signed
   * @param signature the signature in JCA encoding
   * @return {@code true} if it verifies
   * @throws GeneralSecurityException if the key does not suit the scheme
   */
  public boolean verifies(PublicKey key, byte[] data, byte[] signature)
      throws GeneralSecurityException {
    Signature verifier =
        isRsa() ? Signature.getInstance(jcaName) : Signature.getInstance(jcaName, LinkEnvelope.BC);
    verifier.initVerify(key);
    verifier.update(data);
    return verifier.verify(signature);
  }
}
