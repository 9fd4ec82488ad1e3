package org.pkiaas.input;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text as a person would type it: no control characters (NUL, escape, …), no bidirectional
 * formatting characters (the right-to-left override that makes {@code exe.txt} read as {@code
 * txt.exe}), no unpaired surrogates. Multi-line text may hold tabs and line breaks. {@code null} is
 * valid; absence is another constraint's business.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

  String message() default
      "Control characters, bidirectional overrides and broken Unicode are not allowed";

  /** Whether tab, line feed and carriage return are allowed. */
  boolean multiline() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
