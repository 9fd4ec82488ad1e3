package org.pkiaas.est.control;

import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.pkiaas.est.boundary.EstFailure;
import org.pkiaas.issuance.control.CertificateProfile.Request;
import org.pkiaas.issuance.control.CsrReader;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.signing.Fingerprints;
import org.pkiaas.x509.Der;

/**
 * The body of simpleenroll and simplereenroll (RFC 7030 §4.2.1, §4.2.2): a PKCS#10 certification
 * request (RFC 2986) in base64. Its signature is the proof of possession of the key (§3.4); the
 * CSR's subject and names are what the requester asks for, unverified.
 *
 * @param csr the CSR, its signature verified
 * @param request the profile's view of it: key, subject, names, extensions
 */
public record SimplePkiRequest(PKCS10CertificationRequest csr, Request request) {

  /** Decodes and checks a request body, or {@link EstFailure} 400 saying what is wrong. */
  public static SimplePkiRequest decode(byte[] body) {
    byte[] der = EstBase64.decode("PKCS#10 certification request", body);
    try {
      CsrReader.Verified read = CsrReader.read("csr", der);
      return new SimplePkiRequest(read.csr(), read.request());
    } catch (PkiaasException e) {
      throw new EstFailure(EstFailure.Status.BAD_REQUEST, e.getMessage());
    }
  }

  public byte[] der() {
    return CsrReader.der(csr);
  }

  /** The SHA-256 of the DER, which finds the request again when the client retries (§4.2.3). */
  public String hash() {
    return Fingerprints.sha256Hex(der());
  }

  /** The DER of the key the CSR certifies. */
  public byte[] publicKey() {
    return Der.encoded(csr.getSubjectPublicKeyInfo());
  }
}
