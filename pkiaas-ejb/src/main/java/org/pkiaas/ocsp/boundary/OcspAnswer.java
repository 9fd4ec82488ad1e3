package org.pkiaas.ocsp.boundary;

import java.time.Instant;
import org.pkiaas.signing.Fingerprints;

/**
 * An encoded OCSPResponse (RFC 6960 §4.2.1) and, for successful ones, the validity that HTTP
 * caching headers repeat (RFC 5019 §6.2).
 *
 * @param thisUpdate null for an error response (which carries no validity and is never cached)
 * @param nonce whether the response echoes a request nonce (and so must not be cached by anyone)
 * @param status what it says, for metrics: the certificate status of a successful response (good,
 *     revoked, unknown; "several" for more than one certificate) or the error's response status
 *     (malformedRequest, unauthorized, tryLater, internalError), RFC 6960 §2.2–2.3
 */
public record OcspAnswer(
    byte[] der, Instant thisUpdate, Instant nextUpdate, boolean nonce, String status) {

  /** True for a signed answer that anyone may cache until nextUpdate. */
  public boolean cacheable() {
    return thisUpdate != null && !nonce;
  }

  /** The strong entity tag RFC 5019 §6.2 suggests: a hash of the response. */
  public String entityTag() {
    return "\"" + Fingerprints.sha256Hex(der).substring(0, 40) + "\"";
  }
}
