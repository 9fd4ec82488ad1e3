package org.pkiaas.api.body;

import org.pkiaas.problem.InvalidInputException;

/**
 * The body is not a JSON object at all (not UTF-8, not JSON, a duplicate member): no field to name.
 */
public class MalformedBodyException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  public MalformedBodyException(String detail) {
    super(null, detail);
  }
}
