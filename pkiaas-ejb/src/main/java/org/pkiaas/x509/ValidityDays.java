package org.pkiaas.x509;

import org.pkiaas.problem.InvalidInputException;

/** The one range of validity, in days, that CAs, templates and every issuance accept. */
public final class ValidityDays {

  public static final int MIN = 1;
  public static final int MAX = 36500;

  /** The refusal's wording, a constant so that Bean Validation messages can name it too. */
  public static final String RANGE = "The validity is " + MIN + " to " + MAX + " days";

  private ValidityDays() {}

  /**
   * @return {@code days}, or a refusal naming {@code field} when it is outside {@value
   *     #MIN}..{@value #MAX}
   */
  public static int check(String field, int days) {
    if (days < MIN || days > MAX) {
      throw new InvalidInputException(field, RANGE);
    }
    return days;
  }
}
