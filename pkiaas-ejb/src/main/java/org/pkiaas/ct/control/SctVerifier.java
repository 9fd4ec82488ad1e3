package org.pkiaas.ct.control;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import org.pkiaas.signing.BouncyCastle;

/**
 * Checks an SCT against the key of the log it names (RFC 6962 §3.2, §5.2): the log id must be the
 * hash of that key and the signature must verify over the signed data of the entry.
 */
public final class SctVerifier {

  private SctVerifier() {}

  /**
   * @param logKey the log's SubjectPublicKeyInfo, DER
   * @return null when the SCT verifies, else why not
   */
  public static String problem(
      SignedCertificateTimestamp sct, LogEntry entry, byte[] logKey, PublicKey publicKey) {
    if (!Arrays.equals(sct.logId(), Precertificates.logId(logKey))) {
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
