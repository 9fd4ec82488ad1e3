package org.pkiaas.ocsp.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.certificate.entity.RevocationReason;
import org.pkiaas.ocsp.control.OcspCodec.BasicResponse;
import org.pkiaas.ocsp.control.OcspCodec.Good;
import org.pkiaas.ocsp.control.OcspCodec.OcspRequest;
import org.pkiaas.ocsp.control.OcspCodec.ResponseStatus;
import org.pkiaas.ocsp.control.OcspCodec.Revoked;
import org.pkiaas.ocsp.control.OcspCodec.SingleAnswer;
import org.pkiaas.ocsp.control.OcspCodec.Unknown;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.x509.Der;

/**
 * {@link OcspCodec} against requests made by {@code openssl ocsp -reqout} (the files under {@code
 * src/test/resources/ocsp/}, remade by {@code make-fixtures.sh} there), and its responses read back
 * by Bouncy Castle.
 */
class OcspCodecTest {

  private static final ASN1ObjectIdentifier SHA256 =
      new ASN1ObjectIdentifier("2.16.840.1.101.3.4.2.1");

  @Test
  void decodesASha1RequestWithoutNonce() throws Exception {
    OcspRequest request = OcspCodec.decode(fixture("sha1-no-nonce.der"));

    assertEquals(1, request.certificateIds().size());
    CertificateID id = request.certificateIds().get(0);
    assertEquals(OIWObjectIdentifiers.idSHA1, id.getHashAlgOID());
    assertEquals(BigInteger.valueOf(0x1001), id.getSerialNumber());
    assertTrue(id.matchesIssuer(fixtureCa(), digests()), "the CertID names the fixture CA");
    assertNull(request.nonce());
  }

  @Test
  void decodesASha1RequestWithOpenSslsNonce() throws Exception {
    OcspRequest request = OcspCodec.decode(fixture("sha1-nonce.der"));

    assertEquals(1, request.certificateIds().size());
    assertEquals(16, request.nonce().length, "openssl sends 16 octets");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sha256-no-nonce.der", "sha256-nonce.der"})
  void decodesSha256CertIds(String file) throws Exception {
    OcspRequest request = OcspCodec.decode(fixture(file));

    CertificateID id = request.certificateIds().get(0);
    assertEquals(SHA256, id.getHashAlgOID());
    assertEquals(32, id.getIssuerNameHash().length);
    assertTrue(id.matchesIssuer(fixtureCa(), digests()));
    assertEquals(file.contains("-nonce") && !file.contains("no-nonce"), request.nonce() != null);
  }

  @Test
  void keepsSeveralCertIdsInRequestOrder() throws Exception {
    OcspRequest request = OcspCodec.decode(fixture("three-serials.der"));

    assertEquals(
        List.of(BigInteger.valueOf(0x1001), BigInteger.valueOf(0x1002), BigInteger.valueOf(0x1003)),
        request.certificateIds().stream().map(CertificateID::getSerialNumber).toList());
  }

  @Test
  void decodesCertIdsOfDifferentHashesInOneRequest() throws Exception {
    OcspRequest request = OcspCodec.decode(fixture("mixed-hashes.der"));

    assertEquals(
        List.of(OIWObjectIdentifiers.idSHA1, SHA256),
        request.certificateIds().stream().map(CertificateID::getHashAlgOID).toList());
  }

  @Test
  void decodesASignedRequest() throws Exception {
    // RFC 6960 §4.1.2: the signature is optional; it is read past, not required
    OcspRequest request = OcspCodec.decode(fixture("signed.der"));

    assertEquals(1, request.certificateIds().size());
    assertEquals(16, request.nonce().length);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"truncated.der", "overlong-length.der", "base64-text.der", "one-byte.der"})
  void refusesMalformedRequests(String file) {
    assertThrows(MalformedOcspRequestException.class, () -> OcspCodec.decode(fixture(file)));
  }

  @Test
  void refusesNothingAndTooMuch() {
    assertThrows(MalformedOcspRequestException.class, () -> OcspCodec.decode(new byte[0]));
    assertThrows(MalformedOcspRequestException.class, () -> OcspCodec.decode(null));
    assertThrows(
        MalformedOcspRequestException.class,
        () -> OcspCodec.decode(new byte[OcspCodec.MAX_REQUEST_BYTES + 1]));
  }

