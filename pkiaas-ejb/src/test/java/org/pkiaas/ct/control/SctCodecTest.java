package org.pkiaas.ct.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.pkiaas.pem.Pem;

/**
 * The RFC 6962 structures against bytes made elsewhere: a certificate with an embedded SCT from the
 * CT reference test data, its test log's key, and a log server's recorded JSON answer.
 */
class SctCodecTest {

  static final String LOG_ID = "df1c2ec11500945247a96168325ddc5c7959e8f7c6d388fc002e0bbd3f74d764";

  private final X509CertificateHolder certificate = certificate("embedded-scts.pem");
  private final X509CertificateHolder issuer = certificate("embedded-scts-issuer.pem");
  private final byte[] logKey = Base64.getDecoder().decode(text("test-log-key.b64").strip());

  @Test
  void theEmbeddedListDecodesToTheSctOpenSslPrints() {
    SctList list = SctList.of(certificate.getExtensions());

    assertEquals(1, list.timestamps().size());
    SignedCertificateTimestamp sct = list.timestamps().get(0);
    assertEquals(0, sct.version());
    assertEquals(LOG_ID, sct.logIdHex());
    assertEquals("2013-04-05T17:04:16.275Z", sct.time().toString());
    assertEquals(0, sct.extensions().length);
    assertEquals(DigitallySigned.SHA256, sct.signature().hashAlgorithm());
    assertEquals(DigitallySigned.ECDSA, sct.signature().signatureAlgorithm());
    assertEquals(
        "3045022100b8c5d3759b84747dda3c0e211af990722db593147993f92ec499f11b202ac67c",
        HexFormat.of().formatHex(sct.signature().signature()).substring(0, 74));
  }

  @Test
  void reEncodingGivesTheExtensionBackByteForByte() throws IOException {
    Extension original = certificate.getExtension(SctList.EXTENSION);
    Extension again = SctList.of(certificate.getExtensions()).extension();

    assertArrayEquals(original.getEncoded(), again.getEncoded());
  }

  @Test
  void theLogIdIsTheHashOfTheLogKey() {
    assertEquals(LOG_ID, HexFormat.of().formatHex(Precertificates.logId(logKey)));
  }

  @Test
  void theSctVerifiesOverThePrecertEntryRebuiltFromTheCertificate() {
    SignedCertificateTimestamp sct = SctList.of(certificate.getExtensions()).timestamps().get(0);
    LogEntry entry = Precertificates.entryOfCertificate(certificate, issuer);

    assertNull(SctVerifier.of(logKey).problem(sct, entry));
  }

  @Test
  void aLogsVerifierIsMadeOnceAndKeptForItsKey() {
    String key = Base64.getEncoder().encodeToString(logKey);
    SctVerifier kept = SctVerifier.forLog(key);
    SignedCertificateTimestamp sct = SctList.of(certificate.getExtensions()).timestamps().get(0);

    assertSame(kept, SctVerifier.forLog(key));
    assertNotSame(kept, SctVerifier.forLog(OTHER_P256));
    assertEquals(LOG_ID, kept.logIdHex());
    assertNull(kept.problem(sct, Precertificates.entryOfCertificate(certificate, issuer)));
    assertNotNull(
        SctVerifier.forLog(OTHER_P256)
            .problem(sct, Precertificates.entryOfCertificate(certificate, issuer)));
  }

  @Test
  void aChangedTimestampOrEntryDoesNotVerify() {
    SignedCertificateTimestamp sct = SctList.of(certificate.getExtensions()).timestamps().get(0);
    SignedCertificateTimestamp later =
        new SignedCertificateTimestamp(
            sct.version(), sct.logId(), sct.timestamp() + 1, sct.extensions(), sct.signature());
    LogEntry entry = Precertificates.entryOfCertificate(certificate, issuer);
    LogEntry otherIssuer = Precertificates.entryOfCertificate(certificate, certificate);

    assertEquals("the signature does not verify", SctVerifier.of(logKey).problem(later, entry));
    assertEquals("the signature does not verify", SctVerifier.of(logKey).problem(sct, otherIssuer));
  }

