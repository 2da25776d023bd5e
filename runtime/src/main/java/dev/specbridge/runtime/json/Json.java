package dev.specbridge.runtime.json;

import dev.specbridge.runtime.wire.WireFormatException;
import dev.specbridge.runtime.wire.WireText;
import java.io.StringWriter;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.value.StringOr;
import dev.specbridge.runtime.value.UnknownFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON wire format on Jackson's streaming core: what generated JSON codecs call to open parsers and
 * generators, and to read scalars leniently (a number may come as {@code 3} or {@code "3"}, a boolean as
 * {@code true} or as the field's spelling, such as {@code "Y"}). No data binding, no reflection.
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** Reads one JSON value of {@code text} with {@code reader}, which starts on its first token. */
  public static <T> T read(String text, Function<JsonParser, T> reader) {
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      if (parser.nextToken() == null) {
        throw new WireFormatException("expected a JSON value, found nothing");
      }
      T value = reader.apply(parser);
      if (parser.nextToken() != null) {
        throw new WireFormatException("unexpected text after the JSON value");
      }
      return value;
    } catch (JacksonException e) {
      throw new WireFormatException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The JSON text {@code writer} writes. */
  public static String write(Consumer<JsonGenerator> writer) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
      writer.accept(generator);
    }
    return text.toString();
  }

  /** A tree of maps, lists, strings, numbers, booleans and nulls as JSON text. */
  public static String write(Object tree) {
    return write(generator -> writeTree(generator, tree));
  }

  private static void writeTree(JsonGenerator generator, Object node) {
    if (node instanceof Map<?, ?> map) {
      generator.writeStartObject();
      map.forEach((key, value) -> {
        generator.writeName(String.valueOf(key));
        writeTree(generator, value);
      });
      generator.writeEndObject();
    } else if (node instanceof List<?> list) {
      generator.writeStartArray();
      list.forEach(value -> writeTree(generator, value));
      generator.writeEndArray();
    } else if (node instanceof Number number) {
      generator.writeNumber(number.toString());
    } else if (node instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (node == null) {
      generator.writeNull();
    } else {
      generator.writeString(node.toString());
    }
  }

  /**
   * The members of a JSON object as text: a scalar as its text, an object or array as its JSON text; null
   * members are skipped.
   */
  public static void readObjectMembers(String json, BiConsumer<String, String> member) {
    read(json, parser -> {
      expect(parser, JsonToken.START_OBJECT, "the answer");
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          member.accept(name, raw(parser));
        } else if (token != JsonToken.VALUE_NULL) {
          member.accept(name, parser.getString());
        }
      }
      return null;
    });
  }

  /** Fails unless the parser stands on {@code token}. */
  public static void expect(JsonParser parser, JsonToken token, String what) {
    if (parser.currentToken() != token) {
      throw new WireFormatException(what + " should start with " + describe(token) + ", found "
          + describe(parser.currentToken()));
    }
  }

  /**
   * Checks that the parser stands on an object, and says whether it has members to read. PHP servers write an
   * empty object as {@code []} (an empty PHP array), so an empty array reads as an object without members.
   */
  public static boolean startObject(JsonParser parser, String what) {
    if (parser.currentToken() == JsonToken.START_ARRAY) {
      if (parser.nextToken() == JsonToken.END_ARRAY) {
        return false;
      }
      throw new WireFormatException(what + " should start with an object, found an array");
    }
    expect(parser, JsonToken.START_OBJECT, what);
    return true;
  }

  /** The value the parser stands on, as JSON text (a structure is copied whole). */
  public static String raw(JsonParser parser) {
    return write(generator -> generator.copyCurrentStructureExact(parser)); // numbers keep their digits
  }

  /** A scalar as text (a number or boolean as it is written), {@code null} for JSON null. */
  public static String text(JsonParser parser, String field) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != null && token.isScalarValue()) {
      return parser.getString();
    }
    throw new WireFormatException("field '" + field + "' should be a single value, found " + describe(token));
  }

  public static Integer readInt(JsonParser parser, String field, boolean secret) {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return parser.getIntValue();
    }
    String text = text(parser, field);
    return text == null ? null : WireText.parseInt(text, field, secret);
  }

  public static Long readLong(JsonParser parser, String field, boolean secret) {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return parser.getLongValue();
    }
    String text = text(parser, field);
    return text == null ? null : WireText.parseLong(text, field, secret);
  }

  public static BigDecimal readDecimal(JsonParser parser, String field, boolean secret) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return parser.getDecimalValue();
    }
    String text = text(parser, field);
    return text == null ? null : WireText.parseDecimal(text, field, secret);
  }

  /** JSON {@code true}/{@code false}, or the field's spellings as a string. */
  public static Boolean readBoolean(JsonParser parser, String trueSpelling, String falseSpelling, String field,
      boolean secret) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    String text = text(parser, field);
    return text == null ? null : WireText.parseBoolean(text, trueSpelling, falseSpelling, field, secret);
  }

  /** Writes a boolean: natively when its spellings are {@code true/false}, else as its spelling. */
  public static void writeBoolean(JsonGenerator generator, boolean value, String trueSpelling,
      String falseSpelling) {
    if (trueSpelling.equals("true") && falseSpelling.equals("false")) {
      generator.writeBoolean(value);
    } else {
      generator.writeString(value ? trueSpelling : falseSpelling);
    }
  }

  public static LocalDate readDate(JsonParser parser, DateTimeFormatter format, String field, boolean secret) {
    String text = text(parser, field);
    return text == null ? null : WireText.parseDate(text, format, field, secret);
  }

  public static LocalDateTime readDateTime(JsonParser parser, DateTimeFormatter format, String field,
      boolean secret) {
    String text = text(parser, field);
    return text == null ? null : WireText.parseDateTime(text, format, field, secret);
  }

  public static Instant readTimestamp(JsonParser parser, boolean millis, String field, boolean secret) {
    String text = text(parser, field);
    return text == null ? null : WireText.parseTimestamp(text, millis, field, secret);
  }

  /** Any JSON value, kept as its text; {@code null} for JSON null. */
  public static RawJson readRaw(JsonParser parser) {
    return parser.currentToken() == JsonToken.VALUE_NULL ? null : new RawJson(raw(parser));
  }

  /** A scalar as text, made into a value by {@code of} (an open enum's {@code of}, a CSV reader…). */
  public static <T> T readText(JsonParser parser, String field, Function<String, T> of) {
    String text = text(parser, field);
    return text == null ? null : of.apply(text);
  }

  /** A record or other structured value, {@code null} for JSON null. */
  public static <T> T readNullable(JsonParser parser, Function<JsonParser, T> reader) {
    return parser.currentToken() == JsonToken.VALUE_NULL ? null : reader.apply(parser);
  }

  public static <T> List<T> readList(JsonParser parser, String field, Function<JsonParser, T> element) {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(parser, JsonToken.START_ARRAY, "field '" + field + "'");
    List<T> list = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      list.add(element.apply(parser));
    }
    return list;
  }

  /**
   * A map; PHP servers write an empty map as {@code []}, so an empty array reads as an empty map.
   */
  public static <T> Map<String, T> readMap(JsonParser parser, String field, Function<JsonParser, T> value) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token == JsonToken.START_ARRAY && parser.nextToken() == JsonToken.END_ARRAY) {
      return new LinkedHashMap<>();
    }
    expect(parser, JsonToken.START_OBJECT, "field '" + field + "'");
    Map<String, T> map = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      map.put(key, value.apply(parser));
    }
    return map;
  }

  /** A string as {@link StringOr.Text}, anything else read by {@code value}. */
  public static <T> StringOr<T> readStringOr(JsonParser parser, Function<JsonParser, T> value) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    return token == JsonToken.VALUE_STRING ? StringOr.text(parser.getString()) : StringOr.value(value.apply(parser));
  }

  /**
   * A value that is a plain string or a structure, carried as text (a form value): JSON text of an object or
   * array reads as the structure, anything else is the plain string.
   */
  public static <T> StringOr<T> stringOr(String text, Function<JsonParser, T> value) {
    String start = text.stripLeading();
    if (start.startsWith("{") || start.startsWith("[")) {
      return StringOr.value(read(text, value));
    }
    return StringOr.text(text);
  }

  /** Keeps a member no field declares: its name and its JSON text. */
  public static List<UnknownFields.Entry> keep(List<UnknownFields.Entry> kept, String name, JsonParser parser) {
    List<UnknownFields.Entry> list = kept == null ? new ArrayList<>() : kept;
    list.add(new UnknownFields.Entry(name, raw(parser)));
    return list;
  }

  public static UnknownFields unknown(List<UnknownFields.Entry> kept) {
    return kept == null ? UnknownFields.empty() : UnknownFields.of(kept);
  }

  /** Writes kept members back as they came (their text is JSON). */
  public static void writeUnknown(JsonGenerator generator, UnknownFields unknown) {
    for (UnknownFields.Entry entry : unknown.entries()) {
      generator.writeName(entry.name());
      generator.writeRawValue(entry.raw());
    }
  }

  public static <T> void writeList(JsonGenerator generator, List<T> list, BiConsumer<JsonGenerator, T> element) {
    generator.writeStartArray();
    for (T value : list) {
      element.accept(generator, value);
    }
    generator.writeEndArray();
  }

  public static <T> void writeMap(JsonGenerator generator, Map<String, T> map,
      BiConsumer<JsonGenerator, T> value) {
    generator.writeStartObject();
    for (Map.Entry<String, T> entry : map.entrySet()) {
      generator.writeName(entry.getKey());
      value.accept(generator, entry.getValue());
    }
    generator.writeEndObject();
  }

  public static <T> void writeStringOr(JsonGenerator generator, StringOr<T> union, BiConsumer<JsonGenerator, T> value) {
    if (union instanceof StringOr.Text<T> text) {
      generator.writeString(text.text());
    } else {
      value.accept(generator, ((StringOr.Value<T>) union).value());
    }
  }

  /** Skips the value the parser stands on (and its children). */
  public static void skip(JsonParser parser) {
    parser.skipChildren();
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the text";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }
}
