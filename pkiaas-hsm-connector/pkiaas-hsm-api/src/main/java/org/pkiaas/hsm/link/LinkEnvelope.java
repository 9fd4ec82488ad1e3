package org.pkiaas.hsm.link;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Iterator;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs the link's public-key messages, presence announcements and the two session handshake
 * messages: CMS {@code SignedData} (RFC 5652, section 5) over a {@link LinkMessageCodec} encoding,
 * signed with ECDSA P-256 / SHA-256 by the sender's link identity, whose certificate travels in the
 * {@code SignedData}; the caller decides whether to trust it. Requests and responses are not signed
 * one by one: a {@link LinkSession} seals them.
 */
public final class LinkEnvelope {

  // One provider instance, never registered globally (see BUILD-NOTES, gotcha 5).
  static final Provider BC = new BouncyCastleProvider();

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
