package org.pkiaas.pki.ocsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
