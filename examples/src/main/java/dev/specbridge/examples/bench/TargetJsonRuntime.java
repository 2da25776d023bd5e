package dev.specbridge.examples.bench;

import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.wire.WireFormatException;
import dev.specbridge.runtime.wire.WireText;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The runtime half of the target of {@link JsonCodecBenchmark}: what {@code dev.specbridge.runtime.json.Json} (and
 * a date-time pattern in {@code runtime.wire}) should add so that generated JSON codecs reach the measured
 * figures; {@link TargetSiteNotificationsJson} is the generated half. (Pre-encoded names, name matchers and
 * {@code Json.write} on recycled buffers are in the runtime already.) Every method keeps the behaviour of the
 * runtime's current one: a value that a fast path does not take goes through exactly the current code.
 */
final class TargetJsonRuntime {
  /**
   * The runtime's factory as the runtime configures it, but without {@code STRICT_DUPLICATE_DETECTION}: the
   * readers of this factory's parsers refuse a member written twice themselves, a generated reader with one bit
   * per field ({@link #once}), where Jackson's detector fills a {@code HashSet} for every object of more than two
   * members (about 1.2 KB per {@code new_user}).
   */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private TargetJsonRuntime() {}

  /**
   * {@code Json.read} on {@link #FACTORY}: for readers that refuse duplicate members themselves. (In the runtime,
   * the same body as {@code Json.read}, with its error paths; here the errors are only wrapped.)
   */
  static <T> T read(String text, Function<JsonParser, T> reader) {
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

  /**
   * Marks the field the parser's name matched as read: {@code seen} with the field's bit set; a member written
   * twice is an error, as the runtime's strict parser makes it. An unknown name ({@code field < 0}) is left to
   * {@link #keep}.
   */
  static long once(JsonParser parser, long seen, int field) {
    if (field < 0) {
      return seen;
    }
    long bit = 1L << field;
    if ((seen & bit) != 0) {
      throw twice(parser.currentName());
    }
    return seen | bit;
  }

  /**
   * {@code Json.keep} for a parser that does not track names: refuses a name kept already, and a member written
   * twice inside the kept value (checked by reading its copy with the runtime's strict parser).
   */
  static List<UnknownFields.Entry> keep(List<UnknownFields.Entry> kept, JsonParser parser) {
    String name = parser.currentName();
    if (kept != null) {
      for (UnknownFields.Entry entry : kept) {
        if (entry.name().equals(name)) {
          throw twice(name);
        }
      }
    }
    boolean structured = parser.currentToken().isStructStart();
    List<UnknownFields.Entry> list = Json.keep(kept, name, parser);
    if (structured) {
      Json.read(list.get(list.size() - 1).raw(), copy -> {
        copy.skipChildren();
        return null;
      });
    }
    return list;
  }

  private static WireFormatException twice(String name) {
    return new WireFormatException("member '" + name + "' is written twice");
  }

  /**
   * {@code Json.readDateTime} with a {@link DateTimePattern}: a JSON string of the pattern's exact shape is read
   * from the parser's characters (no {@code String}, no {@code DateTimeFormatter}); anything else (a zero date,
   * spaces, a number, a date the formatter would adjust, an error) goes through {@code WireText.parseDateTime}.
   */
  static LocalDateTime readDateTime(JsonParser parser, DateTimePattern pattern, String field, boolean secret) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      LocalDateTime fast = pattern.parse(parser.getStringCharacters(), parser.getStringOffset(),
          parser.getStringLength());
      if (fast != null) {
        return fast;
      }
      return WireText.parseDateTime(parser.getString(), pattern.formatter(), field, secret);
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    return Json.readDateTime(parser, pattern.formatter(), field, secret); // a number, an array…: its error
  }

  /** Writes a date-time as the pattern spells it, without {@code DateTimeFormatter} when it can. */
  static void writeDateTime(JsonGenerator generator, LocalDateTime value, DateTimePattern pattern) {
    char[] text = pattern.format(value);
    if (text != null) {
      generator.writeString(text, 0, text.length);
    } else {
      generator.writeString(pattern.formatter().format(value));
    }
  }

