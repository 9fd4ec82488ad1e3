package org.pkiaas.pki.ocsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * RFC 6960 Appendix A.1: the GET path is the URL-encoding of base64, in which '+' is a character,
 * not a space.
 */
class OcspServletTest {

  @Test
  void decodesPercentEscapesAndKeepsPlusSigns() {
    assertEquals("MEow/SDA+Mjb=", OcspServlet.percentDecode("MEow%2FSDA%2BMjb%3D"));
    assertEquals("MEow/SDA+Mjb=", OcspServlet.percentDecode("MEow/SDA+Mjb="));
    assertEquals(
        "a%", OcspServlet.percentDecode("a%"), "a dangling escape is left for base64 to refuse");
  }

  @Test
  void readsTheDeclaredBodyOrNoMoreThanTheLimit() throws IOException {
    byte[] body = new byte[5000];
    body[4999] = 7;

    assertArrayEquals(
        body, OcspServlet.readAtMost(new ByteArrayInputStream(body), body.length, 6000));
    assertArrayEquals(body, OcspServlet.readAtMost(new ByteArrayInputStream(body), -1, 6000));
    // beyond the limit: enough to be refused as too large, not the whole body
    int cut = OcspServlet.readAtMost(new ByteArrayInputStream(body), body.length, 4001).length;
    assertTrue(cut >= 4001 && cut < body.length, cut + " bytes");
    cut = OcspServlet.readAtMost(new ByteArrayInputStream(body), -1, 4001).length;
    assertTrue(cut >= 4001 && cut < body.length, cut + " bytes");
  }
}
