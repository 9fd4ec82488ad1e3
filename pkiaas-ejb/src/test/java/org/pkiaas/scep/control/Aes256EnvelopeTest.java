package org.pkiaas.scep.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.signing.BouncyCastle;

/**
 * AES-256-CBC pkcsPKIEnvelopes (RFC 8894 §3.2.1.1), which no Debian client sends (strongSwan
 * 5.9.8's {@code pki --scep --cipher aes} sends AES-128, see the operator guide, SCEP): one built
 * with Bouncy Castle, with PKCS#1 v1.5 and with OAEP key transport, opens, and the reply is sealed
 * with AES-256 too.
 */
class Aes256EnvelopeTest {

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anAes256EnvelopeOpensAndTheReplyIsSealedWithAes256(boolean oaep) throws Exception {
    // any messageData: the bytes of a captured PKCSReq
    byte[] csr = ScepFixtures.bytes("strongswan-aes128-sha256.der");
    JceKeyTransRecipientInfoGenerator recipient =
        oaep
            ? new JceKeyTransRecipientInfoGenerator(
                new JcaX509CertificateConverter().getCertificate(ScepFixtures.ca()),
                new JcaAlgorithmParametersConverter()
                    .getAlgorithmIdentifier(
                        PKCSObjectIdentifiers.id_RSAES_OAEP,
                        new OAEPParameterSpec(
                            "SHA-256",
                            "MGF1",
                            MGF1ParameterSpec.SHA256,
                            PSource.PSpecified.DEFAULT)))
            : new JceKeyTransRecipientInfoGenerator(
                new JcaX509CertificateConverter().getCertificate(ScepFixtures.ca()));
    CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
    generator.addRecipientInfoGenerator(recipient.setProvider(BouncyCastle.PROVIDER));
    byte[] envelope =
        generator
            .generate(
                new CMSProcessableByteArray(csr),
                new JceCMSContentEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                    .setProvider(BouncyCastle.PROVIDER)
                    .build())
            .getEncoded();

    PkcsPkiEnvelope.Opened opened =
        PkcsPkiEnvelope.open(envelope, List.of(ScepFixtures.caRecipient()));
    assertEquals(NISTObjectIdentifiers.id_aes256_CBC, opened.cipher());
    assertArrayEquals(csr, opened.messageData());

    CMSEnvelopedData reply =
        new CMSEnvelopedData(PkcsPkiEnvelope.seal(csr, ScepFixtures.ca(), opened.cipher()));
    assertEquals(
        NISTObjectIdentifiers.id_aes256_CBC, reply.getContentEncryptionAlgorithm().getAlgorithm());
    RecipientInformation info = reply.getRecipientInfos().getRecipients().iterator().next();
    assertArrayEquals(
        csr,
        info.getContent(
            new JceKeyTransEnvelopedRecipient(ScepFixtures.key("fixture-ca.key"))
                .setProvider(BouncyCastle.PROVIDER)));
  }
}
