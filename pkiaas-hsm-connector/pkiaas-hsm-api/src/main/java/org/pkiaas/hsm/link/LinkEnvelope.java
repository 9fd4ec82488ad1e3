package org.pkiaas.hsm.link;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Collection;
import java.util.Iterator;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Protects link messages end to end, whatever the broker does: CMS {@code SignedData} (RFC 5652,
 * section 5) with the sender's link identity, then, for requests and responses, {@code
 * EnvelopedData} (RFC 5652, section 6) to the recipients with ephemeral-static ECDH and AES key
 * wrap (RFC 5753, section 3.1). The signed content is a {@link LinkMessageCodec} encoding; the
 * signer's certificate travels in the {@code SignedData}, and the caller decides whether to trust
 * it.
 */
public final class LinkEnvelope {

  // One provider instance, never registered globally (see BUILD-NOTES, gotcha 5).
  private static final Provider BC = new BouncyCastleProvider();

  private LinkEnvelope() {}

  /**
   * A message whose signature verified, with the certificate that signed it.
   *
   * @param message the decoded message
   * @param signer the certificate whose key made the signature; not yet trusted
   */
  public record Opened(LinkMessage message, X509Certificate signer) {}

  /**
   * Signs a message.
   *
   * @param message the message
   * @param sender the sender's identity (an EC key)
   * @return the DER {@code ContentInfo} of the {@code SignedData}
   */
  public static byte[] sign(LinkMessage message, LinkIdentity sender) {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(
                  new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
              .build(
                  new JcaContentSignerBuilder("SHA256withECDSA")
                      .setProvider(BC)
                      .build(sender.privateKey()),
                  sender.certificate()));
      generator.addCertificate(new JcaX509CertificateHolder(sender.certificate()));
      byte[] content = LinkMessageCodec.encode(message);
      return generator.generate(new CMSProcessableByteArray(content), true).getEncoded();
    } catch (OperatorCreationException | CMSException | IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign a link message", e);
    }
  }

  /**
   * Signs a message and encrypts it to every recipient.
   *
   * @param message the message
   * @param sender the sender's identity
   * @param recipients the recipients' certificates (EC keys on one curve)
   * @return the DER {@code ContentInfo} of the {@code EnvelopedData}
   */
  public static byte[] seal(
      LinkMessage message, LinkIdentity sender, Collection<X509Certificate> recipients) {
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("A sealed message needs a recipient");
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
      ECPublicKey first = (ECPublicKey) recipients.iterator().next().getPublicKey();
      generator.initialize(first.getParams());
      KeyPair ephemeral = generator.generateKeyPair();
      JceKeyAgreeRecipientInfoGenerator keyAgreement =
          new JceKeyAgreeRecipientInfoGenerator(
                  CMSAlgorithm.ECDH_SHA256KDF,
                  ephemeral.getPrivate(),
                  ephemeral.getPublic(),
                  CMSAlgorithm.AES128_WRAP)
              .setProvider(BC);
      for (X509Certificate recipient : recipients) {
        keyAgreement.addRecipient(recipient);
      }
      CMSEnvelopedDataGenerator envelope = new CMSEnvelopedDataGenerator();
      envelope.addRecipientInfoGenerator(keyAgreement);
      return envelope
          .generate(
              new CMSProcessableByteArray(sign(message, sender)),
              new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES128_CBC).setProvider(BC).build())
          .getEncoded();
    } catch (CMSException | IOException | GeneralSecurityException | ClassCastException e) {
      throw new IllegalStateException("Cannot seal a link message", e);
    }
  }

  /**
   * Decrypts a sealed message with the recipient's key and verifies its signature.
   *
   * @param sealed what {@link #seal} made
   * @param recipient this end's identity
   * @return the message and its signer
   * @throws LinkRefusedException if it is not addressed to {@code recipient}, was tampered with, or
   *     is malformed
   */
  public static Opened open(byte[] sealed, LinkIdentity recipient) throws LinkRefusedException {
    byte[] signed;
    try {
      CMSEnvelopedData envelope = new CMSEnvelopedData(sealed);
      RecipientInformation mine =
          envelope.getRecipientInfos().get(new JceKeyAgreeRecipientId(recipient.certificate()));
      if (mine == null) {
        throw new LinkRefusedException("Link message not addressed to this end");
      }
      signed =
          mine.getContent(
              new JceKeyAgreeEnvelopedRecipient(recipient.privateKey()).setProvider(BC));
    } catch (CMSException | RuntimeException e) {
      throw new LinkRefusedException("Cannot decrypt link message", e);
    }
    return verify(signed);
  }

  /**
   * Verifies a signed message.
   *
   * @param signed what {@link #sign} made
   * @return the message and its signer
   * @throws LinkRefusedException if the signature does not verify or the message is malformed
   */
  public static Opened verify(byte[] signed) throws LinkRefusedException {
    try {
      CMSSignedData data = new CMSSignedData(signed);
      Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
      if (signers.size() != 1 || data.getSignedContent() == null) {
        throw new LinkRefusedException("A link message has exactly one signer and content");
      }
      SignerInformation signer = signers.iterator().next();
      @SuppressWarnings("unchecked")
      Iterator<X509CertificateHolder> certificates =
          data.getCertificates().getMatches(signer.getSID()).iterator();
      if (!certificates.hasNext()) {
        throw new LinkRefusedException("Link message without its signer's certificate");
      }
      X509CertificateHolder holder = certificates.next();
      if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(holder))) {
        throw new LinkRefusedException("Link message signature does not verify");
      }
      LinkMessage message = LinkMessageCodec.decode((byte[]) data.getSignedContent().getContent());
      return new Opened(message, new JcaX509CertificateConverter().getCertificate(holder));
    } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
      throw new LinkRefusedException("Link message signature does not verify", e);
    }
  }
}
