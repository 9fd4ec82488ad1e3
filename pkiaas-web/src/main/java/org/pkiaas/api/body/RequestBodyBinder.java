package org.pkiaas.api.body;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pkiaas.problem.InvalidInputException;

/**
 * Turns a request body into a request record, strictly, and checks the record's Bean Validation
 * constraints before any work is done. Every member must be a component of the record, of exactly
 * its JSON type: a string for text, enumerations and instants, a whole number for numbers, true or
 * false for switches, an array for lists, an object for nested records. {@code null} is never a
 * value: a field left out takes its default, a field given must hold a value. Every refusal is an
 * {@link InvalidInputException} naming the field by its JSON path ({@code subject.commonName},
 * {@code subjectAltNames[3]}), or a {@link MalformedBodyException} when the body is not a JSON
 * object in UTF-8.
 *
 * <p>Longer than 300 lines because it is one recursive algorithm (record, list, scalar) with a
 * check per JSON type; its parts are private and only make sense together, and {@code
 * RequestBodyBinderTest} tests it whole.
 */
public final class RequestBodyBinder {

  private static final JsonReaderFactory READERS =
      Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

  /**
   * Digits before the point a whole number may have and still be an {@code int} or {@code long}.
   */
  private static final int MAX_INTEGER_DIGITS = 19;

  private final Validator validator;

  public RequestBodyBinder(Validator validator) {
    this.validator = validator;
  }

