package org.pkiaas.scep.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pkiaas.scep.boundary.MalformedScepRequestException;

/**
 * Decodes PKCSReq messages captured from micromdm's scepclient and strongSwan's pki (see the
 * fixtures' README), opens their envelopes with the test CA's key and reads the CSR inside.
 */
class PkiMessageTest {

  @ParameterizedTest
  @CsvSource({
    "scepclient-des-sha1.der, 1.3.14.3.2.26, 1.3.14.3.2.7, CN=scepclient.example",
    "strongswan-des3-sha256.der, 2.16.840.1.101.3.4.2.1, 1.2.840.113549.3.7, CN=strongswan.example",
    "strongswan-aes128-sha256.der, 2.16.840.1.101.3.4.2.1, 2.16.840.1.101.3.4.1.2,"
        + " CN=strongswan.example"
  })
  void aRealClientsPkcsReqDecodesAndOpens(
      String fixture, String digest, String cipher, String commonName) throws Exception {
    PkiMessage message = PkiMessage.decode(ScepFixtures.bytes(fixture));
    assertEquals(MessageType.PKCS_REQ, message.messageType());
    assertTrue(message.signatureValid(), "the client's signature verifies");
    assertTrue(message.digestSupported());
    assertEquals(digest, message.digestAlgorithm().getAlgorithm().getId());
    assertFalse(message.transactionId().isBlank());
    assertEquals(16, message.senderNonce().length);
    assertNotNull(message.envelope());

    PkcsPkiEnvelope.Opened opened =
        PkcsPkiEnvelope.open(message.envelope(), List.of(ScepFixtures.caRecipient()));
    assertEquals(new ASN1ObjectIdentifier(cipher), opened.cipher());
    PKCS10CertificationRequest csr = new PKCS10CertificationRequest(opened.messageData());
    assertTrue(csr.getSubject().toString().contains(commonName), csr.getSubject().toString());
    assertEquals("secret123", ChallengePassword.of(csr));
    assertArrayEquals(
        csr.getSubjectPublicKeyInfo().getEncoded(),
        message.signer().getSubjectPublicKeyInfo().getEncoded(),
        "a PKCSReq is signed with the requested key (RFC 8894 §2.3)");
  }

  @Test
  void theSigningTimeIsReadAndHeldToTheTolerance() {
    PkiMessage message = PkiMessage.decode(ScepFixtures.bytes("scepclient-des-sha1.der"));
    Instant signed = message.signingTime();
    assertNotNull(signed, "scepclient sends signingTime");
    Duration day = Duration.ofDays(1);
    assertTrue(message.signedAround(signed.plus(Duration.ofHours(23)), day));
    assertTrue(message.signedAround(signed.minus(Duration.ofHours(23)), day));
    assertFalse(message.signedAround(signed.plus(Duration.ofHours(25)), day));
    assertFalse(message.signedAround(signed.minus(Duration.ofHours(25)), day));
  }

  @Test
  void aMessageWithoutSigningTimeIsNotHeldToTheClock() {
    PkiMessage undated =
        new PkiMessage(MessageType.PKCS_REQ, "t", new byte[16], null, null, null, true, null);
    assertTrue(undated.signedAround(Instant.now(), Duration.ofMinutes(1)));
  }

  @Test
  void aTamperedSignatureIsReportedNotThrown() {
    byte[] message = ScepFixtures.bytes("strongswan-aes128-sha256.der");
    // the signature value is the last thing in a SignerInfo without unsigned attributes
    message[message.length - 5] ^= 0x01;
    assertFalse(PkiMessage.decode(message).signatureValid());
  }

  @Test
  void anEnvelopeForSomeoneElseIsBadMessageCheck() {
    PkiMessage message = PkiMessage.decode(ScepFixtures.bytes("scepclient-des-sha1.der"));
    PkcsPkiEnvelope.Recipient stranger =
        new PkcsPkiEnvelope.Recipient(message.signer(), ScepFixtures.key("scepclient.key"));
    ScepFailure failure =
        assertThrows(
            ScepFailure.class, () -> PkcsPkiEnvelope.open(message.envelope(), List.of(stranger)));
    assertEquals(FailInfo.BAD_MESSAGE_CHECK, failure.failInfo());
  }

  @Test
  void whatIsNoSignedDataIsMalformed() {
    assertThrows(MalformedScepRequestException.class, () -> PkiMessage.decode(new byte[0]));
    assertThrows(
        MalformedScepRequestException.class, () -> PkiMessage.decode(new byte[] {0x30, 0x03, 1}));
    byte[] truncated = ScepFixtures.bytes("scepclient-des-sha1.der");
    assertThrows(
        MalformedScepRequestException.class,
        () -> PkiMessage.decode(java.util.Arrays.copyOf(truncated, truncated.length / 2)));
  }

  @Test
  void theSupportedAlgorithmsAreTheAdvertisedOnes() {
    assertTrue(PkiMessage.DIGESTS.contains(OIWObjectIdentifiers.idSHA1));
    assertTrue(PkiMessage.DIGESTS.contains(NISTObjectIdentifiers.id_sha512));
    assertTrue(PkcsPkiEnvelope.CIPHERS.contains(NISTObjectIdentifiers.id_aes256_CBC));
    assertTrue(PkcsPkiEnvelope.CIPHERS.contains(PKCSObjectIdentifiers.des_EDE3_CBC));
  }
}
