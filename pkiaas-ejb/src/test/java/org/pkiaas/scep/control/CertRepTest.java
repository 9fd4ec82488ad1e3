package org.pkiaas.scep.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.junit.jupiter.api.Test;
import org.pkiaas.signing.BouncyCastle;

/**
 * CertRep answers to captured requests (RFC 8894 §3.3.2): signed by the RA with the request's
 * digest, transactionID echoed, recipientNonce = senderNonce, the certificate sealed to the
 * requester with its own cipher; FAILURE and PENDING carry no envelope.
 */
class CertRepTest {

  private final CertRep.Signer signer =
      new CertRep.Signer(ScepFixtures.ca(), ScepFixtures.key("fixture-ca.key"), List.of());

  @Test
  void successSealsTheCertificateToTheRequesterWithItsOwnCipher() throws Exception {
    PkiMessage request = PkiMessage.decode(ScepFixtures.bytes("scepclient-des-sha1.der"));
    PkcsPkiEnvelope.Opened opened =
        PkcsPkiEnvelope.open(request.envelope(), List.of(ScepFixtures.caRecipient()));
    byte[] reply =
        CertRep.success(
            request, CertsOnly.certificates(List.of(ScepFixtures.ca())), opened.cipher(), signer);

    CMSSignedData signed = new CMSSignedData(reply);
    AttributeTable attributes = verifiedAttributes(signed, request);
    assertEquals("0", string(attributes, ScepAttributes.PKI_STATUS));
    assertNull(attributes.get(ScepAttributes.FAIL_INFO));

    byte[] sealed = (byte[]) signed.getSignedContent().getContent();
    assertArrayEquals(
        sealed,
        org.bouncycastle.asn1.ASN1Primitive.fromByteArray(sealed)
            .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER),
        "the envelope is DER: strongSwan reads no indefinite lengths");
    CMSEnvelopedData envelope = new CMSEnvelopedData(sealed);
    assertEquals(opened.cipher(), envelope.getContentEncryptionAlgorithm().getAlgorithm());
    RecipientInformation recipient = envelope.getRecipientInfos().getRecipients().iterator().next();
    assertTrue(recipient.getRID().match(request.signer()), "sealed to the request's signer");
    byte[] certsOnly =
        recipient.getContent(
            new JceKeyTransEnvelopedRecipient(ScepFixtures.key("scepclient.key"))
                .setProvider(BouncyCastle.PROVIDER));
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> certificates =
        new CMSSignedData(certsOnly).getCertificates().getMatches(null);
    assertEquals(List.of(ScepFixtures.ca()), List.copyOf(certificates));
  }

  @Test
  void failureNamesWhyAndCarriesNoEnvelope() throws Exception {
    PkiMessage request = PkiMessage.decode(ScepFixtures.bytes("strongswan-aes128-sha256.der"));
    byte[] reply = CertRep.failure(request, FailInfo.BAD_REQUEST, "wrong challenge", signer);
    CMSSignedData signed = new CMSSignedData(reply);
    AttributeTable attributes = verifiedAttributes(signed, request);
    assertEquals("2", string(attributes, ScepAttributes.PKI_STATUS));
    assertEquals("2", string(attributes, ScepAttributes.FAIL_INFO));
    assertEquals("wrong challenge", string(attributes, ScepAttributes.FAIL_INFO_TEXT));
    assertNull(signed.getSignedContent());
  }

  @Test
  void pendingHasStatusThree() throws Exception {
    PkiMessage request = PkiMessage.decode(ScepFixtures.bytes("strongswan-des3-sha256.der"));
    CMSSignedData signed = new CMSSignedData(CertRep.pending(request, signer));
    assertEquals("3", string(verifiedAttributes(signed, request), ScepAttributes.PKI_STATUS));
  }

  private AttributeTable verifiedAttributes(CMSSignedData signed, PkiMessage request)
      throws Exception {
    SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
    assertTrue(
        info.verify(
            new JcaSimpleSignerInfoVerifierBuilder()
                .setProvider(BouncyCastle.PROVIDER)
                .build(ScepFixtures.ca())));
    assertEquals(
        request.digestAlgorithm().getAlgorithm(), info.getDigestAlgorithmID().getAlgorithm());
    AttributeTable attributes = info.getSignedAttributes();
    assertEquals("3", string(attributes, ScepAttributes.MESSAGE_TYPE));
    assertEquals(request.transactionId(), string(attributes, ScepAttributes.TRANSACTION_ID));
    assertArrayEquals(request.senderNonce(), octets(attributes, ScepAttributes.RECIPIENT_NONCE));
    byte[] nonce = octets(attributes, ScepAttributes.SENDER_NONCE);
    assertEquals(16, nonce.length);
    assertFalse(java.util.Arrays.equals(nonce, request.senderNonce()), "a fresh senderNonce");
    return attributes;
  }

  private static String string(AttributeTable attributes, ASN1ObjectIdentifier type) {
    return ((ASN1String) attributes.get(type).getAttrValues().getObjectAt(0)).getString();
  }

  private static byte[] octets(AttributeTable attributes, ASN1ObjectIdentifier type) {
    return ((ASN1OctetString) attributes.get(type).getAttrValues().getObjectAt(0)).getOctets();
  }
}
