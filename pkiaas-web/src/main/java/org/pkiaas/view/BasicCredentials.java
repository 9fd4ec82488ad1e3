package org.pkiaas.view;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The username and password of an HTTP Basic {@code Authorization} header (RFC 7617 §2), for the
 * pages that take a template's own credentials rather than an account's (NDES, EST).
 */
public record BasicCredentials(String username, String password) {

  /** The credentials in {@code header}, or null when it carries none that decode. */
  public static BasicCredentials of(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
