package org.pkiaas.scep.control;

import java.util.Arrays;
import java.util.Optional;

/**
 * The SCEP messageType attribute (RFC 8894 §3.2.1.2), a PrintableString holding the decimal value.
 */
public enum MessageType {
  CERT_REP(3),
  RENEWAL_REQ(17),
  PKCS_REQ(19),
  CERT_POLL(20),
  GET_CERT(21),
  GET_CRL(22);

  private final int value;

  MessageType(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }

  /** The type written as {@code text}, or empty for a value this server does not know. */
  public static Optional<MessageType> parse(String text) {
    return Arrays.stream(values()).filter(t -> String.valueOf(t.value).equals(text)).findFirst();
  }
}
