package org.pkiaas.x509;

/**
 * A bounded walk over the tag-length-value structure of untrusted BER or DER (X.690 §8.1), run
 * before any parser sees the bytes. Parsers such as Bouncy Castle's {@code ASN1InputStream} descend
 * recursively, so a few kilobytes nested thousands deep overflow a thread's stack; this walk keeps
 * its own stack, refuses nesting deeper than the codec allows, and checks that every length fits
 * inside its parent and that exactly one element fills the input. It does not judge the contents:
 * that stays the parser's job.
 *
 * <p>For codecs of every protocol (OCSP, the CSR reader, SCEP, TSP): each names the depth its ASN.1
 * module can reach and whether BER indefinite lengths are allowed (SCEP clients send them).
 */
public final class DerStructure {

  /** X.690 §8.1.3.5: at most four length octets here; no request of ours is 4 GiB. */
  private static final int MAX_LENGTH_OCTETS = 4;

  /** Tag numbers above 2^28 do not occur in any PKIX module. */
  private static final int MAX_TAG_OCTETS = 4;

  private static final int INDEFINITE = -1;

  private final int maxDepth;
  private final boolean indefiniteAllowed;

  private DerStructure(int maxDepth, boolean indefiniteAllowed) {
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be at least 1");
    }
    this.maxDepth = maxDepth;
    this.indefiniteAllowed = indefiniteAllowed;
  }

  /**
   * Definite lengths only (DER, X.690 §10.1), nesting at most {@code maxDepth} constructed levels.
   */
  public static DerStructure der(int maxDepth) {
    return new DerStructure(maxDepth, false);
  }

  /** BER: also indefinite lengths closed by end-of-contents octets (X.690 §8.1.3.6). */
  public static DerStructure ber(int maxDepth) {
    return new DerStructure(maxDepth, true);
  }

  /** Passes when {@code encoding} is exactly one element within this structure's bounds. */
  public void check(byte[] encoding) throws MalformedDerException {
    if (encoding == null || encoding.length == 0) {
      throw new MalformedDerException("empty");
    }
    // ends[d] is where the constructed element at depth d ends, or INDEFINITE
    int[] ends = new int[maxDepth + 1];
    int depth = 0;
    ends[0] = encoding.length;
    int pos = 0;
    boolean topDone = false;
    while (true) {
      while (depth > 0 && ends[depth] != INDEFINITE && pos == ends[depth]) {
        depth--;
      }
      if (depth == 0 && topDone) {
        if (pos != encoding.length) {
          throw new MalformedDerException("data after the element at offset " + pos);
        }
        return;
      }
      int limit = limit(ends, depth);
      if (pos >= limit) {
        throw new MalformedDerException("an indefinite-length element is not closed");
      }
      if (depth > 0 && ends[depth] == INDEFINITE && encoding[pos] == 0) {
        pos = endOfContents(encoding, pos, limit);
        depth--;
        continue;
      }
      int first = encoding[pos] & 0xff;
      pos = skipTag(encoding, pos, limit);
      boolean constructed = (first & 0x20) != 0;
      if (pos >= limit) {
        throw new MalformedDerException("length missing at offset " + pos);
      }
      int lengthOctet = encoding[pos++] & 0xff;
      if (depth == 0) {
        topDone = true;
      }
      if (lengthOctet == 0x80) {
        if (!indefiniteAllowed || !constructed) {
          throw new MalformedDerException("indefinite length at offset " + (pos - 1));
        }
        depth = descend(ends, depth, INDEFINITE);
        continue;
      }
      int length = length(encoding, pos - 1, limit);
      pos += lengthOctet > 0x80 ? lengthOctet & 0x7f : 0;
      if (length > limit - pos) {
        throw new MalformedDerException(
            "length " + length + " at offset " + pos + " exceeds its container");
      }
      if (constructed && length > 0) {
        depth = descend(ends, depth, pos + length);
      } else {
        pos += length;
      }
    }
  }

  private int descend(int[] ends, int depth, int end) throws MalformedDerException {
    if (depth == maxDepth) {
      throw new MalformedDerException("nested deeper than " + maxDepth);
    }
    ends[depth + 1] = end;
    return depth + 1;
  }

  /** The innermost definite end that bounds the current element. */
  private static int limit(int[] ends, int depth) {
    for (int d = depth; d >= 0; d--) {
      if (ends[d] != INDEFINITE) {
        return ends[d];
      }
    }
    return ends[0];
  }

  private static int endOfContents(byte[] encoding, int pos, int limit)
      throws MalformedDerException {
    if (pos + 1 >= limit || encoding[pos + 1] != 0) {
      throw new MalformedDerException("bad end-of-contents at offset " + pos);
    }
    return pos + 2;
  }

  private static int skipTag(byte[] encoding, int pos, int limit) throws MalformedDerException {
    if ((encoding[pos] & 0x1f) != 0x1f) {
      return pos + 1;
    }
    int p = pos + 1;
    for (int octets = 1; octets <= MAX_TAG_OCTETS; octets++, p++) {
      if (p >= limit) {
        throw new MalformedDerException("tag truncated at offset " + pos);
      }
      if ((encoding[p] & 0x80) == 0) {
        return p + 1;
      }
    }
    throw new MalformedDerException("tag number too long at offset " + pos);
  }

  /** The definite length whose first octet is at {@code at}. */
  private static int length(byte[] encoding, int at, int limit) throws MalformedDerException {
    int first = encoding[at] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int count = first & 0x7f;
    if (count > MAX_LENGTH_OCTETS || first == 0xff) {
      throw new MalformedDerException("length of " + count + " octets at offset " + at);
    }
    if (at + count >= limit) {
      throw new MalformedDerException("length truncated at offset " + at);
    }
    long length = 0;
    for (int i = 1; i <= count; i++) {
      length = (length << 8) | (encoding[at + i] & 0xff);
    }
    if (length > Integer.MAX_VALUE) {
      throw new MalformedDerException("length too large at offset " + at);
    }
    return (int) length;
  }
}
