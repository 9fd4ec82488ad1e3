package org.pkiaas.it;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A SCEP pkiMessage (RFC 8894 §3.2) built field by field with Bouncy Castle, for what the real
 * clients in the other tests never send: another content cipher or key transport, a signature with
 * a digest the server refuses, a stale signingTime, an envelope for someone else. Reads the CertRep
 * that answers it (§3.3.2).
 */
final class RawScepMessage {

  static final ASN1ObjectIdentifier SCEP = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9");
  static final ASN1ObjectIdentifier MESSAGE_TYPE = SCEP.branch("2");
  static final ASN1ObjectIdentifier PKI_STATUS = SCEP.branch("3");
  static final ASN1ObjectIdentifier FAIL_INFO = SCEP.branch("4");
  static final ASN1ObjectIdentifier SENDER_NONCE = SCEP.branch("5");
  static final ASN1ObjectIdentifier RECIPIENT_NONCE = SCEP.branch("6");
  static final ASN1ObjectIdentifier TRANSACTION_ID = SCEP.branch("7");
  static final ASN1ObjectIdentifier FAIL_INFO_TEXT = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.24.1");

  /** PKCSReq (19) and GetCert (21), RFC 8894 §3.2.1.2. */
  static final String PKCS_REQ = "19";

  static final String GET_CERT = "21";

  /** RenewalReq (17) and GetCRL (22). */
  static final String RENEWAL_REQ = "17";

  static final String GET_CRL = "22";

  private static final SecureRandom RANDOM = new SecureRandom();

  static {
    // the builders below name the provider "BC"
    if (java.security.Security.getProvider("BC") == null) {
      java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
    }
  }

  private String messageType = PKCS_REQ;
  private String signatureAlgorithm = "SHA256withRSA";
  private ASN1ObjectIdentifier cipher = CMSAlgorithm.AES128_CBC;
  private boolean oaep;
  private Instant signingTime = Instant.now();
  private X509Certificate recipient;
  final String transactionId = "raw-" + Long.toHexString(RANDOM.nextLong());
  final byte[] senderNonce = new byte[16];

  RawScepMessage(X509Certificate ra) {
    this.recipient = ra;
    RANDOM.nextBytes(senderNonce);
  }

  RawScepMessage messageType(String type) {
    this.messageType = type;
    return this;
  }

  RawScepMessage signedWith(String algorithm) {
    this.signatureAlgorithm = algorithm;
    return this;
  }

  /** The content-encryption algorithm; {@code oaep} switches the key transport to RSAES-OAEP. */
  RawScepMessage cipher(ASN1ObjectIdentifier algorithm, boolean oaep) {
    this.cipher = algorithm;
    this.oaep = oaep;
    return this;
  }

  RawScepMessage signingTime(Instant time) {
    this.signingTime = time;
    return this;
  }

  /** Encrypts the content to another certificate than the RA's. */
  RawScepMessage envelopedFor(X509Certificate other) {
    this.recipient = other;
    return this;
  }

  /** The message carrying {@code content} (a CSR, or an IssuerAndSerialNumber), signed. */
  byte[] encode(byte[] content, X509Certificate signer, PrivateKey key) throws Exception {
    JceKeyTransRecipientInfoGenerator keyTransport =
        oaep
            ? new JceKeyTransRecipientInfoGenerator(
                recipient,
                new JcaAlgorithmParametersConverter()
                    .getAlgorithmIdentifier(
                        PKCSObjectIdentifiers.id_RSAES_OAEP,
                        new OAEPParameterSpec(
                            "SHA-256",
                            "MGF1",
                            MGF1ParameterSpec.SHA256,
                            PSource.PSpecified.DEFAULT)))
            : new JceKeyTransRecipientInfoGenerator(recipient);
    CMSEnvelopedDataGenerator enveloper = new CMSEnvelopedDataGenerator();
    enveloper.addRecipientInfoGenerator(keyTransport.setProvider("BC"));
    byte[] envelope =
        enveloper
            .generate(
                new CMSProcessableByteArray(content),
                new JceCMSContentEncryptorBuilder(cipher).setProvider("BC").build())
            .getEncoded();

    Hashtable<ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
    put(attributes, MESSAGE_TYPE, new DERPrintableString(messageType));
    put(attributes, TRANSACTION_ID, new DERPrintableString(transactionId));
    put(attributes, SENDER_NONCE, new DEROctetString(senderNonce));
    put(attributes, CMSAttributes.signingTime, new Time(Date.from(signingTime)));
    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(
        new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider("BC").build())
            .setSignedAttributeGenerator(
                new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
            .build(
                new JcaContentSignerBuilder(signatureAlgorithm).setProvider("BC").build(key),
                signer));
    generator.addCertificate(new X509CertificateHolder(signer.getEncoded()));
    return generator.generate(new CMSProcessableByteArray(envelope), true).getEncoded();
  }

