package org.pkiaas.ct.control;

import java.io.IOException;

/**
 * The fields that frame an HTTP/1.1 answer's body (RFC 9112 §6), read strictly: a log's answer
 * whose length is in any doubt is refused rather than guessed at, since a wrong guess would leave
 * bytes on a connection that is kept for the next submission.
 */
final class AnswerFraming {

  private AnswerFraming() {}

  /** The last of a Transfer-Encoding's codings (RFC 9112 §6.1): "chunked" frames the body. */
  static String lastCoding(String codings) {
    String[] all = codings.split(",");
    return all.length == 0 ? "" : all[all.length - 1].trim();
  }

  /** Digits only (RFC 9110 §8.6), and the same value if the field comes twice. */
  static long contentLength(String value, long earlier) throws IOException {
    if (value.isEmpty()
        || value.length() > 12
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new LogFailure("no proper HTTP answer: a Content-Length that is not a length");
    }
    long length = Long.parseLong(value);
    if (earlier >= 0 && earlier != length) {
      throw new LogFailure("no proper HTTP answer: two different Content-Lengths");
    }
    return length;
  }

  /** Hex digits only (RFC 9112 §7.1), a chunk extension ignored. */
  static long chunkSize(String line) throws IOException {
    int end = line.indexOf(';');
    String hex = (end < 0 ? line : line.substring(0, end)).trim();
    if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(AnswerFraming::isHexDigit)) {
      throw new LogFailure("no proper HTTP answer: a chunk size that is not a size");
    }
    return Long.parseLong(hex, 16);
  }

  private static boolean isHexDigit(int c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
