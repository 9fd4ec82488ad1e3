package org.pkiaas.ct.control;

import java.io.ByteArrayOutputStream;

/**
 * The TLS presentation language's big-endian integers and length-prefixed vectors (RFC 5246 §4), as
 * RFC 6962 §3.2 uses them.
 */
final class TlsWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  TlsWriter uint(long value, int bytes) {
    if (bytes < 8 && (value < 0 || value >= 1L << (8 * bytes))) {
      throw new IllegalArgumentException(value + " does not fit in " + bytes + " bytes");
    }
    for (int i = bytes - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)) & 0xff);
    }
    return this;
  }

  TlsWriter bytes(byte[] value) {
    out.writeBytes(value);
    return this;
  }

  /** A vector with a {@code lengthBytes}-byte length before it. */
  TlsWriter vector(byte[] value, int lengthBytes) {
    return uint(value.length, lengthBytes).bytes(value);
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
