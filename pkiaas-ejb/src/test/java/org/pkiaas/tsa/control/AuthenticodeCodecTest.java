package org.pkiaas.tsa.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.tsa.boundary.FailInfo;
import org.pkiaas.tsa.boundary.TimeStampRejected;

/**
 * {@link AuthenticodeCodec} against the request {@code osslsigncode sign -t} sent (under {@code
 * src/test/resources/tsa/}, remade by {@code make-fixtures.sh}), its reply read back as CMS.
 */
class AuthenticodeCodecTest {

  @Test
  void decodesTheSignatureOsslsigncodeAsksToStamp() throws Exception {
    byte[] signature =
        AuthenticodeCodec.decode(TimeStampCodecTest.fixture("authenticode-request.b64"));
    // the fixture was signed with a P-256 key: an ECDSA-Sig-Value
    assertEquals(0x30, signature[0]);
    assertEquals(signature.length - 2, signature[1]);
  }

  @Test
  void rawDerIsAcceptedToo() throws Exception {
    byte[] base64 = TimeStampCodecTest.fixture("authenticode-request.b64");
    byte[] der = Base64.getMimeDecoder().decode(base64);
    assertArrayEquals(AuthenticodeCodec.decode(base64), AuthenticodeCodec.decode(der));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sha256-nonce-cert.tsq", "truncated.tsq", "base64-text.tsq"})
  void anythingElseIsBadDataFormat(String name) throws Exception {
    byte[] bytes = TimeStampCodecTest.fixture(name);
    assertEquals(
        FailInfo.BAD_DATA_FORMAT,
        assertThrows(TimeStampRejected.class, () -> AuthenticodeCodec.decode(bytes)).failInfo());
    byte[] text = "not base64 at all!".getBytes(StandardCharsets.US_ASCII);
    assertThrows(TimeStampRejected.class, () -> AuthenticodeCodec.decode(text));
  }

  @Test
  void replyIsSignedDataOverTheSignatureWithUtcSigningTime() throws Exception {
    TsaUnit unit = TestUnits.p256("ca-1");
    byte[] signature =
        AuthenticodeCodec.decode(TimeStampCodecTest.fixture("authenticode-request.b64"));
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    byte[] reply = AuthenticodeCodec.encode(signature, now, unit);

    String text = new String(reply, StandardCharsets.US_ASCII);
    assertTrue(text.lines().allMatch(line -> line.length() <= 64), text);
    CMSSignedData signed = new CMSSignedData(Base64.getMimeDecoder().decode(reply));
    assertEquals(PKCSObjectIdentifiers.data.getId(), signed.getSignedContentTypeOID());
    assertArrayEquals(signature, (byte[]) signed.getSignedContent().getContent());
    assertEquals(2, signed.getCertificates().getMatches(null).size());
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    assertTrue(
        signer.verify(
            new JcaSimpleSignerInfoVerifierBuilder()
                .setProvider(BouncyCastle.PROVIDER)
                .build(unit.certificate())));
    ASN1UTCTime signingTime =
        assertInstanceOf(
            ASN1UTCTime.class,
            signer
                .getSignedAttributes()
                .get(CMSAttributes.signingTime)
                .getAttrValues()
                .getObjectAt(0));
    assertEquals(Date.from(now), signingTime.getAdjustedDate());
  }
}
