package org.pkiaas.api.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Turns a string field whose validation pattern is a plain list of words ({@code RSA|EC|ED25519},
 * from {@code @Pattern} on the request records) into an enum with exactly those words, so that a
 * client generator gets a union type instead of a string. The pattern stays: it is what the server
 * checks. It also drops the {@code type: object} SmallRye writes beside a reference to an enum.
 */
final class FixedWords {

  private static final Pattern WORDS = Pattern.compile("[A-Za-z0-9_.-]+(\\|[A-Za-z0-9_.-]+)+");

  private FixedWords() {}

  static void toEnums(OpenAPI document) {
    if (document.getComponents() == null || document.getComponents().getSchemas() == null) {
      return;
    }
    Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    document.getComponents().getSchemas().values().forEach(schema -> visit(schema, seen));
  }

  /** The words of a pattern that lists them; empty for any other pattern. */
  static List<String> words(String pattern) {
    if (pattern == null) {
      return List.of();
    }
    String bare = pattern.replaceFirst("^\\^", "").replaceFirst("\\$$", "");
    return WORDS.matcher(bare).matches() ? Arrays.asList(bare.split("\\|")) : List.of();
  }

  private static void visit(Schema schema, Set<Schema> seen) {
    if (schema == null || !seen.add(schema)) {
      return;
    }
    if (schema.getRef() != null && schema.getProperties() == null) {
      // SmallRye writes "type: object" beside a $ref to an enum's schema: the reference says it
      schema.setType(null);
    }
    List<String> words = words(schema.getPattern());
    if (!words.isEmpty()
        && (schema.getEnumeration() == null || schema.getEnumeration().isEmpty())) {
      schema.enumeration(new ArrayList<>(words));
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(property -> visit(property, seen));
    }
    visit(schema.getItems(), seen);
    all(schema.getAllOf()).forEach(member -> visit(member, seen));
    all(schema.getAnyOf()).forEach(member -> visit(member, seen));
    all(schema.getOneOf()).forEach(member -> visit(member, seen));
  }

  private static List<Schema> all(List<Schema> schemas) {
    return schemas == null ? List.of() : schemas;
  }
}
