package dev.specbridge.runtime.json;

import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.value.StringOr;
import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.wire.DateTimePattern;
import dev.specbridge.runtime.wire.Utf8;
import dev.specbridge.runtime.wire.WireFormat;
import dev.specbridge.runtime.wire.WireFormatException;
import dev.specbridge.runtime.wire.WireText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.io.SegmentedStringWriter;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.Named;

/**
 * The JSON wire format on Jackson's streaming core: what generated JSON codecs call to open parsers and
 * generators, and to read scalars leniently (a number may come as {@code 3} or {@code "3"}, a boolean as
 * {@code true} or as the field's spelling, such as {@code "Y"}). No data binding, no reflection.
 *
 * <p>A member written twice in one object is an error, wherever it is: {@code {"user_id":1,"user_id":2}} is
 * refused, never read as 1 or as 2. The readers check it, not the parser (Jackson's check allocates a set for
 * every object): generated readers with one bit per declared field ({@link #once}), the runtime's other readers
 * with {@link MemberNames}; a reader written by hand over {@link #read} should do the same. Errors are
 * {@link WireFormatException}s that name the path of the value, such as {@code products[1].qty}, and never quote
 * the input (which may be a secret).
 */
public final class Json {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION) // locations never quote the input
      .build();

  private Json() {}

  /**
   * The members of a JSON object, one by one.
   *
   * @see #readObjectMembers(String, Member)
   */
  @FunctionalInterface
  public interface Member {
    /**
     * @param text a scalar's text (a string decoded, a number or boolean as written), or an object's or array's
     *     JSON text
     * @param structured whether the member is an object or an array, and so {@code text} is JSON
     */
    void accept(String name, String text, boolean structured);
  }

  /**
   * Reads one JSON value of {@code text} with {@code reader}, which starts on its first token.
   *
   * @throws WireFormatException when the text is not one JSON value, or {@code reader} fails (a record that
   *     refuses a value, as a broken constraint or a missing required field, included); the error names the path
   *     of the value where it happened ({@link WireFormatException#path()})
   */
  public static <T> T read(String text, Function<JsonParser, T> reader) {
    return read(text, null, reader);
  }

  /**
   * Reads one JSON value of {@code text} with {@code reader}, which starts on its first token; {@code root} names
   * where the text came from, and starts the path of any error: a form field {@code products} that carries JSON
   * reads with root {@code products}, and an error in it is at {@code products[1].qty}.
   *
   * @param root the path of the text's value, or {@code null}
   * @throws WireFormatException when the text is not one JSON value, or {@code reader} fails, naming the path
   */
  public static <T> T read(String text, String root, Function<JsonParser, T> reader) {
    return read(FACTORY.createParser(ObjectReadContext.empty(), text), root, reader);
  }

  /**
   * Reads one JSON value from its UTF-8 bytes, as a body arrives, without making a {@code String} of it first:
   * Jackson's byte parser matches names on the bytes. Bytes that are not UTF-8 are an error, never replaced.
   *
   * @param root the path of the value, or {@code null}
   * @throws WireFormatException when the bytes are not one JSON value in UTF-8, or {@code reader} fails, naming the
   *     path
   */
  public static <T> T read(byte[] utf8, String root, Function<JsonParser, T> reader) {
    return read(utf8, root, "not valid JSON: the bytes are not UTF-8", reader);
  }

  /**
   * {@link #read(byte[], String, Function)} with the words of the error for bytes that are not UTF-8, such as
   * {@code the body is not UTF-8}; the offset of the first bad byte follows them.
   *
   * @param root the path of the value, or {@code null}
   * @param notUtf8 what the error says when the bytes are not UTF-8
   * @throws WireFormatException when the bytes are not one JSON value in UTF-8, or {@code reader} fails, naming the
   *     path
   */
  public static <T> T read(byte[] utf8, String root, String notUtf8, Function<JsonParser, T> reader) {
    try {
      Utf8.check(utf8, notUtf8); // Jackson's byte parser lets overlong forms pass
    } catch (WireFormatException e) {
      throw e.withPathPrefix(root);
    }
    return read(FACTORY.createParser(ObjectReadContext.empty(), utf8), root, reader);
  }

  private static <T> T read(JsonParser parser, String root, Function<JsonParser, T> reader) {
    try {
      if (parser.nextToken() == null) {
        throw new WireFormatException("expected a JSON value, found nothing");
      }
      T value = reader.apply(parser);
      if (parser.nextToken() != null) {
        throw new WireFormatException("unexpected text after the JSON value");
      }
      return value;
    } catch (WireFormatException e) {
      throw e.withPathPrefix(pathOf(parser)).withPathPrefix(root);
    } catch (JacksonException e) {
      throw fromJackson(e, parser).withPathPrefix(root);
    } catch (IllegalArgumentException | NullPointerException e) { // a record refused a value: say where it stood
      String message = e.getMessage() != null ? e.getMessage() : e.toString();
      throw new WireFormatException(message, pathOf(parser), e).withPathPrefix(root);
    } finally {
      parser.close();
    }
  }

  /**
   * The JSON text {@code writer} writes. The text goes into buffers recycled from the factory's pool and becomes
   * one {@code String} at the end, as Jackson's own {@code writeValueAsString} does it.
   */
  public static String write(Consumer<JsonGenerator> writer) {
    BufferRecycler recycler = FACTORY._getBufferRecycler();
    try (SegmentedStringWriter text = new SegmentedStringWriter(recycler)) {
      try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
        writer.accept(generator);
      }
      return text.getAndClear();
    } finally {
      recycler.releaseToPool();
    }
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
    readObjectMembers(json, (name, text, structured) -> member.accept(name, text));
  }

  /**
   * The members of a JSON object as text, and whether each is structured: a scalar as its text (a string
   * decoded, a number or boolean as written), an object or array as its JSON text; null members are skipped.
   */
  public static void readObjectMembers(String json, Member member) {
    read(json, parser -> {
      readObjectMembers(parser, "the answer", member);
      return null;
    });
  }

  /**
   * The members of the JSON object the parser stands on, as {@link #readObjectMembers(String, Member)} reads
   * them; ends on the object's last token. Reads an object inside a larger value without copying it first.
   *
   * @param what what the object is, for the error when it is not an object
   */
  public static void readObjectMembers(JsonParser parser, String what, Member member) {
    expect(parser, JsonToken.START_OBJECT, what);
    MemberNames names = new MemberNames();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      names.add(parser);
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        member.accept(name, raw(parser), true);
      } else if (token != JsonToken.VALUE_NULL) {
        member.accept(name, parser.getString(), false);
      }
    }
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

  /**
   * The value the parser stands on, as JSON text (a structure is copied whole, and the parser ends on its last
   * token). Numbers keep their digits exactly as written: {@code 1e5}, {@code -0.0} and {@code 0.10} stay so.
   */
  public static String raw(JsonParser parser) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return parser.getString(); // the number's text as written
    } else if (token == JsonToken.VALUE_TRUE) {
      return "true";
    } else if (token == JsonToken.VALUE_FALSE) {
      return "false";
    } else if (token == JsonToken.VALUE_NULL) {
      return "null";
    }
    return write(generator -> copy(parser, generator));
  }

  /**
   * Passes over the value the parser stands on (the parser ends on its last token) as {@link #raw} would copy it,
   * without copying: it fails as {@code raw} fails, on a member written twice in any object of the value included.
   * For a value to be read later from where it stands.
   */
  public static void skipChecked(JsonParser parser) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      copy(parser, null);
    } else if (token == null || !token.isScalarValue()) {
      throw new WireFormatException("expected a JSON value, found " + describe(token));
    }
  }

  /**
   * Copies the value the parser stands on, token by token without recursion (a hostile peer may nest deeply; the
   * parser's own depth limit stops it), numbers as their source text; with no generator, checks it the same way
   * and copies nothing.
   */
  private static void copy(JsonParser parser, JsonGenerator generator) {
    JsonToken token = parser.currentToken();
    if (token == null || token.isStructEnd() || token == JsonToken.PROPERTY_NAME) {
      throw new WireFormatException("expected a JSON value, found " + describe(token));
    }
    int depth = 0;
    List<MemberNames> objects = new ArrayList<>(); // the names of each object open, null for an array
    while (true) {
      switch (token) {
        case START_OBJECT -> {
          objects.add(new MemberNames());
          depth++;
        }
        case START_ARRAY -> {
          objects.add(null);
          depth++;
        }
        case END_OBJECT, END_ARRAY -> {
          objects.remove(objects.size() - 1);
          depth--;
        }
        case PROPERTY_NAME -> objects.get(objects.size() - 1).add(parser);
        case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> { }
        default -> throw new WireFormatException("expected a JSON value, found " + describe(token));
      }
      if (generator != null) {
        write(parser, token, generator);
      }
      if (depth == 0) {
        return;
      }
      token = parser.nextToken();
      if (token == null) {
        throw new WireFormatException("the JSON text ends inside a value");
      }
    }
  }

  /** Writes the token the parser stands on, a scalar as its source text. */
  private static void write(JsonParser parser, JsonToken token, JsonGenerator generator) {
    switch (token) {
      case START_OBJECT -> generator.writeStartObject();
      case START_ARRAY -> generator.writeStartArray();
      case END_OBJECT -> generator.writeEndObject();
      case END_ARRAY -> generator.writeEndArray();
      case PROPERTY_NAME -> generator.writeName(parser.currentName());
      case VALUE_STRING -> generator.writeString(parser.getStringCharacters(), parser.getStringOffset(),
          parser.getStringLength());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> generator.writeNumber(parser.getStringCharacters(), // as written
          parser.getStringOffset(), parser.getStringLength());
      case VALUE_TRUE -> generator.writeBoolean(true);
      case VALUE_FALSE -> generator.writeBoolean(false);
      case VALUE_NULL -> generator.writeNull();
      default -> throw new WireFormatException("expected a JSON value, found " + describe(token));
    }
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

  /**
   * An int: a JSON number, or a string of one. A number out of range is an error naming the field (its value
   * shown only when the field is not secret).
   */
  public static Integer readInt(JsonParser parser, String field, boolean secret) {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      try {
        return parser.getIntValue();
      } catch (InputCoercionException e) { // out of range: the text says so, in the words of every wire format
        return WireText.parseInt(parser.getString(), field, secret);
      }
    }
    String text = text(parser, field);
    return text == null ? null : WireText.parseInt(text, field, secret);
  }

  /** A long, as {@link #readInt} reads an int. */
  public static Long readLong(JsonParser parser, String field, boolean secret) {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      try {
        return parser.getLongValue();
      } catch (InputCoercionException e) {
        return WireText.parseLong(parser.getString(), field, secret);
      }
    }
    String text = text(parser, field);
    return text == null ? null : WireText.parseLong(text, field, secret);
  }

  public static BigDecimal readDecimal(JsonParser parser, String field, boolean secret) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      try {
        return WireText.checkedScale(parser.getDecimalValue(), field, secret);
      } catch (InputCoercionException | NumberFormatException e) { // an exponent beyond BigDecimal's
        return WireText.parseDecimal(parser.getString(), field, secret);
      }
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

  /**
   * A date in the field's pattern. A string of the pattern's exact shape is read from the parser's characters, with
   * no {@code String} and no {@code DateTimeFormatter}; anything else (a zero date, spaces, a value the formatter
   * would adjust) as {@link WireText#parseDate} reads it.
   */
  public static LocalDate readDate(JsonParser parser, DateTimePattern format, String field, boolean secret) {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      LocalDate fast = format.parseDate(parser.getStringCharacters(), parser.getStringOffset(),
          parser.getStringLength());
      if (fast != null) {
        return fast;
      }
    }
    String text = text(parser, field);
    return text == null ? null : WireText.parseDate(text, format, field, secret);
  }

  /** A date-time in the field's pattern, read as {@link #readDate} reads a date. */
  public static LocalDateTime readDateTime(JsonParser parser, DateTimePattern format, String field,
      boolean secret) {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      LocalDateTime fast = format.parseDateTime(parser.getStringCharacters(), parser.getStringOffset(),
          parser.getStringLength());
      if (fast != null) {
        return fast;
      }
    }
    String text = text(parser, field);
    return text == null ? null : WireText.parseDateTime(text, format, field, secret);
  }

  /** Writes a date as its pattern spells it, from characters placed by position when the pattern allows. */
  public static void writeDate(JsonGenerator generator, LocalDate value, DateTimePattern format) {
    char[] text = format.formatChars(value);
    if (text != null) {
      generator.writeString(text, 0, text.length);
    } else {
      generator.writeString(format.format(value));
    }
  }

  /** Writes a date-time as its pattern spells it, as {@link #writeDate} writes a date. */
  public static void writeDateTime(JsonGenerator generator, LocalDateTime value, DateTimePattern format) {
    char[] text = format.formatChars(value);
    if (text != null) {
      generator.writeString(text, 0, text.length);
    } else {
      generator.writeString(format.format(value));
    }
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
      if (map.containsKey(key)) {
        throw MemberNames.twice(key);
      }
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
    return stringOr(text, null, value);
  }

  /**
   * {@link #stringOr(String, Function)} for the form field {@code root}, which starts the path of an error in
   * the structure ({@code data.zip}).
   */
  public static <T> StringOr<T> stringOr(String text, String root, Function<JsonParser, T> value) {
    String start = text.stripLeading();
    if (start.startsWith("{") || start.startsWith("[")) {
      return StringOr.value(read(text, root, value));
    }
    return StringOr.text(text);
  }

  /**
   * A wire name encoded once (quoted and escaped), for generated writers: {@code g.writeName(NAME)} copies the
   * encoded bytes instead of encoding a {@code String} for every value written.
   */
  public static SerializableString name(String wireName) {
    return new SerializedString(wireName);
  }

  /**
   * The matcher of a record's wire names, for generated readers: {@code p.nextNameMatch(names)} answers the index
   * of the name in {@code wireNames}, {@link PropertyNameMatcher#MATCH_UNKNOWN_NAME} for any other name and
   * {@link PropertyNameMatcher#MATCH_END_OBJECT} at the end of the object, without making a {@code String} of a
   * name it knows.
   */
  public static PropertyNameMatcher names(String... wireNames) {
    List<Named> named = new ArrayList<>(wireNames.length);
    for (String wireName : wireNames) {
      named.add(Named.fromString(wireName));
    }
    return FACTORY.constructNameMatcher(named, false);
  }

  /**
   * The members a generated reader keeps because no field declares them, in arrival order, with their names
   * checked: one written twice is an error.
   */
  public static final class Kept {
    private final List<UnknownFields.Entry> entries = new ArrayList<>();
    private final MemberNames names = new MemberNames();

    private Kept() {}
  }

  /**
   * Keeps the member the parser stands on (its value's first token; its name is the parser's current name) as
   * JSON text ({@link WireFormat#JSON}); {@code kept} is {@code null} until the first one.
   *
   * @throws WireFormatException when a member of that name was kept already
   */
  public static Kept keep(Kept kept, JsonParser parser) {
    Kept to = kept == null ? new Kept() : kept;
    String name = parser.currentName();
    to.names.add(name);
    to.entries.add(new UnknownFields.Entry(name, raw(parser), WireFormat.JSON));
    return to;
  }

  /** The kept members as a record's unknown fields. */
  public static UnknownFields unknown(Kept kept) {
    return kept == null ? UnknownFields.empty() : UnknownFields.of(kept.entries);
  }

  /**
   * Marks a declared field as read by a generated reader, one bit per field: {@code seen} with the field's bit
   * set. {@code field} is the index its name matcher gave; a negative one (a name no field declares) is left to
   * {@link #keep(Kept, JsonParser)}.
   *
   * @throws WireFormatException when the field was read already: its member is written twice
   */
  public static long once(JsonParser parser, long seen, int field) {
    if (field < 0) {
      return seen;
    }
    long bit = 1L << field;
    if ((seen & bit) != 0) {
      throw MemberNames.twice(parser.currentName());
    }
    return seen | bit;
  }

  /** {@link #once(JsonParser, long, int)} for a record of more than 64 fields: the bits in words of 64. */
  public static void once(JsonParser parser, long[] seen, int field) {
    if (field >= 0) {
      seen[field >>> 6] = once(parser, seen[field >>> 6], field & 63);
    }
  }

  /**
   * Writes kept fields as members of the object being written, as their format says: a field that came as
   * text ({@link WireFormat#TEXT}, from name-value pairs) as a JSON string, one that came as JSON as its JSON
   * text, checked to be one JSON value; one that came as XML cannot be written as JSON.
   *
   * @throws WireFormatException for a field that came as XML, or whose JSON text is not one JSON value
   */
  public static void writeUnknown(JsonGenerator generator, UnknownFields unknown) {
    writeUnknown(generator, unknown, null);
  }

  /**
   * {@link #writeUnknown(JsonGenerator, UnknownFields)} for a generated writer, which gives its record's declared
   * names: an unknown field that has a declared field's name, or a name that came more than once (pairs such as
   * {@code tag=a&tag=b}), cannot be a member of the object beside it, since JSON names a member once. It is
   * refused with a clear error rather than written twice.
   *
   * @param declared the record's wire names, or {@code null}
   * @throws WireFormatException for such a name, for a field that came as XML, or whose JSON text is not one JSON
   *     value
   */
  public static void writeUnknown(JsonGenerator generator, UnknownFields unknown, PropertyNameMatcher declared) {
    if (unknown.isEmpty()) {
      return;
    }
    MemberNames names = new MemberNames();
    for (UnknownFields.Entry entry : unknown.entries()) {
      String name = entry.name();
      if (declared != null && declared.matchName(name) >= 0) {
        throw new WireFormatException("unknown field '" + name + "' has the name of a declared field, and JSON"
            + " names a member once");
      }
      try {
        names.add(name);
      } catch (WireFormatException e) {
        throw new WireFormatException("unknown field '" + name + "' came more than once, and JSON names a member"
            + " once", e);
      }
      switch (entry.format()) {
        case TEXT -> generator.writeStringProperty(name, entry.raw());
        case JSON -> {
          generator.writeName(name);
          writeRaw(generator, entry.raw(), name);
        }
        case XML -> throw new WireFormatException("unknown field '" + name
            + "' came as XML and cannot be written as JSON");
      }
    }
  }

  /**
   * Writes JSON text that came from elsewhere (a {@code json} field, a kept member) as one value, checked as it is
   * copied: text that is not one JSON value, or that repeats a member, is an error, never written as it is.
   *
   * @param what the field, for the error's path
   */
  public static void writeRaw(JsonGenerator generator, String json, String what) {
    read(json, what, parser -> {
      copy(parser, generator);
      return null;
    });
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

  /** How many steps of a deep path are shown at its start, and at its end. */
  private static final int PATH_ENDS = 16;

  /**
   * Where the parser is, in the style {@code products[1].qty}; {@code null} at the top. On the first token of an
   * object or array, that value's own path. A path deeper than 32 steps shows its first and last 16 around
   * {@code …}.
   */
  private static String pathOf(JsonParser parser) {
    TokenStreamContext context = parser.streamReadContext();
    if (context == null || context.inRoot()) {
      return null;
    }
    List<TokenStreamContext> chain = new ArrayList<>(context.getNestingDepth());
    for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.add(c);
    }
    StringBuilder path = new StringBuilder();
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (i == chain.size() - 1 - PATH_ENDS && i >= PATH_ENDS) { // a deep path: its first and last steps
        path.append("…");
        i = PATH_ENDS - 1;
      }
      TokenStreamContext c = chain.get(i);
      if (c.inArray() && c.hasCurrentIndex()) {
        path.append('[').append(c.getCurrentIndex()).append(']');
      } else if (c.inObject() && c.currentName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(c.currentName());
      }
    }
    return path.length() == 0 ? null : path.toString();
  }

  /** Jackson's error as ours: at the parser's path, and without any excerpt of the input. */
  private static WireFormatException fromJackson(JacksonException e, JsonParser parser) {
    String original = e.getOriginalMessage();
    String message;
    if (e instanceof InputCoercionException coercion) {
      message = "a number out of the range of " + (coercion.getTargetType() == null ? "its type"
          : coercion.getTargetType().getSimpleName());
    } else if (e instanceof StreamConstraintsException) {
      message = "JSON over this reader's limits: " + withoutInput(original);
    } else {
      message = "not valid JSON: " + withoutInput(original);
    }
    WireFormatException error = new WireFormatException(message, pathOf(parser), null);
    error.setStackTrace(e.getStackTrace()); // where Jackson failed; its message, which may quote input, is left out
    return error;
  }

  /** What Jackson quotes of its own: the literals it expects, and the close marker it expects. */
  private static final java.util.Set<String> JACKSON_WORDS = java.util.Set.of("null", "true", "false", "}", "]");
  /** A character as Jackson describes it: {@code 'x' (code 120)}, or {@code (CTRL-CHAR, code 10)}. */
  private static final Pattern CHARACTER = Pattern.compile(
      "'.' \\(code \\d+( / 0x\\p{XDigit}+)?\\)|\\((CTRL-CHAR, )?code \\d+( / 0x\\p{XDigit}+)?\\)",
      Pattern.DOTALL);
  /** A number in parentheses, as Jackson quotes one it read: {@code (99999999999)}. */
  private static final Pattern NUMBER = Pattern.compile("\\(\\s*[-+]?[0-9][0-9.eE+-]*\\s*\\)");
  /** Where a structure started, as Jackson adds it: {@code (for Object starting at [Source: …])}. */
  private static final Pattern STARTING_AT = Pattern.compile("\\s*\\(for \\w+ starting at \\[.*?\\]\\)",
      Pattern.DOTALL);
  private static final Pattern EMPTY_PARENTHESES = Pattern.compile("\\(\\s*(next char)?\\s*\\)");
  private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+(?=[:;,.)])");
  private static final Pattern SPACES = Pattern.compile("\\s{2,}");

  /**
   * Jackson's message without what it quotes of the input ({@code Unrecognized token 'hunter2'}), which may be a
   * secret: every quoted text but Jackson's own words ({@code 'null'}, {@code 'true'}, {@code 'false'} and the
   * close markers {@code '}'} and {@code ']'}), every character it describes, every number in parentheses and
   * where a structure started. A quote left open cuts the message there.
   */
  static String withoutInput(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable";
    }
    String text = CHARACTER.matcher(message).replaceAll("");
    text = STARTING_AT.matcher(text).replaceAll("");
    text = NUMBER.matcher(text).replaceAll("");
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\'' && c != '"') {
        kept.append(c);
        continue;
      }
      int close = text.indexOf(c, i + 1);
      if (close < 0) {
        break; // an open quote: what follows may be input
      }
      String quoted = text.substring(i + 1, close);
      if (c == '\'' && JACKSON_WORDS.contains(quoted)) {
        kept.append(text, i, close + 1);
      }
      i = close;
    }
    text = EMPTY_PARENTHESES.matcher(kept).replaceAll("");
    text = SPACE_BEFORE_PUNCTUATION.matcher(text).replaceAll("");
    text = SPACES.matcher(text).replaceAll(" ").strip();
    return text.isEmpty() ? "unreadable" : text;
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
