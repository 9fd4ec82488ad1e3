package org.pkiaas.tsa.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.tsa.boundary.FailInfo;
import org.pkiaas.tsa.boundary.TimeStampRejected;

/**
 * {@link TimeStampCodec} against requests made by {@code openssl ts -query} (the files under {@code
 * src/test/resources/tsa/}, remade by {@code make-fixtures.sh} there), its responses read back by
 * Bouncy Castle's RFC 3161 client classes.
 */
class TimeStampCodecTest {

  static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = TimeStampCodecTest.class.getResourceAsStream("/tsa/" + name)) {
      return in.readAllBytes();
    }
  }

  static byte[] documentHash(String algorithm) throws Exception {
    return MessageDigest.getInstance(algorithm).digest(fixtureDocument());
  }

  static byte[] fixtureDocument() {
    return "the document to stamp\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  @Test
  void decodesOpensslQueryWithNonceAndCertReq() throws Exception {
    TimeStampCodec.Query query = TimeStampCodec.decode(fixture("sha256-nonce-cert.tsq"));
    assertEquals(NISTObjectIdentifiers.id_sha256, query.hashAlgorithm());
    assertArrayEquals(documentHash("SHA-256"), query.hashedMessage());
    assertNotNull(query.nonce());
    assertTrue(query.certReq());
    assertNull(query.requestedPolicy());
    assertFalse(query.hasExtensions());
  }

  @Test
  void decodesQueryWithoutNonceOrCertReq() throws Exception {
    TimeStampCodec.Query query = TimeStampCodec.decode(fixture("sha256-no-nonce.tsq"));
    assertNull(query.nonce());
    assertFalse(query.certReq());
  }

  @Test
  void decodesSha512AndRequestedPolicy() throws Exception {
    assertEquals(
        NISTObjectIdentifiers.id_sha512,
        TimeStampCodec.decode(fixture("sha512-nonce-cert.tsq")).hashAlgorithm());
    assertEquals(
        new ASN1ObjectIdentifier("1.2.3.4.5"),
        TimeStampCodec.decode(fixture("policy-1.2.3.4.5.tsq")).requestedPolicy());
  }

  @ParameterizedTest
  @ValueSource(strings = {"truncated.tsq", "base64-text.tsq", "authenticode-request.b64"})
  void garbageIsBadDataFormat(String name) throws Exception {
    byte[] bytes = fixture(name);
    TimeStampRejected rejected =
        assertThrows(TimeStampRejected.class, () -> TimeStampCodec.decode(bytes));
    assertEquals(FailInfo.BAD_DATA_FORMAT, rejected.failInfo());
  }

  @Test
  void trailingBytesAndEmptyBodiesAreBadDataFormat() throws Exception {
    byte[] query = fixture("sha256-no-nonce.tsq");
    byte[] longer = java.util.Arrays.copyOf(query, query.length + 2);
    assertEquals(
        FailInfo.BAD_DATA_FORMAT,
        assertThrows(TimeStampRejected.class, () -> TimeStampCodec.decode(longer)).failInfo());
    assertEquals(
        FailInfo.BAD_DATA_FORMAT,
        assertThrows(TimeStampRejected.class, () -> TimeStampCodec.decode(new byte[0])).failInfo());
  }

  @Test
  void grantedTokenEchoesNonceCarriesCertificatesAndVerifies() throws Exception {
    TsaUnit unit = TestUnits.p256("ca-1");
    TimeStampCodec.Query query = TimeStampCodec.decode(fixture("sha256-nonce-cert.tsq"));
    Instant genTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    BigInteger serial = new BigInteger("123456789abcdef0123", 16);
    byte[] der =
        TimeStampCodec.granted(query, new TimeStampCodec.Stamp(POLICY, serial, genTime), unit);

    TimeStampResponse response = new TimeStampResponse(der);
    assertEquals(PKIStatus.GRANTED, response.getStatus());
    response.validate(query.request()); // nonce, imprint, policy, and the ESS certificate id
    TimeStampToken token = response.getTimeStampToken();
    assertEquals(query.nonce(), token.getTimeStampInfo().getNonce());
    assertEquals(serial, token.getTimeStampInfo().getSerialNumber());
    assertEquals(POLICY, token.getTimeStampInfo().getPolicy());
    assertEquals(Date.from(genTime), token.getTimeStampInfo().getGenTime());
    assertEquals(1, token.getTimeStampInfo().getAccuracy().getSeconds().intValueExact());
    assertFalse(token.getTimeStampInfo().isOrdered());
    assertEquals(2, token.getCertificates().getMatches(null).size());
    assertNotNull(
        token
            .getSignedAttributes()
            .get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)); // RFC 5816
    token.validate(
        new JcaSimpleSignerInfoVerifierBuilder()
            .setProvider(BouncyCastle.PROVIDER)
            .build(unit.certificate()));
  }

  @Test
  void withoutCertReqTheTokenCarriesNoCertificates() throws Exception {
    TsaUnit unit = TestUnits.p256("ca-1");
    TimeStampCodec.Query query = TimeStampCodec.decode(fixture("sha256-no-nonce.tsq"));
    byte[] der =
        TimeStampCodec.granted(
            query, new TimeStampCodec.Stamp(POLICY, BigInteger.TEN, Instant.now()), unit);
    TimeStampToken token = new TimeStampResponse(der).getTimeStampToken();
    assertTrue(token.getCertificates().getMatches(null).isEmpty());
    assertNull(token.getTimeStampInfo().getNonce());
  }

  @Test
  void aUnitSignsTokenAfterTokenUnderEachPolicyAndOnEachThread() throws Exception {
    TsaUnit unit = TestUnits.p256("ca-1");
    ASN1ObjectIdentifier other = new ASN1ObjectIdentifier("1.2.3.4.5");
    TimeStampToken first = token(unit, "sha256-nonce-cert.tsq", POLICY, BigInteger.ONE);
    TimeStampToken second = token(unit, "sha256-no-nonce.tsq", POLICY, BigInteger.TWO);
    TimeStampToken underOther = token(unit, "policy-1.2.3.4.5.tsq", other, BigInteger.TEN);
    java.util.concurrent.atomic.AtomicReference<TimeStampToken> elsewhere =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                elsewhere.set(token(unit, "sha256-nonce-cert.tsq", POLICY, BigInteger.TEN));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    thread.start();
    thread.join();

    assertEquals(2, first.getCertificates().getMatches(null).size());
    assertTrue(second.getCertificates().getMatches(null).isEmpty());
    assertEquals(BigInteger.TWO, second.getTimeStampInfo().getSerialNumber());
    assertEquals(other, underOther.getTimeStampInfo().getPolicy());
    assertEquals(POLICY, elsewhere.get().getTimeStampInfo().getPolicy());
    for (TimeStampToken token : java.util.List.of(first, second, underOther, elsewhere.get())) {
      token.validate(
          new JcaSimpleSignerInfoVerifierBuilder()
              .setProvider(BouncyCastle.PROVIDER)
              .build(unit.certificate()));
    }
  }

  private static TimeStampToken token(
      TsaUnit unit, String fixture, ASN1ObjectIdentifier policy, BigInteger serial)
      throws Exception {
    TimeStampCodec.Query query = TimeStampCodec.decode(fixture(fixture));
    TimeStampResponse response =
        new TimeStampResponse(
            TimeStampCodec.granted(
                query, new TimeStampCodec.Stamp(policy, serial, Instant.now()), unit));
    response.validate(query.request());
    return response.getTimeStampToken();
  }

  @Test
  void rejectionCarriesStatusFailInfoAndText() throws Exception {
    TimeStampResponse response =
        new TimeStampResponse(TimeStampCodec.rejection(FailInfo.BAD_ALG, "use SHA-256"));
    assertEquals(PKIStatus.REJECTION, response.getStatus());
    assertEquals(PKIFailureInfo.badAlg, response.getFailInfo().intValue());
    assertEquals("use SHA-256", response.getStatusString());
    assertNull(response.getTimeStampToken());
    assertEquals(
        PKIFailureInfo.unacceptedPolicy,
        new TimeStampResponse(TimeStampCodec.rejection(FailInfo.UNACCEPTED_POLICY, "x"))
            .getFailInfo()
            .intValue());
  }

  @Test
  void failInfoNamesAreTheRfcs() {
    assertEquals("badDataFormat", FailInfo.BAD_DATA_FORMAT.rfcName());
    assertEquals("unacceptedPolicy", FailInfo.UNACCEPTED_POLICY.rfcName());
    assertEquals(14, FailInfo.TIME_NOT_AVAILABLE.bit());
  }
}
