package org.pkiaas.ct.control;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

/**
 * Precertificates (RFC 6962 §3.1) and the log entries SCTs sign (§3.2): the poison extension, the
 * issuer key hash, and the TBSCertificate with the poison or the SCT list taken out, which must be
 * the same bytes for a precertificate and its final certificate.
 */
public final class Precertificates {

  /** The critical poison extension, value ASN.1 NULL, that makes a precertificate unusable. */
  public static final ASN1ObjectIdentifier POISON =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.3");

  private Precertificates() {}

  public static Extension poison() {
    try {
      return new Extension(POISON, true, DERNull.INSTANCE.getEncoded(ASN1Encoding.DER));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 of the issuer's SubjectPublicKeyInfo (§3.2 {@code issuer_key_hash}). */
  public static byte[] issuerKeyHash(X509CertificateHolder issuer) {
    return sha256(der(issuer.getSubjectPublicKeyInfo()));
  }

  /** The log id of a log key (§3.2): SHA-256 of its DER SubjectPublicKeyInfo. */
  public static byte[] logId(byte[] subjectPublicKeyInfo) {
    return sha256(subjectPublicKeyInfo);
  }

  /** The precert entry a precertificate is logged as: its TBS without the poison. */
  public static LogEntry.Precert entryOfPrecertificate(
      X509CertificateHolder precertificate, X509CertificateHolder issuer) {
    if (precertificate.getExtension(POISON) == null) {
      throw new CtFormatException("Not a precertificate: no poison extension");
    }
    return new LogEntry.Precert(
        issuerKeyHash(issuer),
        tbsWithout(precertificate.toASN1Structure().getTBSCertificate(), POISON));
  }

  /**
   * The precert entry the embedded SCTs of a final certificate were signed over: its TBS without
   * the SCT list (§3.3).
   */
  public static LogEntry.Precert entryOfCertificate(
      X509CertificateHolder certificate, X509CertificateHolder issuer) {
    return new LogEntry.Precert(
        issuerKeyHash(issuer),
        tbsWithout(certificate.toASN1Structure().getTBSCertificate(), SctList.EXTENSION));
  }

  /**
   * The TBSCertificate {@code builder} would have a signer sign, DER, built without a signature: to
   * check that a certificate built again is the one whose precertificate the logs saw.
   */
  public static byte[] unsignedTbs(
      X509v3CertificateBuilder builder, AlgorithmIdentifier signatureAlgorithm) {
    ContentSigner none =
        new ContentSigner() {
          @Override
          public AlgorithmIdentifier getAlgorithmIdentifier() {
            return signatureAlgorithm;
          }

          @Override
          public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
          }

          @Override
          public byte[] getSignature() {
            return new byte[0];
          }
        };
    return der(builder.build(none).toASN1Structure().getTBSCertificate());
  }

  /** DER of {@code tbs} with the extension {@code oid} removed and all else kept in order. */
  static byte[] tbsWithout(TBSCertificate tbs, ASN1ObjectIdentifier oid) {
    ASN1EncodableVector fields = new ASN1EncodableVector();
    for (ASN1Encodable field : ASN1Sequence.getInstance(tbs.toASN1Primitive())) {
      if (field instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 3) {
        ASN1EncodableVector kept = new ASN1EncodableVector();
        for (ASN1Encodable e : ASN1Sequence.getInstance(tagged.getExplicitBaseObject())) {
          if (!Extension.getInstance(e).getExtnId().equals(oid)) {
            kept.add(e);
          }
        }
        if (kept.size() > 0) {
          fields.add(new DERTaggedObject(true, 3, Extensions.getInstance(new DERSequence(kept))));
        }
      } else {
        fields.add(field);
      }
    }
    return der(new DERSequence(fields));
  }

  private static byte[] der(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
