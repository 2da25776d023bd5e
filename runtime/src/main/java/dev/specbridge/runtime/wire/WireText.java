package dev.specbridge.runtime.wire;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Scalars as text, the way name-value pairs carry every value and many JSON APIs carry numbers: one place for the
 * parsing and formatting that the generated codecs of every wire format call. Readers take the field's wire name
 * and whether it is secret, so that an error names the field without printing a secret.
 */
public final class WireText {
  private WireText() {}

  public static int parseInt(String text, String field, boolean secret) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw WireFormatException.badValue(field, "a whole number (int)", text, secret);
    }
  }

  public static long parseLong(String text, String field, boolean secret) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw WireFormatException.badValue(field, "a whole number (long)", text, secret);
    }
  }

  public static BigDecimal parseDecimal(String text, String field, boolean secret) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw WireFormatException.badValue(field, "a decimal number", text, secret);
    }
  }

  /** {@code Y}/{@code N}-style spellings, compared ignoring case (servers are rarely strict about it). */
  public static boolean parseBoolean(String text, String trueSpelling, String falseSpelling, String field,
      boolean secret) {
    String value = text.strip();
    if (value.equalsIgnoreCase(trueSpelling)) {
      return true;
    }
    if (value.equalsIgnoreCase(falseSpelling)) {
      return false;
    }
    throw WireFormatException.badValue(field, trueSpelling + " or " + falseSpelling, text, secret);
  }

  public static String formatBoolean(boolean value, String trueSpelling, String falseSpelling) {
    return value ? trueSpelling : falseSpelling;
  }

  /**
   * A date, or {@code null} for an empty text or a zero date such as {@code 0000-00-00}: legacy servers write
   * "no date" that way.
   */
  public static LocalDate parseDate(String text, DateTimeFormatter format, String field, boolean secret) {
    if (isZeroDate(text)) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip(), format);
    } catch (DateTimeParseException e) {
      throw WireFormatException.badValue(field, "a date like " + format.format(LocalDate.of(2024, 12, 31)), text,
          secret);
    }
  }

  /** A date-time, or {@code null} for an empty text or a zero date such as {@code 0000-00-00 00:00:00}. */
  public static LocalDateTime parseDateTime(String text, DateTimeFormatter format, String field, boolean secret) {
    if (isZeroDate(text)) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip(), format);
    } catch (DateTimeParseException e) {
      throw WireFormatException.badValue(field, "a date-time like "
          + format.format(LocalDateTime.of(2024, 12, 31, 23, 59, 58)), text, secret);
    }
  }

  /** Epoch seconds or milliseconds. */
  public static Instant parseTimestamp(String text, boolean millis, String field, boolean secret) {
    long value = parseLong(text, field, secret);
    return millis ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
  }

  public static String formatTimestamp(Instant value, boolean millis) {
    return Long.toString(millis ? value.toEpochMilli() : value.getEpochSecond());
  }

  /** A comma-joined list ({@code 123,456}); an empty text is an empty list. */
  public static <T> List<T> parseCsv(String text, Function<String, T> element) {
    List<T> values = new ArrayList<>();
    if (text.isBlank()) {
      return values;
    }
    for (String part : text.split(",", -1)) {
      values.add(element.apply(part.strip()));
    }
    return values;
  }

  public static <T> String formatCsv(List<T> values, Function<T, String> element) {
    StringBuilder text = new StringBuilder();
    for (T value : values) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(element.apply(value));
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
