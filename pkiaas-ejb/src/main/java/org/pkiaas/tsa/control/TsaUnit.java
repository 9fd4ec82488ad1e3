package org.pkiaas.tsa.control;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.pkiaas.signing.CaSigner;

/**
 * A CA's time-stamping unit, ready to sign (RFC 3161 §2.3): its certificate, the certificates that
 * lead from it to the CA (sent in the token when the request asks for them), its key and signature
 * algorithm, and the policies the CA grants tokens under, and the token generators made from them
 * ({@link TokenGenerators}); {@code caVersion} is the version of the CA row it was made from, so
 * that a node notices a change made on another.
 */
public record TsaUnit(
    String caId,
    X509CertificateHolder certificate,
    List<X509CertificateHolder> issuers,
    Instant notAfter,
    PrivateKey key,
    String signatureAlgorithm,
    TsaPolicies policies,
    int caVersion,
    TokenGenerators generators) {

  public TsaUnit {
    Objects.requireNonNull(caId);
    Objects.requireNonNull(certificate);
    Objects.requireNonNull(notAfter);
    Objects.requireNonNull(key);
    Objects.requireNonNull(signatureAlgorithm);
    Objects.requireNonNull(policies);
    Objects.requireNonNull(generators);
    issuers = List.copyOf(issuers);
  }

  /** The unit's certificate first, then its issuers. */
  public List<X509CertificateHolder> chain() {
    List<X509CertificateHolder> chain = new java.util.ArrayList<>(issuers.size() + 1);
    chain.add(certificate);
    chain.addAll(issuers);
    return chain;
  }

  /** A fresh single-use signer. */
  public ContentSigner signer() {
    return CaSigner.contentSigner(signatureAlgorithm, key);
  }

  @Override
  public String toString() {
    return "TsaUnit[" + caId + ", " + signatureAlgorithm + "]";
  }
}
