package org.pkiaas.pki.scep;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import org.pkiaas.scep.boundary.MalformedScepRequestException;

/**
 * The {@code message} query parameter of a GET PKIOperation (RFC 8894 §4.1): base64 that clients
 * URL-encode more or less well. Read from the raw query, so a literal {@code +} stays a {@code +};
 * percent escapes (including Cisco's {@code %0A}) are undone, whitespace is dropped, and the
 * URL-safe alphabet and missing padding are accepted.
 */
final class ScepMessageParameter {

  private ScepMessageParameter() {}

  /** The decoded message from the raw (still percent-encoded) query string, or null if absent. */
  static byte[] fromQuery(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith("message=")) {
        return decode(percentDecode(pair.substring("message=".length())));
      }
    }
    return null;
  }

  static byte[] decode(String text) {
    StringBuilder base64 = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '=') {
        continue;
      }
      base64.append(c == '-' ? '+' : c == '_' ? '/' : c);
    }
    try {
      return Base64.getDecoder().decode(pad(base64));
    } catch (IllegalArgumentException e) {
      throw new MalformedScepRequestException("The message parameter is not base64");
    }
  }

  private static String pad(StringBuilder base64) {
    while (base64.length() % 4 != 0) {
      base64.append('=');
    }
    return base64.toString();
  }

  private static String percentDecode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()) {
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high >= 0 && low >= 0) {
          bytes.write(high * 16 + low);
          i += 2;
          continue;
        }
      }
      bytes.write(c < 0x80 ? c : '?');
    }
    return bytes.toString(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
