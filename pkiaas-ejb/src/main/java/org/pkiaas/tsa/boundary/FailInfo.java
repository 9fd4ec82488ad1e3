package org.pkiaas.tsa.boundary;

/**
 * Why a time-stamp request was rejected: the PKIFailureInfo bits of RFC 3161 §2.4.2 that this TSA
 * sends, each with its bit number.
 */
public enum FailInfo {
  /** Unrecognized or unsupported algorithm identifier. */
  BAD_ALG(0),
  /** Transaction not permitted or supported. */
  BAD_REQUEST(2),
  /** The data submitted has the wrong format. */
  BAD_DATA_FORMAT(5),
  /** The TSA's time source is not available. */
  TIME_NOT_AVAILABLE(14),
  /** The requested TSA policy is not supported by the TSA. */
  UNACCEPTED_POLICY(15),
  /** The requested extension is not supported by the TSA. */
  UNACCEPTED_EXTENSION(16),
  /** The request cannot be handled due to system failure. */
  SYSTEM_FAILURE(25);

  private final int bit;

  FailInfo(int bit) {
    this.bit = bit;
  }

  public int bit() {
    return bit;
  }

  /** The name RFC 3161 gives it, e.g. {@code badAlg}. */
  public String rfcName() {
    String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }
}
