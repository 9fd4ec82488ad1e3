package org.pkiaas.bench;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Hashtable;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.jscep.message.PkcsReq;
import org.jscep.transaction.Nonce;
import org.jscep.transaction.TransactionId;
import org.pkiaas.x509.CertificateTimes;

/**
 * The server's share of one SCEP enrollment, in memory with Bouncy Castle: the baseline the SCEP
 * benchmark sets its server's CPU beside ({@link ScepBenchmark}).
 */
final class ScepInMemory {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ScepInMemory() {}

  /**
   * The server's share of one enrollment, in memory with Bouncy Castle, on a request jscep encoded:
   * check the signature, open the envelope with the RA's RSA key, check the CSR and its challenge,
   * issue with a P-256 CA key, answer with a certs-only SignedData enveloped to the requester with
   * its cipher and signed by the RA with the SCEP attributes (RFC 8894 §3.3.2).
   */
  static InMemory.Work work(ScepDevice device, String passphrase) throws Exception {
    KeyPair raKeys = ScepDevice.rsa2048();
    KeyPair caKeys = BenchApi.p256();
    X500Name caName = new X500Name("CN=Bench SCEP CA");
    X509CertificateHolder raCertificate =
        endEntity(
            caName,
            new X500Name("CN=Bench SCEP RA"),
            SubjectPublicKeyInfo.getInstance(raKeys.getPublic().getEncoded()),
            caKeys.getPrivate());
    X509Certificate ra = new JcaX509CertificateConverter().getCertificate(raCertificate);
    byte[] request =
        device
            .encoder(ra)
            .encode(
                new PkcsReq(
                    TransactionId.createTransactionId(device.keys().getPublic(), "SHA-256"),
                    Nonce.nextNonce(),
                    device.csr(passphrase)))
            .getEncoded();
    PrivateKey raKey = raKeys.getPrivate();
    return () -> {
      CMSSignedData message = new CMSSignedData(request);
      SignerInformation signer = message.getSignerInfos().getSigners().iterator().next();
      X509CertificateHolder signerCertificate =
          (X509CertificateHolder)
              message.getCertificates().getMatches(signer.getSID()).iterator().next();
      if (!signer.verify(
          new JcaSimpleSignerInfoVerifierBuilder()
              .setProvider(BenchApi.BC)
              .build(signerCertificate))) {
        throw new IllegalStateException("message signature");
      }
      AttributeTable attributes = signer.getSignedAttributes();
      ASN1Encodable transactionId = value(attributes, SCEP_TRANSACTION_ID);
      ASN1Encodable senderNonce = value(attributes, SCEP_SENDER_NONCE);
      CMSEnvelopedData envelope =
          new CMSEnvelopedData((byte[]) message.getSignedContent().getContent());
      RecipientInformation recipient =
          envelope.getRecipientInfos().getRecipients().iterator().next();
      byte[] csrBytes =
          recipient.getContent(new JceKeyTransEnvelopedRecipient(raKey).setProvider(BenchApi.BC));
      PKCS10CertificationRequest csr = new PKCS10CertificationRequest(csrBytes);
      if (!InMemory.csrVerifies(csr)) {
        throw new IllegalStateException("CSR signature");
      }
      org.bouncycastle.asn1.pkcs.Attribute[] challenge =
          csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_challengePassword);
      if (challenge.length != 1
          || !passphrase.equals(challenge[0].getAttrValues().getObjectAt(0).toString())) {
        throw new IllegalStateException("challenge password");
      }
      X509CertificateHolder issued =
          endEntity(caName, csr.getSubject(), csr.getSubjectPublicKeyInfo(), caKeys.getPrivate());
      CMSSignedDataGenerator certsOnly = new CMSSignedDataGenerator();
      certsOnly.addCertificate(issued);
      byte[] degenerate = certsOnly.generate(new CMSAbsentContent()).getEncoded(ASN1Encoding.DER);
      CMSEnvelopedDataGenerator enveloper = new CMSEnvelopedDataGenerator();
      enveloper.addRecipientInfoGenerator(
          new JceKeyTransRecipientInfoGenerator(
                  new JcaX509CertificateConverter().getCertificate(signerCertificate))
              .setProvider(BenchApi.BC));
      byte[] enveloped =
          enveloper
              .generate(
                  new CMSProcessableByteArray(degenerate),
                  new JceCMSContentEncryptorBuilder(
                          envelope.getContentEncryptionAlgorithm().getAlgorithm())
                      .setProvider(BenchApi.BC)
                      .build())
              .getEncoded();
      byte[] recipientNonce = new byte[16];
      RANDOM.nextBytes(recipientNonce);
      Hashtable<ASN1ObjectIdentifier, Attribute> reply = new Hashtable<>();
      put(reply, SCEP_TRANSACTION_ID, transactionId);
      put(reply, SCEP_MESSAGE_TYPE, new DERPrintableString("3"));
      put(reply, SCEP_PKI_STATUS, new DERPrintableString("0"));
      put(reply, SCEP_SENDER_NONCE, new DEROctetString(recipientNonce));
      put(reply, SCEP_RECIPIENT_NONCE, senderNonce);
      CMSSignedDataGenerator certRep = new CMSSignedDataGenerator();
      certRep.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(
                  new JcaDigestCalculatorProviderBuilder().setProvider(BenchApi.BC).build())
              .setSignedAttributeGenerator(
                  new DefaultSignedAttributeTableGenerator(new AttributeTable(reply)))
              .build(
                  new JcaContentSignerBuilder(ScepDevice.SIGNATURE)
                      .setProvider(BenchApi.BC)
                      .build(raKey),
                  raCertificate));
      certRep.addCertificate(raCertificate);
      certRep.generate(new CMSProcessableByteArray(enveloped), true).getEncoded(ASN1Encoding.DER);
    };
  }

  /** A one-day end-entity certificate for digitalSignature and keyEncipherment, signed P-256. */
  private static X509CertificateHolder endEntity(
      X500Name issuer, X500Name subject, SubjectPublicKeyInfo key, PrivateKey caKey)
      throws Exception {
    return new X509v3CertificateBuilder(
            issuer,
            new BigInteger(127, RANDOM),
            CertificateTimes.of(Instant.now()),
            CertificateTimes.of(Instant.now().plusSeconds(86_400)),
            subject,
            key)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
        .build(
            new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BenchApi.BC).build(caKey));
  }

  private static final ASN1ObjectIdentifier SCEP =
      new ASN1ObjectIdentifier("2.16.840.1.113733.1.9");
  private static final ASN1ObjectIdentifier SCEP_MESSAGE_TYPE = SCEP.branch("2");
  private static final ASN1ObjectIdentifier SCEP_PKI_STATUS = SCEP.branch("3");
  private static final ASN1ObjectIdentifier SCEP_SENDER_NONCE = SCEP.branch("5");
  private static final ASN1ObjectIdentifier SCEP_RECIPIENT_NONCE = SCEP.branch("6");
  private static final ASN1ObjectIdentifier SCEP_TRANSACTION_ID = SCEP.branch("7");

  private static ASN1Encodable value(AttributeTable attributes, ASN1ObjectIdentifier type) {
    Attribute attribute = attributes.get(type);
    if (attribute == null) {
      throw new IllegalStateException("no attribute " + type);
    }
    return attribute.getAttrValues().getObjectAt(0);
  }

  private static void put(
      Hashtable<ASN1ObjectIdentifier, Attribute> table,
      ASN1ObjectIdentifier type,
      ASN1Encodable value) {
    ASN1EncodableVector values = new ASN1EncodableVector();
    values.add(value);
    table.put(type, new Attribute(type, new DERSet(values)));
  }
}