  @Test
  void anSctOfAnotherLogIsNamedAsSuch() {
    SignedCertificateTimestamp sct = SctList.of(certificate.getExtensions()).timestamps().get(0);
    byte[] otherKey = Base64.getDecoder().decode(OTHER_P256);

    String problem =
        SctVerifier.of(otherKey)
            .problem(sct, Precertificates.entryOfCertificate(certificate, issuer));

    assertTrue(problem.contains(LOG_ID), problem);
  }

  @Test
  void aLogAnswerDecodesWithItsEscapedSlash() {
    SignedCertificateTimestamp sct = CtJson.sct(text("add-chain-answer.json"));

    assertEquals(LOG_ID, sct.logIdHex());
    assertEquals(1469661431992L, sct.timestamp());
    assertEquals(DigitallySigned.ECDSA, sct.signature().signatureAlgorithm());
    assertEquals(0x46, sct.signature().signature().length);
  }

  @Test
  void anAnswerThatIsNotAnSctIsRefused() {
    for (String body :
        new String[] {
          "",
          "[]",
          "{\"sct_version\":1,\"id\":\"\",\"timestamp\":1,\"signature\":\"\"}",
          "{\"sct_version\":0,\"id\":\"AAAA\",\"timestamp\":1,\"signature\":\"BAMAAA==\"}",
          "{\"sct_version\":0,\"id\":\"3xwuwRUAlFJHqWFoMl3cXHlZ6PfG04j8AC4LvT9012Q=\","
              + "\"timestamp\":1.5,\"signature\":\"BAMAAA==\"}",
          "{\"sct_version\":0,\"id\":\"3xwuwRUAlFJHqWFoMl3cXHlZ6PfG04j8AC4LvT9012Q=\","
              + "\"timestamp\":1,\"signature\":\"BAMAAg==\"}",
          "{\"sct_version\":0,\"id\":\"3xwuwRUAlFJHqWFoMl3cXHlZ6PfG04j8AC4LvT9012Q=\","
              + "\"timestamp\":1,\"signature\":\"not base64!\"}"
        }) {
      assertThrows(CtFormatException.class, () -> CtJson.sct(body), body);
    }
  }

  @Test
  void truncatedOrPaddedListsAreRefused() {
    byte[] list = SctList.of(certificate.getExtensions()).encoded();

    assertThrows(
        CtFormatException.class, () -> SctList.decode(Arrays.copyOf(list, list.length - 1)));
    assertThrows(
        CtFormatException.class, () -> SctList.decode(Arrays.copyOf(list, list.length + 1)));
    assertThrows(CtFormatException.class, () -> SctList.decode(new byte[] {0, 0}));
  }

  @Test
  void theAddChainBodyCarriesTheChainInBase64InOrder() {
    String body = CtJson.addChainRequest(java.util.List.of(new byte[] {1, 2}, new byte[] {3}));

    assertEquals("{\"chain\":[\"AQI=\",\"Aw==\"]}", body);
  }

  @Test
  void signedDataFollowsSection32ForAnX509Entry() {
    SignedCertificateTimestamp sct =
        new SignedCertificateTimestamp(
            0,
            new byte[32],
            0x0102030405060708L,
            new byte[0],
            new DigitallySigned(4, 3, new byte[] {9}));

    byte[] data = sct.signedData(new LogEntry.X509(new byte[] {(byte) 0xAA, (byte) 0xBB}));

    // version, signature_type, timestamp, entry_type x509, uint24 length, the DER, no extensions
    assertEquals("00" + "00" + "0102030405060708" + "0000" + "000002aabb" + "0000", hex(data));
  }

  private static String hex(byte[] data) {
    return HexFormat.of().formatHex(data);
  }

  static final String OTHER_P256 =
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEhn11zHPoNJ2thtU14xd41GZAIzcBEWcV5eXByAgNDX7QvrJsI8PMZALTfvhIYtjTJbOv4Fz+ErITAgCBfgHQQQ==";

  static X509CertificateHolder certificate(String name) {
    return Pem.certificates("fixture", text(name)).get(0);
  }

  static String text(String name) {
    try (InputStream in = SctCodecTest.class.getResourceAsStream("/ct/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
