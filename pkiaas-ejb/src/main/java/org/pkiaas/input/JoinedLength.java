package org.pkiaas.input;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

/**
 * A list of strings whose entries, joined with one separator each, fit in {@code max} characters: a
 * bound on a list as a whole, beside the bounds on its size and on each entry.
 */
@Documented
@Constraint(validatedBy = JoinedLength.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface JoinedLength {

  int max();

  String message() default "The entries together have at most {max} characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks {@link JoinedLength}. */
  class Validator implements ConstraintValidator<JoinedLength, List<String>> {

    private int max;

    @Override
    public void initialize(JoinedLength annotation) {
      max = annotation.max();
    }

    @Override
    public boolean isValid(List<String> values, ConstraintValidatorContext context) {
      if (values == null) {
        return true;
      }
      long total = Math.max(0, values.size() - 1);
      for (String value : values) {
        total += value == null ? 0 : value.length();
      }
      return total <= max;
    }
  }
}
