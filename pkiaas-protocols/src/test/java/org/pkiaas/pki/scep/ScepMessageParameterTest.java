package org.pkiaas.pki.scep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.pkiaas.scep.boundary.MalformedScepRequestException;

/** GET PKIOperation's message parameter, as clients really encode it (RFC 8894 §4.1). */
class ScepMessageParameterTest {

  private static final byte[] BYTES = {(byte) 0xfb, (byte) 0xff, 0x3e, 0x01, 0x02, (byte) 0xfe, 9};
  private static final String STANDARD = Base64.getEncoder().encodeToString(BYTES);

  @Test
  void percentEncodedBase64() {
    String encoded = STANDARD.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
    assertArrayEquals(
        BYTES, ScepMessageParameter.fromQuery("operation=PKIOperation&message=" + encoded));
  }

  @Test
  void aLiteralPlusStaysAPlus() {
    assertArrayEquals(
        BYTES, ScepMessageParameter.fromQuery("message=" + STANDARD + "&operation=x"));
  }

  @Test
  void ciscoLineBreaksAndWhitespaceAreIgnored() {
    String wrapped =
        STANDARD.substring(0, 4)
            + "%0A"
            + STANDARD.substring(4, 8)
            + "%0D%0A "
            + STANDARD.substring(8);
    assertArrayEquals(BYTES, ScepMessageParameter.fromQuery("message=" + wrapped));
  }

  @Test
  void urlSafeAlphabetWithoutPadding() {
    String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(BYTES);
    assertArrayEquals(BYTES, ScepMessageParameter.fromQuery("message=" + urlSafe));
  }

  @Test
  void absentOrBroken() {
    assertNull(ScepMessageParameter.fromQuery("operation=PKIOperation"));
    assertNull(ScepMessageParameter.fromQuery(null));
    assertThrows(
        MalformedScepRequestException.class, () -> ScepMessageParameter.fromQuery("message=a*b"));
  }
}
