package org.pkiaas.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

  private boolean multiline;

  @Override
  public void initialize(PlainText annotation) {
    multiline = annotation.multiline();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || firstForbidden(value, multiline) < 0;
  }

  /** The index of the first character {@link PlainText} forbids, or -1. */
  public static int firstForbidden(String value, boolean multiline) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (forbidden(c, multiline)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean forbidden(char c, boolean multiline) {
    if (Character.isSurrogate(c)) {
      return true;
    }
    if (Character.isISOControl(c)) {
      return !(multiline && (c == '\t' || c == '\n' || c == '\r'));
    }
    return isBidiControl(c);
  }

  /**
   * The Unicode bidirectional formatting characters (UAX #9, section 2): marks, embeddings,
   * overrides, isolates.
   */
  private static boolean isBidiControl(char c) {
    return c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
