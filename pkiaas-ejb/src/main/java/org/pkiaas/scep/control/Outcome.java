package org.pkiaas.scep.control;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * What a PKIOperation comes to, short of FAILURE (a {@link ScepFailure}): SUCCESS with the
 * certificates-only content for the envelope, or PENDING.
 *
 * @param certsOnly the degenerate SignedData to seal to the requester; null when PENDING
 * @param cipher the content cipher of the reply's envelope: the request's (RFC 8894 §3.3.2)
 */
public record Outcome(byte[] certsOnly, ASN1ObjectIdentifier cipher) {

  public static final Outcome PENDING = new Outcome(null, null);

  public static Outcome success(byte[] certsOnly) {
    return new Outcome(java.util.Objects.requireNonNull(certsOnly), null);
  }

  /** The same outcome, its envelope to be sealed with the request's {@code cipher}. */
  public Outcome sealedWith(ASN1ObjectIdentifier requestCipher) {
    return new Outcome(certsOnly, requestCipher);
  }

  public boolean pending() {
    return certsOnly == null;
  }
}