  private static void put(
      Hashtable<ASN1ObjectIdentifier, Attribute> table,
      ASN1ObjectIdentifier type,
      ASN1Encodable value) {
    table.put(type, new Attribute(type, new DERSet(value)));
  }

  /** A CertRep as the client reads it: status, failInfo and the echoed fields. */
  record CertRep(
      String status,
      String failInfo,
      String failInfoText,
      String transactionId,
      byte[] recipientNonce,
      CMSSignedData signed) {

    /** Reads {@code reply} and checks that the RA certificate in it signed it. */
    static CertRep read(byte[] reply) throws Exception {
      CMSSignedData signed = new CMSSignedData(reply);
      SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
      X509CertificateHolder certificate =
          (X509CertificateHolder)
              signed.getCertificates().getMatches(signer.getSID()).iterator().next();
      if (!signer.verify(
          new JcaSimpleSignerInfoVerifierBuilder().setProvider("BC").build(certificate))) {
        throw new AssertionError("the CertRep's signature does not verify");
      }
      AttributeTable attributes = signer.getSignedAttributes();
      return new CertRep(
          string(attributes, PKI_STATUS),
          string(attributes, FAIL_INFO),
          string(attributes, FAIL_INFO_TEXT),
          string(attributes, TRANSACTION_ID),
          ((ASN1OctetString) value(attributes, RECIPIENT_NONCE)).getOctets(),
          signed);
    }

    /** The envelope's content-encryption algorithm. */
    ASN1ObjectIdentifier cipher() throws Exception {
      return new CMSEnvelopedData((byte[]) signed.getSignedContent().getContent())
          .getContentEncryptionAlgorithm()
          .getAlgorithm();
    }

    /** The certs-only SignedData of a SUCCESS, opened with the requester's key. */
    CMSSignedData degenerate(PrivateKey key) throws Exception {
      CMSEnvelopedData envelope =
          new CMSEnvelopedData((byte[]) signed.getSignedContent().getContent());
      return new CMSSignedData(
          envelope
              .getRecipientInfos()
              .getRecipients()
              .iterator()
              .next()
              .getContent(new JceKeyTransEnvelopedRecipient(key).setProvider("BC")));
    }

    /** The certificates of a SUCCESS, opened with the requester's key. */
    List<X509Certificate> certificates(PrivateKey key) throws Exception {
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      List<X509Certificate> certificates = new java.util.ArrayList<>();
      for (X509CertificateHolder holder : degenerate(key).getCertificates().getMatches(null)) {
        certificates.add(converter.getCertificate(holder));
      }
      return certificates;
    }

    private static ASN1Encodable value(AttributeTable attributes, ASN1ObjectIdentifier type) {
      Attribute attribute = attributes.get(type);
      return attribute == null ? null : attribute.getAttrValues().getObjectAt(0);
    }

    private static String string(AttributeTable attributes, ASN1ObjectIdentifier type) {
      ASN1Encodable value = value(attributes, type);
      return value == null ? null : ((ASN1String) value).getString();
    }
  }
}
