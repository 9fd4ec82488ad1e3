package org.pkiaas.scep.control;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.x500.X500Name;
import org.pkiaas.x509.DerStructure;

/**
 * The decrypted messageData of the requests that carry no CSR (RFC 8894 §3.3.3, §3.3.4): CertPoll's
 * IssuerAndSubject, and the IssuerAndSerialNumber of GetCert and GetCRL.
 */
public final class MessageData {

  private static final DerStructure STRUCTURE = DerStructure.ber(16);

  /** CertPoll: the CA's name and the subject the PKCSReq asked for. */
  public record IssuerAndSubject(X500Name issuer, X500Name subject) {}

  /** GetCert, GetCRL: a certificate by its issuer and serial number. */
  public record IssuerAndSerial(X500Name issuer, BigInteger serialNumber) {}

  private MessageData() {}

  public static IssuerAndSubject issuerAndSubject(byte[] data) {
    try {
      ASN1Sequence sequence = ASN1Sequence.getInstance(parse(data));
      if (sequence.size() != 2) {
        throw new IllegalArgumentException("two names");
      }
      return new IssuerAndSubject(
          X500Name.getInstance(sequence.getObjectAt(0)),
          X500Name.getInstance(sequence.getObjectAt(1)));
    } catch (RuntimeException e) {
      throw new ScepFailure(
          FailInfo.BAD_REQUEST, "The CertPoll messageData is not an IssuerAndSubject");
    }
  }

  public static IssuerAndSerial issuerAndSerial(byte[] data) {
    try {
      IssuerAndSerialNumber value = IssuerAndSerialNumber.getInstance(parse(data));
      return new IssuerAndSerial(value.getName(), value.getSerialNumber().getValue());
    } catch (RuntimeException e) {
      throw new ScepFailure(
          FailInfo.BAD_REQUEST, "The messageData is not an IssuerAndSerialNumber");
    }
  }

  private static ASN1Primitive parse(byte[] data) {
    try {
      STRUCTURE.check(data);
      return ASN1Primitive.fromByteArray(data);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
