package org.pkiaas.scep.control;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.pkiaas.scep.boundary.MalformedScepRequestException;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.DerStructure;
import org.pkiaas.x509.MalformedDerException;

/**
 * A SCEP request as it arrives: the CMS SignedData "pkiMessage" of RFC 8894 §3.2 with its
 * authenticated attributes (§3.2.1), its signer's certificate (self-signed for PKCSReq, the current
 * certificate for RenewalReq, §2.3) and the still-encrypted pkcsPKIEnvelope (§3.2.2). BER with
 * indefinite lengths is accepted, as jscep and Apple devices send it.
 *
 * @param messageType null when the client sent a type this server does not know
 * @param envelope the EnvelopedData, or null when the message carries none
 * @param signatureValid whether the signature verifies with {@code signer}'s key; the boundary
 *     answers FAILURE badMessageCheck otherwise (§3.3.2)
 * @param signingTime the CMS signingTime attribute (RFC 5652 §11.3), null when the client sent
 *     none; the boundary answers FAILURE badTime when it is too far from the server's clock
 *     (§3.2.1.4)
 */
public record PkiMessage(
    MessageType messageType,
    String transactionId,
    byte[] senderNonce,
    X509CertificateHolder signer,
    AlgorithmIdentifier digestAlgorithm,
    byte[] envelope,
    boolean signatureValid,
    Instant signingTime) {

  /** At most this large: a CSR, a certificate and the CMS around them. */
  public static final int MAX_SIZE = 64 * 1024;

  private static final DerStructure STRUCTURE = DerStructure.ber(40);

  /** The digests RFC 8894 §3.5.2 lets GetCACaps advertise that this server verifies and uses. */
  static final Set<ASN1ObjectIdentifier> DIGESTS =
      Set.of(
          OIWObjectIdentifiers.idSHA1,
          NISTObjectIdentifiers.id_sha256,
          NISTObjectIdentifiers.id_sha384,
          NISTObjectIdentifiers.id_sha512);

  /**
   * Decodes a pkiMessage; anything that leaves no signer to answer to is a {@link
   * MalformedScepRequestException}.
   */
  public static PkiMessage decode(byte[] encoded) {
    if (encoded == null || encoded.length == 0) {
      throw new MalformedScepRequestException("The PKIOperation message is empty");
    }
    if (encoded.length > MAX_SIZE) {
      throw new MalformedScepRequestException("The PKIOperation message is too large");
    }
    try {
      STRUCTURE.check(encoded);
      CMSSignedData signed = new CMSSignedData(encoded);
      Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        throw new MalformedScepRequestException("A pkiMessage has exactly one signer");
      }
      SignerInformation signerInfo = signers.iterator().next();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> matches =
          signed.getCertificates().getMatches(signerInfo.getSID());
      if (matches.isEmpty()) {
        throw new MalformedScepRequestException("The pkiMessage lacks its signer's certificate");
      }
      X509CertificateHolder signer = matches.iterator().next();
      AttributeTable attributes = signerInfo.getSignedAttributes();
      if (attributes == null) {
        throw new MalformedScepRequestException("The pkiMessage has no signed attributes");
      }
      String type = string(attributes, ScepAttributes.MESSAGE_TYPE);
      String transactionId = string(attributes, ScepAttributes.TRANSACTION_ID);
      ASN1Encodable nonce = value(attributes, ScepAttributes.SENDER_NONCE);
      if (type == null || transactionId == null || !(nonce instanceof ASN1OctetString)) {
        throw new MalformedScepRequestException(
            "A pkiMessage needs messageType, transactionID and senderNonce (RFC 8894 §3.2.1)");
      }
      CMSTypedData content = signed.getSignedContent();
      byte[] envelope =
          content == null || !(content.getContent() instanceof byte[] bytes) || bytes.length == 0
              ? null
              : bytes;
      return new PkiMessage(
          MessageType.parse(type).orElse(null),
          transactionId,
          ((ASN1OctetString) nonce).getOctets(),
          signer,
          signerInfo.getDigestAlgorithmID(),
          envelope,
          verifies(signerInfo, signer),
          signingTime(attributes));
    } catch (MalformedScepRequestException e) {
      throw e;
    } catch (MalformedDerException | CMSException | RuntimeException e) {
      // Bouncy Castle reports hostile structures with whatever runtime exception its parser meets
      // (IllegalStateException, ArrayIndexOutOfBoundsException, ClassCastException...)
      throw new MalformedScepRequestException("The PKIOperation message is not a CMS SignedData");
    }
  }

  /**
   * Whether the message was signed within {@code tolerance} of {@code now}; a message without a
   * signingTime is not refused for it (RFC 8894 makes the attribute optional).
   */
  public boolean signedAround(Instant now, Duration tolerance) {
    return signingTime == null
        || Duration.between(signingTime, now).abs().compareTo(tolerance) <= 0;
  }

  /** Whether the request's digest algorithm is one this server answers with. */
  public boolean digestSupported() {
    return DIGESTS.contains(digestAlgorithm.getAlgorithm());
  }

  /**
   * Whether the signature verifies with the signer's key. The key, not the certificate: Bouncy
   * Castle would also hold the signingTime to the certificate's validity, and a device's
   * self-signed certificate says little about time; the boundary answers a stale signingTime
   * badTime on its own ({@link #signedAround}).
   */
  private static boolean verifies(SignerInformation signerInfo, X509CertificateHolder signer) {
    try {
      return signerInfo.verify(
          new JcaSimpleSignerInfoVerifierBuilder()
              .setProvider(BouncyCastle.PROVIDER)
              .build(CaSigners.publicKey(Der.encoded(signer.getSubjectPublicKeyInfo()))));
    } catch (Exception e) {
      return false;
    }
  }

  private static ASN1Encodable value(AttributeTable attributes, ASN1ObjectIdentifier type) {
    Attribute attribute = attributes.get(type);
    return attribute == null || attribute.getAttrValues().size() != 1
        ? null
        : attribute.getAttrValues().getObjectAt(0);
  }

  private static Instant signingTime(AttributeTable attributes) {
    ASN1Encodable value = value(attributes, CMSAttributes.signingTime);
    if (value == null) {
      return null;
    }
    try {
      return Time.getInstance(value).getDate().toInstant();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new MalformedScepRequestException(
          "The signingTime attribute is not a UTCTime or GeneralizedTime that reads as a date");
    }
  }

  private static String string(AttributeTable attributes, ASN1ObjectIdentifier type) {
    ASN1Encodable value = value(attributes, type);
    return value instanceof ASN1String text ? text.getString() : null;
  }

  /** The signer certificate's DER, for lookups and the reply's recipient. */
  public byte[] signerEncoded() {
    try {
      return signer.getEncoded();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
