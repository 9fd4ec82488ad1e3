package org.pkiaas.scep.control;

import java.io.IOException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;
import org.pkiaas.random.Randomness;
import org.pkiaas.signing.BouncyCastle;

/**
 * The CertRep answer of RFC 8894 §3.3.2: SignedData signed by the RA (or an RSA CA) with the
 * request's digest, carrying transactionID, messageType 3, pkiStatus, a fresh senderNonce and
 * recipientNonce = the request's senderNonce; failInfo and failInfoText on FAILURE; on SUCCESS the
 * pkcsPKIEnvelope holding the certificates-only reply, sealed to the requester with its own cipher.
 */
public final class CertRep {

  private static final int NONCE_LENGTH = 16;

  /** Who signs replies: the RA (or an RSA CA) certificate, its key, and certificates to include. */
  public record Signer(
      X509CertificateHolder certificate, PrivateKey key, List<X509CertificateHolder> include) {}

  private CertRep() {}

  /** SUCCESS with {@code certsOnly} (a degenerate SignedData) in the envelope. */
  public static byte[] success(
      PkiMessage request, byte[] certsOnly, ASN1ObjectIdentifier cipher, Signer signer) {
    byte[] envelope = PkcsPkiEnvelope.seal(certsOnly, request.signer(), cipher);
    return encode(request, PkiStatus.SUCCESS, null, null, envelope, signer);
  }

  public static byte[] failure(PkiMessage request, FailInfo failInfo, String text, Signer signer) {
    return encode(request, PkiStatus.FAILURE, failInfo, text, null, signer);
  }

  public static byte[] pending(PkiMessage request, Signer signer) {
    return encode(request, PkiStatus.PENDING, null, null, null, signer);
  }

  private static byte[] encode(
      PkiMessage request,
      PkiStatus status,
      FailInfo failInfo,
      String failText,
      byte[] envelope,
      Signer signer) {
    Hashtable<ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
    put(attributes, ScepAttributes.TRANSACTION_ID, new DERPrintableString(request.transactionId()));
    put(
        attributes,
        ScepAttributes.MESSAGE_TYPE,
        new DERPrintableString(String.valueOf(MessageType.CERT_REP.value())));
    put(
        attributes,
        ScepAttributes.PKI_STATUS,
        new DERPrintableString(String.valueOf(status.value())));
    byte[] nonce = new byte[NONCE_LENGTH];
    Randomness.current().nextBytes(nonce);
    put(attributes, ScepAttributes.SENDER_NONCE, new DEROctetString(nonce));
    put(attributes, ScepAttributes.RECIPIENT_NONCE, new DEROctetString(request.senderNonce()));
    if (failInfo != null) {
      put(
          attributes,
          ScepAttributes.FAIL_INFO,
          new DERPrintableString(String.valueOf(failInfo.value())));
      if (failText != null) {
        put(attributes, ScepAttributes.FAIL_INFO_TEXT, new DERUTF8String(failText));
      }
    }
    try {
      ContentSigner contentSigner =
          new JcaContentSignerBuilder(signatureAlgorithm(request.digestAlgorithm()))
              .setProvider(BouncyCastle.PROVIDER)
              .setSecureRandom(Randomness.current())
              .build(signer.key());
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(
                  new JcaDigestCalculatorProviderBuilder()
                      .setProvider(BouncyCastle.PROVIDER)
                      .build(),
                  CertRep::rsaEncryption)
              .setSignedAttributeGenerator(
                  new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
              .build(contentSigner, signer.certificate()));
      List<X509CertificateHolder> certificates = new ArrayList<>();
      certificates.add(signer.certificate());
      certificates.addAll(signer.include());
      generator.addCertificates(new CollectionStore<>(certificates));
      CMSTypedData content =
          envelope == null ? new CMSAbsentContent() : new CMSProcessableByteArray(envelope);
      return generator.generate(content, envelope != null).getEncoded(ASN1Encoding.DER);
    } catch (IOException | org.bouncycastle.cms.CMSException e) {
      throw new IllegalStateException("The CertRep cannot be encoded", e);
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException("The CertRep cannot be signed", e);
    }
  }

  /** RSA with the request's digest (§3.3.2: the reply uses the algorithms of the request). */
  static String signatureAlgorithm(AlgorithmIdentifier digest) {
    ASN1ObjectIdentifier oid = digest.getAlgorithm();
    if (oid.equals(NISTObjectIdentifiers.id_sha512)) {
      return "SHA512withRSA";
    }
    if (oid.equals(NISTObjectIdentifiers.id_sha384)) {
      return "SHA384withRSA";
    }
    if (oid.equals(NISTObjectIdentifiers.id_sha256)) {
      return "SHA256withRSA";
    }
    return "SHA1withRSA";
  }

  /**
   * The SignerInfo's signatureAlgorithm: rsaEncryption, as RFC 3370 §3.2 allows for every PKCS#1
   * v1.5 signature and as strongSwan requires ("only RSA digest encryption supported"); Bouncy
   * Castle would write sha256WithRSAEncryption.
   */
  private static AlgorithmIdentifier rsaEncryption(AlgorithmIdentifier signatureAlgorithm) {
    return new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
  }

  private static void put(
      Hashtable<ASN1ObjectIdentifier, Attribute> attributes,
      ASN1ObjectIdentifier type,
      ASN1Encodable value) {
    attributes.put(type, new Attribute(type, new DERSet(value)));
  }
}