  /** The record the body describes, or {@code null} for an empty body or a JSON {@code null}. */
  public <T extends Record> T read(byte[] body, Class<T> type) {
    JsonValue json = parse(body);
    if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new MalformedBodyException("The body must be a JSON object");
    }
    T value = type.cast(record(json.asJsonObject(), type, ""));
    validate(value);
    return value;
  }

  private static JsonValue parse(byte[] body) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedBodyException("The body is not valid UTF-8");
    }
    if (text.isBlank()) {
      return null;
    }
    try (JsonReader reader = READERS.createReader(new java.io.StringReader(text))) {
      return reader.readValue();
    } catch (JsonParsingException e) {
      var at = e.getLocation();
      throw new MalformedBodyException(
          at == null
              ? "The body is not valid JSON"
              : "The body is not valid JSON (line "
                  + at.getLineNumber()
                  + ", column "
                  + at.getColumnNumber()
                  + ")");
    } catch (RuntimeException e) {
      // JsonException for a duplicate member (KeyStrategy.NONE); Parsson's plain RuntimeException
      // for nesting beyond its depth limit; whatever else a parser may throw on hostile input.
      throw new MalformedBodyException(
          "The body is not valid JSON: members must be unique and nesting shallow");
    }
  }

  private <T> void validate(T value) {
    Set<ConstraintViolation<T>> violations = validator.validate(value);
    violations.stream()
        .min(Comparator.comparing((ConstraintViolation<T> v) -> field(v.getPropertyPath())))
        .ifPresent(
            v -> {
              throw new InvalidInputException(field(v.getPropertyPath()), v.getMessage());
            });
  }

  /**
   * A Bean Validation path as the JSON path the client wrote: {@code subjectAltNames[2]}, {@code
   * subject.commonName}.
   */
  static String field(Path path) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getName() != null && !node.getName().startsWith("<")) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(node.getName());
      }
      if (node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  /**
   * A record type's components and canonical constructor, looked up once per type: {@link
   * Class#getRecordComponents} builds its answer anew on every call, in the JVM.
   */
  private record Shape(
      List<String> names, Class<?>[] types, Type[] genericTypes, Constructor<?> constructor) {

    private static final ClassValue<Shape> OF =
        new ClassValue<>() {
          @Override
          protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Type[] genericTypes = new Type[components.length];
            for (int i = 0; i < components.length; i++) {
              types[i] = components[i].getType();
              genericTypes[i] = components[i].getGenericType();
            }
            try {
              Constructor<?> constructor = type.getDeclaredConstructor(types);
              constructor.setAccessible(true);
              return new Shape(
                  Arrays.stream(components).map(RecordComponent::getName).toList(),
                  types,
                  genericTypes,
                  constructor);
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException("Cannot build " + type.getName(), e);
            }
          }
        };
  }

  private static Object record(JsonObject json, Class<?> type, String prefix) {
    Shape shape = Shape.OF.get(type);
    List<String> names = shape.names();
    for (String member : json.keySet()) {
      if (!names.contains(member)) {
        throw new InvalidInputException(
            prefix + member,
            "There is no field '" + prefix + member + "' here; the fields are " + names);
      }
    }
    Object[] values = new Object[names.size()];
    for (int i = 0; i < values.length; i++) {
      JsonValue value = json.get(names.get(i));
      values[i] =
          value == null
              ? absent(shape.types()[i])
              : value(value, shape.genericTypes()[i], prefix + names.get(i));
    }
    try {
      return shape.constructor().newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException(
          prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
          "These values do not go together");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot build " + type.getName(), e);
    }
  }

  /** What a left-out field holds: {@code null}, or for a primitive its zero. */
  private static Object absent(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }

  private static Object value(JsonValue json, Type type, String field) {
    if (json.getValueType() == JsonValue.ValueType.NULL) {
      throw new InvalidInputException(
          field, "null is not a value here: leave '" + field + "' out to keep its default");
    }
    Class<?> raw =
        type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == String.class) {
      return string(json, field, "text (a JSON string)");
    }
    if (raw == Integer.class || raw == int.class) {
      return (int) whole(json, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (raw == Long.class || raw == long.class) {
      return whole(json, field, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (raw == Boolean.class || raw == boolean.class) {
      if (json.getValueType() == JsonValue.ValueType.TRUE
          || json.getValueType() == JsonValue.ValueType.FALSE) {
        return json.getValueType() == JsonValue.ValueType.TRUE;
      }
      throw wrongType(field, "true or false");
    }
    if (raw == Instant.class) {
      String text = string(json, field, "an ISO 8601 instant such as \"2026-12-31T00:00:00Z\"");
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            field, "'" + field + "' must be an ISO 8601 instant such as 2026-12-31T00:00:00Z");
      }
    }
    if (raw.isEnum()) {
      return constant(raw, string(json, field, "a JSON string"), field);
    }
    if (raw == List.class) {
      return list(json, ((ParameterizedType) type).getActualTypeArguments()[0], field);
    }
    if (raw.isRecord()) {
      if (json.getValueType() != JsonValue.ValueType.OBJECT) {
        throw wrongType(field, "a JSON object");
      }
      return record(json.asJsonObject(), raw, field + ".");
    }
    throw new IllegalStateException("No JSON binding for " + type + " (" + field + ")");
  }

  /**
   * Whether every component of {@code type}, nested records and list elements included, has a
   * binding here.
   */
  static boolean bindable(Type type) {
    Class<?> raw =
        type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == List.class) {
      return bindable(((ParameterizedType) type).getActualTypeArguments()[0]);
    }
    if (raw.isRecord()) {
      return Arrays.stream(raw.getRecordComponents()).allMatch(c -> bindable(c.getGenericType()));
    }
    return raw == String.class
        || raw == Integer.class
        || raw == int.class
        || raw == Long.class
        || raw == long.class
        || raw == Boolean.class
        || raw == boolean.class
        || raw == Instant.class
        || raw.isEnum();
  }

  private static String string(JsonValue json, String field, String expected) {
    if (json.getValueType() != JsonValue.ValueType.STRING) {
      throw wrongType(field, expected);
    }
    return ((JsonString) json).getString();
  }

  private static long whole(JsonValue json, String field, long min, long max) {
    if (json.getValueType() != JsonValue.ValueType.NUMBER) {
      throw wrongType(field, "a whole number");
    }
    BigDecimal number;
    try {
      number = ((JsonNumber) json).bigDecimalValue();
    } catch (RuntimeException e) {
      throw new InvalidInputException(field, "'" + field + "' is out of range");
    }
    if (number.scale() > 0) {
      throw wrongType(field, "a whole number");
    }
    if (number.precision() - number.scale() > MAX_INTEGER_DIGITS
        || number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidInputException(field, "'" + field + "' is out of range");
    }
    return number.longValueExact();
  }

  private static Object constant(Class<?> type, String name, String field) {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new InvalidInputException(
        field, "'" + field + "' is one of " + Arrays.toString(type.getEnumConstants()));
  }

  private static List<Object> list(JsonValue json, Type element, String field) {
    if (json.getValueType() != JsonValue.ValueType.ARRAY) {
      throw wrongType(field, "a JSON array");
    }
    JsonArray array = json.asJsonArray();
    List<Object> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      values.add(value(array.get(i), element, field + "[" + i + "]"));
    }
    return List.copyOf(values);
  }

  private static InvalidInputException wrongType(String field, String expected) {
    return new InvalidInputException(field, "'" + field + "' must be " + expected);
  }
}