  @Test
  void encodesASignedResponseThatAnswersEachCertIdAndEchoesTheNonce() throws Exception {
    OcspRequest request = OcspCodec.decode(fixture("three-serials.der"));
    Responder responder = responder();
    Instant thisUpdate = Instant.parse("2026-12-01T10:00:00Z");
    Instant revokedAt = Instant.parse("2026-11-30T08:00:00Z");
    List<CertificateID> ids = request.certificateIds();

    byte[] der =
        OcspCodec.encode(
            new BasicResponse(
                List.of(
                    new SingleAnswer(ids.get(0), new Good()),
                    new SingleAnswer(
                        ids.get(1), new Revoked(revokedAt, RevocationReason.KEY_COMPROMISE)),
                    new SingleAnswer(ids.get(2), new Unknown())),
                thisUpdate,
                thisUpdate.plusSeconds(3600),
                request.nonce()),
            responder);

    OCSPResp response = new OCSPResp(der);
    assertEquals(OCSPResp.SUCCESSFUL, response.getStatus());
    BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
    assertTrue(
        basic.isSignatureValid(
            new JcaContentVerifierProviderBuilder()
                .setProvider(BouncyCastle.PROVIDER)
                .build(responder.certificate())));
    assertEquals(responderId(responder), basic.getResponderId());
    assertEquals(responder.certificate(), basic.getCerts()[0]);
    assertEquals(Date.from(thisUpdate), basic.getProducedAt());
    SingleResp[] singles = basic.getResponses();
    assertEquals(3, singles.length);
    assertEquals(ids.get(0), singles[0].getCertID());
    assertEquals(CertificateStatus.GOOD, singles[0].getCertStatus());
    RevokedStatus revoked = assertInstanceOf(RevokedStatus.class, singles[1].getCertStatus());
    assertEquals(Date.from(revokedAt), revoked.getRevocationTime());
    assertEquals(CRLReason.keyCompromise, revoked.getRevocationReason());
    assertInstanceOf(UnknownStatus.class, singles[2].getCertStatus());
    assertEquals(Date.from(thisUpdate.plusSeconds(3600)), singles[0].getNextUpdate());
    assertArrayEquals(
        new DEROctetString(request.nonce()).getEncoded(),
        basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets());
  }

