package org.pkiaas.est.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.pkiaas.est.boundary.EstFailure;

/**
 * The transfer encoding of every EST body (RFC 7030 §4 and RFC 8951 §3.2): base64 of the DER, line
 * breaks and other white space allowed on the way in; one line without breaks on the way out
 * (strongSwan 5.9.8's pki does not decode line breaks).
 */
public final class EstBase64 {

  private EstBase64() {}

  /** The DER inside a base64 body, or {@link EstFailure} 400 naming {@code what}. */
  public static byte[] decode(String what, byte[] body) {
    if (body == null || body.length == 0) {
      throw new EstFailure(EstFailure.Status.BAD_REQUEST, "The body must be a base64 " + what);
    }
    String text = new String(body, StandardCharsets.US_ASCII).replaceAll("\\s+", "");
    if (!text.matches("[A-Za-z0-9+/]*={0,2}") || text.length() % 4 != 0 || text.isEmpty()) {
      throw new EstFailure(
          EstFailure.Status.BAD_REQUEST,
          "The body is not base64 (RFC 7030 §4: a " + what + " in base64)");
    }
    return Base64.getDecoder().decode(text);
  }

  public static byte[] encode(byte[] der) {
    return Base64.getEncoder().encode(der);
  }
}
