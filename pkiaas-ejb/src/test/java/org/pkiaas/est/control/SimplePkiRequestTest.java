package org.pkiaas.est.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.pkiaas.est.boundary.EstFailure;
import org.pkiaas.x509.SubjectAltNames;

/** simpleenroll bodies as real clients send them (RFC 7030 §4.2.1), and what is refused. */
class SimplePkiRequestTest {

  @Test
  void strongSwanPkisOneLineBase64Decodes() throws Exception {
    SimplePkiRequest request = SimplePkiRequest.decode(fixture("strongswan-rsa2048.csr.b64"));
    assertEquals("CN=router1.example.test", request.request().subject().toString());
    assertEquals(
        "DNS:router1.example.test",
        request.request().subjectAltNames().stream()
            .map(SubjectAltNames.Name::toString)
            .findFirst()
            .orElseThrow());
    assertEquals(64, request.hash().length());
  }

  @Test
  void opensslsLineBrokenBase64DecodesToTheSameDer() throws Exception {
    byte[] body = fixture("openssl-p384.csr.b64");
    SimplePkiRequest request = SimplePkiRequest.decode(body);
    assertEquals("CN=sensor7.example.test", request.request().subject().toString());
    byte[] der = Base64.getMimeDecoder().decode(new String(body, StandardCharsets.US_ASCII).trim());
    assertArrayEquals(der, request.der());
    // CRLF line breaks (RFC 2045) give the same request
    byte[] crlf =
        new String(body, StandardCharsets.US_ASCII)
            .replace("\n", "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    assertEquals(request.hash(), SimplePkiRequest.decode(crlf).hash());
  }

  @Test
  void aCsrWithABrokenSignatureIsABadRequest() throws Exception {
    byte[] der =
        Base64.getMimeDecoder()
            .decode(new String(fixture("openssl-p384.csr.b64"), StandardCharsets.US_ASCII).trim());
    der[der.length - 5] ^= 0x01;
    EstFailure failure =
        assertThrows(
            EstFailure.class, () -> SimplePkiRequest.decode(Base64.getEncoder().encode(der)));
    assertEquals(EstFailure.Status.BAD_REQUEST, failure.status());
  }

  @Test
  void pemArmourOrBinaryDerIsNotBase64() throws Exception {
    byte[] der = SimplePkiRequest.decode(fixture("openssl-p384.csr.b64")).der();
    EstFailure binary = assertThrows(EstFailure.class, () -> SimplePkiRequest.decode(der));
    assertEquals(EstFailure.Status.BAD_REQUEST, binary.status());
    assertTrue(binary.getMessage().contains("base64"), binary.getMessage());
    byte[] pem =
        ("-----BEGIN CERTIFICATE REQUEST-----\n"
                + new String(fixture("openssl-p384.csr.b64"), StandardCharsets.US_ASCII)
                + "-----END CERTIFICATE REQUEST-----\n")
            .getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        EstFailure.Status.BAD_REQUEST,
        assertThrows(EstFailure.class, () -> SimplePkiRequest.decode(pem)).status());
    assertEquals(
        EstFailure.Status.BAD_REQUEST,
        assertThrows(EstFailure.class, () -> SimplePkiRequest.decode(new byte[0])).status());
  }

  @Test
  void base64OfSomethingElseIsABadRequest() {
    byte[] notACsr = Base64.getEncoder().encode(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05});
    EstFailure failure = assertThrows(EstFailure.class, () -> SimplePkiRequest.decode(notACsr));
    assertEquals(EstFailure.Status.BAD_REQUEST, failure.status());
  }

  @Test
  void answersAreBase64OnOneLine() throws Exception {
    byte[] der = SimplePkiRequest.decode(fixture("strongswan-rsa2048.csr.b64")).der();
    String text = new String(EstBase64.encode(der), StandardCharsets.US_ASCII);
    assertTrue(text.matches("[A-Za-z0-9+/]+=*"), text);
    assertArrayEquals(der, EstBase64.decode("test", text.getBytes(StandardCharsets.US_ASCII)));
  }

  static byte[] fixture(String name) throws Exception {
    try (InputStream in = SimplePkiRequestTest.class.getResourceAsStream("/est/" + name)) {
      return in.readAllBytes();
    }
  }
}
