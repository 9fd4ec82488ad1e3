package org.pkiaas.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.pkiaas.problem.InvalidInputException;

/** Instants in query parameters and request fields: ISO 8601, refused naming the field. */
public final class QueryInstants {

  private QueryInstants() {}

  /** The instant written, or null when none is. */
  public static Instant parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field, "'" + value + "' is not an ISO 8601 instant such as 2026-12-31T00:00:00Z");
    }
  }
}
