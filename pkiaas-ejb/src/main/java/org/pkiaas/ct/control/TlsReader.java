package org.pkiaas.ct.control;

import java.util.Arrays;

/**
 * Reads what {@link TlsWriter} writes; any short or over-long input is a {@link CtFormatException}.
 */
final class TlsReader {

  private final byte[] data;
  private int position;

  TlsReader(byte[] data) {
    this.data = data;
  }

  long uint(int bytes) {
    require(bytes);
    long value = 0;
    for (int i = 0; i < bytes; i++) {
      value = (value << 8) | (data[position++] & 0xff);
    }
    return value;
  }

  byte[] bytes(int length) {
    require(length);
    byte[] value = Arrays.copyOfRange(data, position, position + length);
    position += length;
    return value;
  }

  byte[] vector(int lengthBytes) {
    return bytes((int) uint(lengthBytes));
  }

  boolean atEnd() {
    return position == data.length;
  }

  void requireEnd(String what) {
    if (!atEnd()) {
      throw new CtFormatException(what + " has " + (data.length - position) + " bytes too many");
    }
  }

  private void require(int length) {
    if (length < 0 || data.length - position < length) {
      throw new CtFormatException("Truncated: " + length + " bytes wanted at offset " + position);
    }
  }
}
