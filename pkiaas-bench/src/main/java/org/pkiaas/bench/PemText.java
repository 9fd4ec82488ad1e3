package org.pkiaas.bench;

import java.util.Base64;

/** The DER inside one PEM block (RFC 7468). */
final class PemText {

  private PemText() {}

  static byte[] der(String pem, String label) {
    int begin = pem.indexOf("-----BEGIN " + label + "-----");
    int end = pem.indexOf("-----END " + label + "-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("No " + label + " in the PEM text");
    }
    String body = pem.substring(pem.indexOf('\n', begin) + 1, end);
    return Base64.getMimeDecoder().decode(body);
  }
}