  /**
   * The DER written directly is what Bouncy Castle's builders make of the same answers (their
   * signature aside, ECDSA's being random), and Bouncy Castle re-encodes it unchanged.
   */
  @Test
  void encodesWhatBouncyCastlesBuildersWould() throws Exception {
    OcspRequest request = OcspCodec.decode(fixture("three-serials.der"));
    List<CertificateID> ids = request.certificateIds();
    Responder responder = responder();
    Instant thisUpdate = Instant.parse("2026-12-01T10:00:00Z");
    Instant revokedAt = Instant.parse("2026-11-30T08:00:00.123Z");
    Instant heldAt = Instant.parse("2026-11-29T08:00:00Z");
    List<SingleAnswer> answers =
        List.of(
            new SingleAnswer(ids.get(0), new Good()),
            new SingleAnswer(ids.get(1), new Revoked(revokedAt, RevocationReason.KEY_COMPROMISE)),
            new SingleAnswer(ids.get(2), new Revoked(heldAt, null)),
            new SingleAnswer(ids.get(0), new Unknown()));
    for (byte[] nonce : new byte[][] {request.nonce(), null, new byte[32]}) {
      Instant nextUpdate = thisUpdate.plusSeconds(7 * 86_400);
      byte[] der =
          OcspCodec.encode(new BasicResponse(answers, thisUpdate, nextUpdate, nonce), responder);

      BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(responderId(responder));
      builder.addResponse(
          ids.get(0), CertificateStatus.GOOD, Date.from(thisUpdate), Date.from(nextUpdate), null);
      builder.addResponse(
          ids.get(1),
          new RevokedStatus(Date.from(revokedAt), CRLReason.keyCompromise),
          Date.from(thisUpdate),
          Date.from(nextUpdate),
          null);
      builder.addResponse(
          ids.get(2),
          new RevokedStatus(new RevokedInfo(new ASN1GeneralizedTime(Date.from(heldAt)), null)),
          Date.from(thisUpdate),
          Date.from(nextUpdate),
          null);
      builder.addResponse(
          ids.get(0), new UnknownStatus(), Date.from(thisUpdate), Date.from(nextUpdate), null);
      if (nonce != null) {
        builder.setResponseExtensions(
            new Extensions(
                new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false,
                    new DEROctetString(nonce).getEncoded())));
      }
      BasicOCSPResp expected =
          builder.build(
              responder.signer(),
              new X509CertificateHolder[] {responder.certificate()},
              Date.from(thisUpdate));

      OCSPResp response = new OCSPResp(der);
      assertArrayEquals(der, response.getEncoded(), "Bouncy Castle re-encodes it unchanged");
      BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
      assertArrayEquals(expected.getTBSResponseData(), basic.getTBSResponseData());
      assertEquals(expected.getSignatureAlgorithmID(), basic.getSignatureAlgorithmID());
      assertArrayEquals(expected.getCerts(), basic.getCerts());
      assertTrue(
          basic.isSignatureValid(
              new JcaContentVerifierProviderBuilder()
                  .setProvider(BouncyCastle.PROVIDER)
                  .build(responder.certificate())));
    }
  }

  @Test
  void leavesOutAnUnstatedReasonAndANonceNotAskedFor() throws Exception {
    OcspRequest request = OcspCodec.decode(fixture("sha256-no-nonce.der"));
    Instant now = Instant.parse("2026-12-01T10:00:00Z");

    byte[] der =
        OcspCodec.encode(
            new BasicResponse(
                List.of(new SingleAnswer(request.certificateIds().get(0), new Revoked(now, null))),
                now,
                now.plusSeconds(60),
                null),
            responder());

    BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(der).getResponseObject();
    RevokedStatus revoked =
        assertInstanceOf(RevokedStatus.class, basic.getResponses()[0].getCertStatus());
    assertTrue(!revoked.hasRevocationReason(), "RFC 5280 §5.3.1: unspecified is left out");
    assertNull(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
  }

  @Test
  void encodesEachErrorStatusWithoutResponseBytes() throws Exception {
    for (ResponseStatus status : ResponseStatus.values()) {
      if (status == ResponseStatus.SUCCESSFUL) {
        assertThrows(IllegalArgumentException.class, () -> OcspCodec.error(status));
        continue;
      }
      OCSPResp response = new OCSPResp(OcspCodec.error(status));
      assertEquals(status.code(), response.getStatus());
      assertNull(response.getResponseObject());
    }
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = OcspCodecTest.class.getResourceAsStream("/ocsp/" + name)) {
      if (in == null) {
        throw new IOException("No fixture " + name);
      }
      return in.readAllBytes();
    }
  }

  private static X509CertificateHolder fixtureCa() throws IOException {
    try (PEMParser pem =
        new PEMParser(
            new InputStreamReader(
                OcspCodecTest.class.getResourceAsStream("/ocsp/ca.pem"),
                StandardCharsets.US_ASCII))) {
      return (X509CertificateHolder) pem.readObject();
    }
  }

  private static DigestCalculatorProvider digests() throws Exception {
    return new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
  }

  /** A delegated responder with a throwaway P-256 key and a self-signed certificate. */
  private static Responder responder() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=Fixture OCSP Responder");
    Instant notAfter = Instant.parse("2027-12-01T00:00:00Z");
    X509CertificateHolder certificate =
        new JcaX509v3CertificateBuilder(
                name,
                BigInteger.TEN,
                Date.from(Instant.parse("2026-01-01T00:00:00Z")),
                Date.from(notAfter),
                name,
                keys.getPublic())
            .build(
                new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(BouncyCastle.PROVIDER)
                    .build(keys.getPrivate()));
    return new Responder(
        "ca",
        "responder",
        certificate,
        notAfter,
        keys.getPrivate(),
        "SHA256withECDSA",
        Map.of(),
        Der.encoded(certificate),
        Der.encoded(responderId(certificate).toASN1Primitive()));
  }

  /** The ResponderID by key hash (RFC 6960 §4.2.2.3) as Bouncy Castle computes it. */
  private static RespID responderId(X509CertificateHolder certificate) throws Exception {
    return new RespID(
        certificate.getSubjectPublicKeyInfo(), digests().get(CertificateID.HASH_SHA1));
  }

  private static RespID responderId(Responder responder) throws Exception {
    return responderId(responder.certificate());
  }
}
