package org.pkiaas.ct.control;

/**
 * What an SCT is about (RFC 6962 §3.2, {@code LogEntryType} and its body): a certificate, or a
 * precertificate as the issuer's key hash and the TBSCertificate without the poison extension.
 */
public sealed interface LogEntry {

  byte[] encoded();

  /** {@code x509_entry}: the DER certificate. */
  record X509(byte[] certificate) implements LogEntry {
    @Override
    public byte[] encoded() {
      return new TlsWriter().uint(0, 2).vector(certificate, 3).toByteArray();
    }
  }

  /**
   * {@code precert_entry}.
   *
   * @param issuerKeyHash SHA-256 of the issuing CA's SubjectPublicKeyInfo
   * @param tbsCertificate DER, with the poison extension removed
   */
  record Precert(byte[] issuerKeyHash, byte[] tbsCertificate) implements LogEntry {
    @Override
    public byte[] encoded() {
      if (issuerKeyHash.length != 32) {
        throw new IllegalArgumentException("The issuer key hash has 32 bytes");
      }
      return new TlsWriter()
          .uint(1, 2)
          .bytes(issuerKeyHash)
          .vector(tbsCertificate, 3)
          .toByteArray();
    }
  }
}
