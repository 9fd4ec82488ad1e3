package org.pkiaas.ocsp.control;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.pkiaas.signing.CaSigner;

/**
 * A CA's delegated OCSP responder, ready to sign (RFC 6960 §4.2.2.2): its certificate, key and
 * signature algorithm, and the CA's issuer hashes under every hash algorithm a CertID may use (RFC
 * 6960 §4.1.1), to tell this CA's requests from others'; and, as DER, which every response repeats,
 * the certificate and the ResponderID by key (RFC 5019 §2.2.3).
 */
public record Responder(
    String caId,
    String certificateId,
    X509CertificateHolder certificate,
    Instant notAfter,
    PrivateKey key,
    String signatureAlgorithm,
    Map<ASN1ObjectIdentifier, IssuerHashes> issuerHashes,
    byte[] certificateDer,
    byte[] responderIdDer) {

  /** issuerNameHash and issuerKeyHash of the CA under one hash algorithm. */
  public record IssuerHashes(byte[] nameHash, byte[] keyHash) {}

  public Responder {
    Objects.requireNonNull(caId);
    Objects.requireNonNull(certificate);
    Objects.requireNonNull(
        notAfter); // kept apart: checked on every request, parsed from the certificate once
    Objects.requireNonNull(key);
    issuerHashes = Map.copyOf(issuerHashes);
    Objects.requireNonNull(certificateDer);
    Objects.requireNonNull(responderIdDer);
  }

  /** A fresh single-use signer. */
  public ContentSigner signer() {
    return CaSigner.contentSigner(signatureAlgorithm, key);
  }

  @Override
  public String toString() {
    return "Responder[" + caId + ", " + certificateId + ", " + signatureAlgorithm + "]";
  }
}
