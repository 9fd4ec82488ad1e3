package org.pkiaas.x509;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Subject and authority key identifiers (RFC 5280 §4.2.1.1, §4.2.1.2), method 1: SHA-1 of the key
 * bits. Each call hashes with a digest of its own: Bouncy Castle's {@code JcaX509ExtensionUtils}
 * keeps one digest and one buffer for all its callers, so threads sharing one mixed their keys'
 * bytes into each other's identifiers.
 */
public final class KeyIdentifiers {

  private KeyIdentifiers() {}

  public static SubjectKeyIdentifier subject(PublicKey key) {
    return subject(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
  }

  /**
   * Hashes the key bits exactly as they stand in the certificate (a compressed EC point stays
   * compressed).
   */
  public static SubjectKeyIdentifier subject(SubjectPublicKeyInfo key) {
    return new SubjectKeyIdentifier(sha1(key.getPublicKeyData().getBytes()));
  }

  /** The AKI for certificates issued by {@code issuer}: its own SKI when present, else computed. */
  public static AuthorityKeyIdentifier authority(X509CertificateHolder issuer) {
    SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(issuer.getExtensions());
    byte[] id =
        ski != null
            ? ski.getKeyIdentifier()
            : subject(issuer.getSubjectPublicKeyInfo()).getKeyIdentifier();
    return new AuthorityKeyIdentifier(id);
  }

  public static AuthorityKeyIdentifier authority(PublicKey selfSignedKey) {
    return new AuthorityKeyIdentifier(subject(selfSignedKey).getKeyIdentifier());
  }

  static boolean has(
      X509CertificateHolder certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
    return certificate.getExtension(oid) != null;
  }

  private static byte[] sha1(byte[] keyBits) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(keyBits);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }

  /** Whether a certificate carries both identifiers; used by tests and checks. */
  public static boolean identified(X509CertificateHolder certificate) {
    return has(certificate, Extension.subjectKeyIdentifier)
        && has(certificate, Extension.authorityKeyIdentifier);
  }
}
