package org.pkiaas.view.manage;

import java.util.Arrays;
import java.util.List;

/**
 * Subject alternative names as people type them in a text area: one per line (or comma), {@code
 * TYPE:value}.
 */
public final class NameLists {

  private NameLists() {}

  /**
   * The typed names, or null when none were typed (the boundaries read null as "keep what there
   * is").
   */
  public static List<String> parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    // one per line; a comma separates names only before a type, so a URI may hold commas
    return Arrays.stream(text.split("\\n|,\\s*(?=(?i:DNS|IP|EMAIL|URI|UPN):)"))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .toList();
  }

  /** Stored names one per line, for a text area. */
  public static String lines(List<String> names) {
    return names == null ? "" : String.join("\n", names);
  }
}
