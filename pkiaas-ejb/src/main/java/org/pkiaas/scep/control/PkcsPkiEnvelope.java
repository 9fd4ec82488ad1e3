package org.pkiaas.scep.control;

import java.security.PrivateKey;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.pkiaas.random.Randomness;
import org.pkiaas.signing.BouncyCastle;

/**
 * The pkcsPKIEnvelope of RFC 8894 §3.2.2: CMS EnvelopedData with RSA key transport (PKCS#1 v1.5 or
 * OAEP). Requests are opened with the key of the certificate they were encrypted to (the RA's, or
 * an RSA CA's); replies are sealed to the requester's signer certificate with the requester's own
 * content cipher, as §3.3.2 asks.
 */
public final class PkcsPkiEnvelope {

  /** DES-CBC, DES-EDE3-CBC, AES-128/192/256-CBC: what GetCACaps' DES3 and AES announce. */
  static final Set<ASN1ObjectIdentifier> CIPHERS =
      Set.of(
          OIWObjectIdentifiers.desCBC,
          PKCSObjectIdentifiers.des_EDE3_CBC,
          NISTObjectIdentifiers.id_aes128_CBC,
          NISTObjectIdentifiers.id_aes192_CBC,
          NISTObjectIdentifiers.id_aes256_CBC);

  /** A certificate this server decrypts for, and its key. */
  public record Recipient(X509CertificateHolder certificate, PrivateKey key) {}

  /** The decrypted messageData and the cipher it came in. */
  public record Opened(byte[] messageData, ASN1ObjectIdentifier cipher) {}

  private PkcsPkiEnvelope() {}

  /** Decrypts the envelope with whichever of {@code recipients} it names. */
  public static Opened open(byte[] envelope, List<Recipient> recipients) {
    if (envelope == null) {
      throw new ScepFailure(FailInfo.BAD_REQUEST, "The pkiMessage carries no pkcsPKIEnvelope");
    }
    CMSEnvelopedData enveloped;
    try {
      enveloped = new CMSEnvelopedData(envelope);
    } catch (CMSException | RuntimeException e) {
      throw new ScepFailure(FailInfo.BAD_REQUEST, "The pkcsPKIEnvelope is not a CMS EnvelopedData");
    }
    ASN1ObjectIdentifier cipher = enveloped.getContentEncryptionAlgorithm().getAlgorithm();
    if (!CIPHERS.contains(cipher)) {
      throw new ScepFailure(
          FailInfo.BAD_ALG, "Content encryption " + cipher + " is not supported; use AES or DES3");
    }
    for (RecipientInformation info : enveloped.getRecipientInfos().getRecipients()) {
      if (!(info instanceof KeyTransRecipientInformation)) {
        continue;
      }
      for (Recipient recipient : recipients) {
        if (info.getRID().match(recipient.certificate())) {
          try {
            byte[] content =
                info.getContent(
                    new JceKeyTransEnvelopedRecipient(recipient.key())
                        .setProvider(BouncyCastle.PROVIDER));
            return new Opened(content, cipher);
          } catch (CMSException | RuntimeException e) {
            throw new ScepFailure(
                FailInfo.BAD_MESSAGE_CHECK, "The pkcsPKIEnvelope does not decrypt");
          }
        }
      }
    }
    throw new ScepFailure(
        FailInfo.BAD_MESSAGE_CHECK,
        "The pkcsPKIEnvelope is not encrypted to this server's certificate (GetCACert)");
  }

  /** Encrypts {@code content} to {@code recipient}'s RSA key with {@code cipher}. */
  public static byte[] seal(
      byte[] content, X509CertificateHolder recipient, ASN1ObjectIdentifier cipher) {
    try {
      CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
      generator.addRecipientInfoGenerator(
          new JceKeyTransRecipientInfoGenerator(
                  new JcaX509CertificateConverter()
                      .setProvider(BouncyCastle.PROVIDER)
                      .getCertificate(recipient))
              .setProvider(BouncyCastle.PROVIDER));
      return generator
          .generate(
              new CMSProcessableByteArray(content),
              new JceCMSContentEncryptorBuilder(cipher)
                  .setProvider(BouncyCastle.PROVIDER)
                  .setSecureRandom(Randomness.current())
                  .build())
          .toASN1Structure()
          // definite lengths: strongSwan's parser reads no BER indefinite lengths
          .getEncoded(ASN1Encoding.DER);
    } catch (Exception e) {
      throw new ScepFailure(
          FailInfo.BAD_ALG, "The reply cannot be encrypted to the requester's certificate");
    }
  }
}
