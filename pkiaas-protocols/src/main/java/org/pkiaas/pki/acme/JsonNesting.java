package org.pkiaas.pki.acme;

/**
 * How deep a JSON text nests, found by one pass over its characters before any parser sees it:
 * parsers that recurse (or build a tree) on each '[' or '{' can be made to overflow the stack, or
 * to spend far more than the text's size, by a few kilobytes of brackets. ACME's objects nest a few
 * levels (a JWS, its header's jwk, an order's identifiers); {@link #MAX_DEPTH} leaves ample room.
 */
public final class JsonNesting {

  /** The deepest nesting an ACME request, its protected header or its payload may have. */
  public static final int MAX_DEPTH = 32;

  private JsonNesting() {}

  /**
   * Whether {@code json} opens more than {@value #MAX_DEPTH} arrays and objects inside each other;
   * strings do not count.
   */
  public static boolean tooDeep(String json) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        if (++depth > MAX_DEPTH) {
          return true;
        }
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return false;
  }
}
