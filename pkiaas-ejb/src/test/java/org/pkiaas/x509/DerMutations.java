package org.pkiaas.x509;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The ways the codec fuzz tests mangle a real encoding: the mutations that broke DER parsers in the
 * past (flipped bits, length octets that claim too much or switch to indefinite length, trailing
 * garbage, nesting deep enough to overflow a recursive parser's stack).
 */
public final class DerMutations {

  /** Octets that, written over a length or tag, make a parser take the unusual branch. */
  private static final byte[] LENGTH_OCTETS = {
    0x00,
    0x7f,
    (byte) 0x80,
    (byte) 0x81,
    (byte) 0x82,
    (byte) 0x84,
    (byte) 0x88,
    (byte) 0xff,
    0x30,
    (byte) 0xa0,
    0x1f
  };

  /** How many distinct octets {@link #tamper} writes; its {@code value} is an index below this. */
  public static final int LENGTH_OCTET_COUNT = 11;

  static {
    if (LENGTH_OCTETS.length != LENGTH_OCTET_COUNT) {
      throw new IllegalStateException("LENGTH_OCTET_COUNT must count LENGTH_OCTETS");
    }
  }

  private DerMutations() {}

  /** A copy of {@code seed} with the bit at each position (modulo its length) flipped. */
  public static byte[] flipBits(byte[] seed, List<Integer> positions) {
    byte[] bytes = seed.clone();
    for (int position : positions) {
      int bit = position % (bytes.length * 8);
      bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    }
    return bytes;
  }

  /** A copy of {@code seed} with the octet at {@code at} (modulo its length) overwritten. */
  public static byte[] tamper(byte[] seed, int at, int value) {
    byte[] bytes = seed.clone();
    bytes[at % bytes.length] = LENGTH_OCTETS[value % LENGTH_OCTETS.length];
    return bytes;
  }

  /** The first {@code keep} octets of {@code seed} followed by {@code tail}. */
  public static byte[] withTail(byte[] seed, int keep, byte[] tail) {
    int kept = Math.min(keep, seed.length);
    byte[] bytes = Arrays.copyOf(seed, kept + tail.length);
    System.arraycopy(tail, 0, bytes, kept, tail.length);
    return bytes;
  }

  /** {@code depth} SEQUENCE headers, each opening the next, of indefinite or zero length. */
  public static byte[] nestedSequences(int depth, boolean indefinite) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < depth; i++) {
      out.write(0x30);
      out.write(indefinite ? 0x80 : 0x00);
    }
    return out.toByteArray();
  }
}
