package dev.specbridge.runtime.wire;

import dev.specbridge.runtime.value.OpenEnum;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Scalars as text, the way name-value pairs carry every value and many JSON APIs carry numbers: one place for the
 * parsing and formatting that the generated codecs of every wire format call. Readers take the field's wire name
 * and whether it is secret, so that an error names the field without printing a secret.
 *
 * <p>Absent is {@code null} both ways: every parser reads {@code null} text as {@code null}, and every formatter
 * writes a {@code null} value as {@code null} text (a {@link dev.specbridge.runtime.form.FormSink} sends no pair
 * for it), so that generated code is one call per field, with no null check of its own.
 */
public final class WireText {
  private WireText() {}

  /**
   * An int; a whole number out of its range is an error that says so, like any other text that is not an int
   * (never a bare {@link NumberFormatException}).
   */
  public static Integer parseInt(String text, String field, boolean secret) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw WireFormatException.badValue(field, isWholeNumber(text)
          ? "a whole number (int) from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
          : "a whole number (int)", text, secret);
    }
  }

  /** A long; a whole number out of its range is an error that says so. */
  public static Long parseLong(String text, String field, boolean secret) {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw WireFormatException.badValue(field, isWholeNumber(text)
          ? "a whole number (long) from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
          : "a whole number (long)", text, secret);
    }
  }

  /** Digits with an optional sign: a number {@code parseInt} or {@code parseLong} refused only for its size. */
  private static boolean isWholeNumber(String text) {
    String value = text.strip();
    int start = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
    if (value.length() == start) {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  public static BigDecimal parseDecimal(String text, String field, boolean secret) {
    if (text == null) {
      return null;
    }
    try {
      return checkedScale(new BigDecimal(text.strip()), field, secret);
    } catch (NumberFormatException e) {
      throw WireFormatException.badValue(field, "a decimal number", text, secret);
    }
  }

  /** The largest exponent a decimal may have: {@code 1e999999999} would print as a billion digits. */
  static final int MAX_DECIMAL_SCALE = 10_000;

  /**
   * {@code value} when its exponent is within {@link #MAX_DECIMAL_SCALE}; a larger one is an error, since writing it
   * back as plain digits ({@code toPlainString()}, as the text formats do) would make a huge string.
   */
  public static BigDecimal checkedScale(BigDecimal value, String field, boolean secret) {
    if (Math.abs((long) value.scale()) > MAX_DECIMAL_SCALE) {
      throw WireFormatException.badValue(field, "a decimal number with an exponent of at most " + MAX_DECIMAL_SCALE,
          value.toString(), secret);
    }
    return value;
  }

  /** {@code Y}/{@code N}-style spellings, compared ignoring case (servers are rarely strict about it). */
  public static Boolean parseBoolean(String text, String trueSpelling, String falseSpelling, String field,
      boolean secret) {
    if (text == null) {
      return null;
    }
    String value = text.strip();
    if (value.equalsIgnoreCase(trueSpelling)) {
      return true;
    }
    if (value.equalsIgnoreCase(falseSpelling)) {
      return false;
    }
    throw WireFormatException.badValue(field, trueSpelling + " or " + falseSpelling, text, secret);
  }

  public static String formatBoolean(Boolean value, String trueSpelling, String falseSpelling) {
    return value == null ? null : value ? trueSpelling : falseSpelling;
  }

  /** A number's text: an int's or long's digits, a decimal's plain digits (never an exponent). */
  public static String formatNumber(Number value) {
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : value == null ? null : value.toString();
  }

  /** An enum's wire value. */
  public static String formatEnum(OpenEnum value) {
    return value == null ? null : value.wireValue();
  }

  /** A date as {@code format} writes it. */
  public static String formatDate(LocalDate value, DateTimePattern format) {
    return value == null ? null : format.format(value);
  }

  /** A date-time as {@code format} writes it. */
  public static String formatDateTime(LocalDateTime value, DateTimePattern format) {
    return value == null ? null : format.format(value);
  }

  /** A value made by {@code parse} from non-null text (an enum's {@code of}). */
  public static <T> T parse(String text, Function<String, T> parse) {
    return text == null ? null : parse.apply(text);
  }

  /**
   * A date, or {@code null} for an empty text or a zero date such as {@code 0000-00-00}: legacy servers write
   * "no date" that way.
   */
  public static LocalDate parseDate(String text, DateTimePattern format, String field, boolean secret) {
    if (text == null || isZeroDate(text)) {
      return null;
    }
    try {
      return format.parseDate(text.strip());
    } catch (DateTimeParseException e) {
      throw WireFormatException.badValue(field, "a date like " + format.format(LocalDate.of(2024, 12, 31)), text,
          secret);
    }
  }

  /** A date-time, or {@code null} for an empty text or a zero date such as {@code 0000-00-00 00:00:00}. */
  public static LocalDateTime parseDateTime(String text, DateTimePattern format, String field, boolean secret) {
    if (text == null || isZeroDate(text)) {
      return null;
    }
    try {
      return format.parseDateTime(text.strip());
    } catch (DateTimeParseException e) {
      throw WireFormatException.badValue(field, "a date-time like "
          + format.format(LocalDateTime.of(2024, 12, 31, 23, 59, 58)), text, secret);
    }
  }

  /** Epoch seconds or milliseconds; a number beyond the range of {@link Instant} is an error naming the field. */
  public static Instant parseTimestamp(String text, boolean millis, String field, boolean secret) {
    if (text == null) {
      return null;
    }
    long value = parseLong(text, field, secret);
    try {
      return millis ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    } catch (DateTimeException e) {
      throw WireFormatException.badValue(field, (millis ? "epoch milliseconds" : "epoch seconds")
          + " within the range of a date", text, secret);
    }
  }

  public static String formatTimestamp(Instant value, boolean millis) {
    return value == null ? null : Long.toString(millis ? value.toEpochMilli() : value.getEpochSecond());
  }

  /** A comma-joined list ({@code 123,456}); an empty text is an empty list, no text none. */
  public static <T> List<T> parseCsv(String text, Function<String, T> element) {
    if (text == null) {
      return null;
    }
    List<T> values = new ArrayList<>();
    if (text.isBlank()) {
      return values;
    }
    for (String part : text.split(",", -1)) {
      values.add(element.apply(part.strip()));
    }
    return values;
  }

  /**
   * A comma-joined list ({@code 123,456}). An element that contains a comma cannot be written so (it would read
   * back as two), and is an error that names the field and the element's index, not its value.
   *
   * @throws WireFormatException when an element contains a comma
   */
  public static <T> String formatCsv(List<T> values, Function<T, String> element, String field) {
    StringBuilder text = new StringBuilder();
    int i = 0;
    for (T value : values) {
      String part = element.apply(value);
      if (part != null && part.indexOf(',') >= 0) {
        throw new WireFormatException("field '" + field + "' cannot be written as a comma-joined list: element "
            + i + " contains a comma, and would read back as two values");
      }
      if (part != null && (part.isEmpty() ? values.size() == 1 : part.strip().length() != part.length())) {
        throw new WireFormatException("field '" + field + "' cannot be written as a comma-joined list: element "
            + i + " is " + (part.isEmpty() ? "empty, and would read back as no element" : "edged with spaces,"
            + " which reading strips"));
      }
      if (i++ > 0) {
        text.append(',');
      }
      text.append(part);
    }
    return text.toString();
  }

  private static boolean isZeroDate(String text) {
    String value = text.strip();
    if (value.isEmpty()) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '0' && c != '-' && c != ':' && c != ' ' && c != 'T' && c != '/' && c != '.') {
        return false;
      }
    }
    return true;
  }
}
