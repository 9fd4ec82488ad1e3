package org.pkiaas.tsa.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.tsa.boundary.FailInfo;
import org.pkiaas.tsa.boundary.TimeStampRejected;

/**
 * Microsoft's legacy Authenticode time-stamp protocol ({@code signtool /t}, {@code osslsigncode
 * -t}), which no RFC describes: the client POSTs, as {@code application/octet-stream}, the base64
 * of {@code SEQUENCE { OID 1.3.6.1.4.1.311.3.2.1, SEQUENCE { OID id-data, [0] EXPLICIT OCTET STRING
 * } }} whose octets are the encryptedDigest of its signature; the TSA answers the base64 of a
 * PKCS#7 SignedData (RFC 2315 §9.1) over those octets, with contentType, messageDigest and
 * signingTime (UTCTime, RFC 5652 §11.3) signed, and its chain in {@code certificates}. The client
 * copies the certificates and attaches the SignerInfo as a countersignature (RFC 5652 §11.4).
 */
public final class AuthenticodeCodec {

  /** SPC_TIME_STAMP_REQUEST_OBJID. */
  static final ASN1ObjectIdentifier TIME_STAMP_REQUEST =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.311.3.2.1");

  private AuthenticodeCodec() {}

  /**
   * The signature octets a legacy request asks to have stamped; the body may be base64 (with line
   * breaks, as clients send it) or the DER itself. Anything else is {@code badDataFormat}.
   */
  public static byte[] decode(byte[] body) throws TimeStampRejected {
    if (body == null || body.length == 0 || body.length > TimeStampCodec.MAX_REQUEST_BYTES * 2) {
      throw new TimeStampRejected(FailInfo.BAD_DATA_FORMAT, "Not an Authenticode request");
    }
    byte[] der = body[0] == 0x30 ? body : base64(body);
    try {
      TimeStampCodec.STRUCTURE.check(der);
      ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
      ASN1Sequence request = ASN1Sequence.getInstance(primitive);
      ASN1Sequence content = ASN1Sequence.getInstance(request.getObjectAt(1));
      if (request.size() != 2
          || !TIME_STAMP_REQUEST.equals(request.getObjectAt(0))
          || !PKCSObjectIdentifiers.data.equals(content.getObjectAt(0))) {
        throw new TimeStampRejected(FailInfo.BAD_DATA_FORMAT, "Not an Authenticode request");
      }
      ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(content.getObjectAt(1));
      byte[] signature = ASN1OctetString.getInstance(tagged, true).getOctets();
      if (signature.length == 0) {
        throw new TimeStampRejected(FailInfo.BAD_DATA_FORMAT, "No signature to stamp");
      }
      return signature;
    } catch (IOException | RuntimeException e) {
      throw new TimeStampRejected(FailInfo.BAD_DATA_FORMAT, "Not an Authenticode request");
    }
  }

  /** The base64 reply (64-character lines, as Microsoft's servers send): a SignedData. */
  public static byte[] encode(byte[] signature, Instant signingTime, TsaUnit unit) {
    try {
      AttributeTable signed =
          new AttributeTable(
              new Attribute(
                  CMSAttributes.signingTime, new DERSet(new DERUTCTime(Date.from(signingTime)))));
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(
                  new JcaDigestCalculatorProviderBuilder()
                      .setProvider(BouncyCastle.PROVIDER)
                      .build())
              .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signed))
              .build(unit.signer(), unit.certificate()));
      generator.addCertificates(new CollectionStore<>(unit.chain()));
      byte[] der =
          generator
              .generate(new CMSProcessableByteArray(signature), true)
              .toASN1Structure()
              .getEncoded(ASN1Encoding.DER);
      String text =
          Base64.getMimeEncoder(64, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
              + "\r\n";
      return text.getBytes(StandardCharsets.US_ASCII);
    } catch (OperatorCreationException | CMSException e) {
      throw new IllegalStateException("Cannot build an Authenticode time stamp", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] base64(byte[] body) throws TimeStampRejected {
    String text = new String(body, StandardCharsets.US_ASCII).replaceAll("[\\r\\n\\t ]", "");
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new TimeStampRejected(FailInfo.BAD_DATA_FORMAT, "The body is not base64");
    }
  }
}
