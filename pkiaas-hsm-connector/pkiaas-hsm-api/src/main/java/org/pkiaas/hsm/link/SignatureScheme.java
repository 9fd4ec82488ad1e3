package org.pkiaas.hsm.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

  // Bouncy Castle's form of each EC key checked lately, by its encoding (bounded: emptied when
  // full)
  private static final int MAX_CACHED_KEYS = 256;
  private static final Map<ByteBuffer, PublicKey> BC_KEYS = new ConcurrentHashMap<>();

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
   * <p>An EC key is converted to Bouncy Castle's form once and kept (at most {@value
   * #MAX_CACHED_KEYS} keys, by their encoding): Bouncy Castle keeps the precomputed multiples of
   * the public point on that object, which makes each later check about two and a half times
   * cheaper than one from a key converted anew (about 0.09 against 0.26 ms of CPU for P-256).
   *
   * @param key the CA's public key
   * @param data the data that was signed
   * @param signature the signature in JCA encoding
   * @return {@code true} if it verifies
   * @throws GeneralSecurityException if the key does not suit the scheme
   */
  public boolean verifies(PublicKey key, byte[] data, byte[] signature)
      throws GeneralSecurityException {
    Signature verifier;
    if (isRsa()) {
      verifier = Signature.getInstance(jcaName);
      verifier.initVerify(key);
    } else {
      verifier = Signature.getInstance(jcaName, LinkEnvelope.BC);
      verifier.initVerify(bouncyCastleKey(key));
    }
    verifier.update(data);
    return verifier.verify(signature);
  }

  private static PublicKey bouncyCastleKey(PublicKey key) throws GeneralSecurityException {
    if (key.getClass().getName().startsWith("org.bouncycastle.")) {
      return key;
    }
    ByteBuffer encoding = ByteBuffer.wrap(key.getEncoded());
    PublicKey cached = BC_KEYS.get(encoding);
    if (cached == null) {
      cached =
          KeyFactory.getInstance("EC", LinkEnvelope.BC)
              .generatePublic(new X509EncodedKeySpec(encoding.array()));
      if (BC_KEYS.size() >= MAX_CACHED_KEYS) {
        BC_KEYS.clear();
      }
      BC_KEYS.put(encoding, cached);
    }
    return cached;
  }
}