  /**
   * A date-time pattern such as {@code yyyy-MM-dd HH:mm:ss}: when it is made only of the fixed-width numbers
   * {@code yyyy}/{@code uuuu}, {@code MM}, {@code dd}, {@code HH}, {@code mm}, {@code ss} (each once) and
   * literal characters, it reads and writes them by position; otherwise (or for a value it cannot take: a year
   * outside 1..9999, a day the month lacks, 24:00…) it answers {@code null} and the caller uses the
   * {@link #formatter()}, so that the result is always the formatter's.
   */
  static final class DateTimePattern {
    private static final int YEAR = 0;
    private static final int MONTH = 1;
    private static final int DAY = 2;
    private static final int HOUR = 3;
    private static final int MINUTE = 4;
    private static final int SECOND = 5;

    private final DateTimeFormatter formatter;
    private final char[] template; // the literals, '\0' where a digit goes; null when the pattern is not fixed
    private final int[] offsets = {-1, -1, -1, -1, -1, -1};

    private DateTimePattern(String pattern) {
      this.formatter = DateTimeFormatter.ofPattern(pattern);
      this.template = compile(pattern);
    }

    static DateTimePattern of(String pattern) {
      return new DateTimePattern(pattern);
    }

    DateTimeFormatter formatter() {
      return formatter;
    }

    private char[] compile(String pattern) {
      StringBuilder shape = new StringBuilder();
      for (int i = 0; i < pattern.length(); ) {
        char c = pattern.charAt(i);
        int run = 1;
        while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
          run++;
        }
        if (Character.isLetter(c) || c == '\'' || c == '[' || c == ']' || c == '#' || c == '{' || c == '}') {
          int field = switch (c) {
            case 'y', 'u' -> run == 4 ? YEAR : -1;
            case 'M' -> run == 2 ? MONTH : -1;
            case 'd' -> run == 2 ? DAY : -1;
            case 'H' -> run == 2 ? HOUR : -1;
            case 'm' -> run == 2 ? MINUTE : -1;
            case 's' -> run == 2 ? SECOND : -1;
            default -> -1;
          };
          if (field < 0 || offsets[field] >= 0) {
            return null;
          }
          offsets[field] = shape.length();
          for (int k = 0; k < run; k++) {
            shape.append('\0');
          }
        } else {
          for (int k = 0; k < run; k++) {
            shape.append(c);
          }
        }
        i += run;
      }
      for (int offset : offsets) {
        if (offset < 0) {
          return null;
        }
      }
      return shape.toString().toCharArray();
    }

    /** The date-time these characters spell in the pattern's exact shape, or {@code null}. */
    LocalDateTime parse(char[] text, int start, int length) {
      char[] shape = template;
      if (shape == null || length != shape.length) {
        return null;
      }
      for (int i = 0; i < length; i++) {
        char c = text[start + i];
        char expected = shape[i];
        if (expected == '\0' ? c < '0' || c > '9' : c != expected) {
          return null;
        }
      }
      int year = digits(text, start + offsets[YEAR], 4);
      int month = digits(text, start + offsets[MONTH], 2);
      int day = digits(text, start + offsets[DAY], 2);
      int hour = digits(text, start + offsets[HOUR], 2);
      int minute = digits(text, start + offsets[MINUTE], 2);
      int second = digits(text, start + offsets[SECOND], 2);
      if (year < 1 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)
          || hour > 23 || minute > 59 || second > 59) {
        return null;
      }
      return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** The pattern's characters for {@code value}, or {@code null}. */
    char[] format(LocalDateTime value) {
      char[] shape = template;
      int year = value.getYear();
      if (shape == null || year < 1 || year > 9999) {
        return null;
      }
      char[] text = shape.clone();
      put(text, offsets[YEAR], year, 4);
      put(text, offsets[MONTH], value.getMonthValue(), 2);
      put(text, offsets[DAY], value.getDayOfMonth(), 2);
      put(text, offsets[HOUR], value.getHour(), 2);
      put(text, offsets[MINUTE], value.getMinute(), 2);
      put(text, offsets[SECOND], value.getSecond(), 2);
      return text;
    }

    private static int digits(char[] text, int start, int count) {
      int value = 0;
      for (int i = 0; i < count; i++) {
        value = value * 10 + (text[start + i] - '0');
      }
      return value;
    }

    private static void put(char[] text, int start, int value, int count) {
      for (int i = start + count - 1; i >= start; i--) {
        text[i] = (char) ('0' + value % 10);
        value /= 10;
      }
    }

    private static int lengthOfMonth(int year, int month) {
      return month == 2 ? (Year.isLeap(year) ? 29 : 28) : month == 4 || month == 6 || month == 9
          || month == 11 ? 30 : 31;
    }
  }
}
