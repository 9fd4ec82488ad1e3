package org.pkiaas.certificate.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of subject alternative names ({@code TYPE:value}) as stored in one column: a JSON array of
 * strings (RFC 8259), so a name holding a comma stays one name. Written and read here, with no JSON
 * provider, so entities stay plain.
 */
public final class NameListJson {

  private NameListJson() {}

  public static String write(List<String> names) {
    StringBuilder json = new StringBuilder("[");
    for (String name : names) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"');
      for (char c : name.toCharArray()) {
        switch (c) {
          case '"' -> json.append("\\\"");
          case '\\' -> json.append("\\\\");
          default -> {
            if (c < 0x20) {
              json.append(String.format("\\u%04x", (int) c));
            } else {
              json.append(c);
            }
          }
        }
      }
      json.append('"');
    }
    return json.append(']').toString();
  }

  /** The names of a stored array; null or blank is no names. */
  public static List<String> read(String json) {
    List<String> names = new ArrayList<>();
    if (json == null || json.isBlank()) {
      return names;
    }
    String text = json.trim();
    if (!text.startsWith("[") || !text.endsWith("]")) {
      throw new IllegalArgumentException("Not a JSON array of names: " + json);
    }
    int i = 1;
    int end = text.length() - 1;
    while (i < end) {
      char c = text.charAt(i);
      if (c == ',' || Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c != '"') {
        throw new IllegalArgumentException("Not a JSON array of names: " + json);
      }
      StringBuilder name = new StringBuilder();
      i++;
      while (text.charAt(i) != '"') {
        char d = text.charAt(i++);
        if (d == '\\') {
          char escaped = text.charAt(i++);
          switch (escaped) {
            case 'u' -> {
              name.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
              i += 4;
            }
            case 'n' -> name.append('\n');
            case 't' -> name.append('\t');
            case 'r' -> name.append('\r');
            case 'b' -> name.append('\b');
            case 'f' -> name.append('\f');
            default -> name.append(escaped);
          }
        } else {
          name.append(d);
        }
      }
      i++;
      names.add(name.toString());
    }
    return names;
  }
}
