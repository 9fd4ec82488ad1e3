package org.pkiaas.scep.control;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * What a PKIOperation comes to, short of FAILURE (a {@link ScepFailure}): SUCCESS with the
 * certificates-only content for the envelope, or PENDING.
 *
 * @param certsOnly the degenerate SignedData to seal to the requester; null when PENDING
 * @param cipher the content cipher of the reply's envelope: the request's (RFC 8894 §3.3.2)
 * @param resent whether this answers a PKCSReq sent again for a transaction already known (§3.3.3:
 *     answered as CertPoll would be), which is not a new enrollment
 */
public record Outcome(byte[] certsOnly, ASN1ObjectIdentifier cipher, boolean resent) {

  public static final Outcome PENDING = new Outcome(null, null, false);

  public static Outcome success(byte[] certsOnly) {
    return new Outcome(java.util.Objects.requireNonNull(certsOnly), null, false);
  }

  /** The same outcome, its envelope to be sealed with the request's {@code cipher}. */
  public Outcome sealedWith(ASN1ObjectIdentifier requestCipher) {
    return new Outcome(certsOnly, requestCipher, resent);
  }

  /** The same outcome, answering a PKCSReq sent again. */
  public Outcome asResent() {
    return new Outcome(certsOnly, cipher, true);
  }

  public boolean pending() {
    return certsOnly == null;
  }
}
