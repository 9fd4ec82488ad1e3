package org.pkiaas.certificate.entity;

import java.util.Locale;
import org.pkiaas.problem.InvalidInputException;

/**
 * CRLReason (RFC 5280 §5.3.1), each with its code; value 7 is unused and removeFromCRL is for CRLs
 * only.
 */
public enum RevocationReason {
  UNSPECIFIED(0, "unspecified"),
  KEY_COMPROMISE(1, "keyCompromise"),
  CA_COMPROMISE(2, "cACompromise"),
  AFFILIATION_CHANGED(3, "affiliationChanged"),
  SUPERSEDED(4, "superseded"),
  CESSATION_OF_OPERATION(5, "cessationOfOperation"),
  CERTIFICATE_HOLD(6, "certificateHold"),
  PRIVILEGE_WITHDRAWN(9, "privilegeWithdrawn"),
  AA_COMPROMISE(10, "aACompromise");

  private final int code;
  private final String rfcName;

  RevocationReason(int code, String rfcName) {
    this.code = code;
    this.rfcName = rfcName;
  }

  public int code() {
    return code;
  }

  public String rfcName() {
    return rfcName;
  }

  /**
   * Parses the RFC name ({@code keyCompromise}) or the enum name ({@code KEY_COMPROMISE}); null is
   * unspecified.
   */
  public static RevocationReason parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return UNSPECIFIED;
    }
    String wanted = value.trim().replace("_", "").toLowerCase(Locale.ROOT);
    for (RevocationReason reason : values()) {
      if (reason.rfcName.toLowerCase(Locale.ROOT).equals(wanted)
          || reason.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
        return reason;
      }
    }
    throw new InvalidInputException(
        field,
        "Unknown revocation reason '" + value + "'; use an RFC 5280 name such as keyCompromise");
  }
}
