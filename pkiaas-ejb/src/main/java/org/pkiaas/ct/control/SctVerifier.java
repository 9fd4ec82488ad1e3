package org.pkiaas.ct.control;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.signing.CaSigners;

/**
 * Checks SCTs against the key of one log (RFC 6962 §3.2, §5.2): the log id must be the hash of that
 * key and the signature must verify over the signed data of the entry.
 *
 * <p>A log's verifier is made once per key and kept ({@link #forLog}): decoding the key costs more
 * than a check, and Bouncy Castle keeps the tables that speed up EC verification on the key object,
 * so a key decoded afresh for each SCT pays for them every time.
 */
public final class SctVerifier {

  /** Bounded: emptied when full, so keys of deleted logs do not pile up. */
  private static final int MAX_CACHED_LOGS = 256;

  private static final Map<String, SctVerifier> BY_KEY = new ConcurrentHashMap<>();

  private final byte[] logId;
  private final PublicKey publicKey;

  private SctVerifier(byte[] logKey) {
    this.logId = Precertificates.logId(logKey);
    this.publicKey = CaSigners.publicKey(logKey);
  }

  /**
   * @param logKey the log's SubjectPublicKeyInfo, DER; decoded now, for this caller only
   */
  public static SctVerifier of(byte[] logKey) {
    return new SctVerifier(logKey.clone());
  }

  /**
   * The verifier of a log, made the first time its key is seen and kept.
   *
   * @param base64LogKey the log's SubjectPublicKeyInfo, DER in base64, as a template stores it
   */
  public static SctVerifier forLog(String base64LogKey) {
    SctVerifier known = BY_KEY.get(base64LogKey);
    if (known != null) {
      return known;
    }
    SctVerifier made = new SctVerifier(Base64.getDecoder().decode(base64LogKey));
    if (BY_KEY.size() >= MAX_CACHED_LOGS) {
      BY_KEY.clear();
    }
    BY_KEY.put(base64LogKey, made);
    return made;
  }

  /** The log id (§3.2): SHA-256 of the log's key, hex. */
  public String logIdHex() {
    return HexFormat.of().formatHex(logId);
  }

  /**
   * @return null when the SCT verifies, else why not
   */
  public String problem(SignedCertificateTimestamp sct, LogEntry entry) {
    if (!Arrays.equals(sct.logId(), logId)) {
      return "the SCT names log " + sct.logIdHex() + ", not this log";
    }
    String algorithm = sct.signature().jcaAlgorithm();
    if (algorithm == null) {
      return "unsupported signature algorithm "
          + sct.signature().hashAlgorithm()
          + "/"
          + sct.signature().signatureAlgorithm();
    }
    try {
      Signature verifier = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
      verifier.initVerify(publicKey);
      verifier.update(sct.signedData(entry));
      return verifier.verify(sct.signature().signature()) ? null : "the signature does not verify";
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return "the signature cannot be checked (" + e.getClass().getSimpleName() + ")";
    }
  }
}
