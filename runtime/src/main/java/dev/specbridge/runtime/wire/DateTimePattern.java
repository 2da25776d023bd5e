package dev.specbridge.runtime.wire;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;

/**
 * A date or date-time pattern from a spec, with a fast path beside its {@link DateTimeFormatter}: generated codecs
 * read and write a date for many records, and the formatter costs hundreds of bytes and much time for each value.
 * When the pattern is made only of the fixed-width fields {@code yyyy} (or {@code uuuu}), {@code MM}, {@code dd},
 * {@code HH}, {@code mm}, {@code ss} and plain literals, as wire patterns such as {@code yyyy-MM-dd HH:mm:ss}
 * almost always are, values are read and written by position; anything else goes through the formatter. Either
 * way the results are exactly the formatter's: the fast path takes only what it is sure to read or write the same.
 *
 * <p>Immutable, so one instance per pattern can be shared by every thread.
 */
public final class DateTimePattern {
  private static final int YEAR = 0;
  private static final int MONTH = 1;
  private static final int DAY = 2;
  private static final int HOUR = 3;
  private static final int MINUTE = 4;
  private static final int SECOND = 5;
  private static final int FIELDS = 6;

  // A value read on the fast path is packed into a long, each field in its own bits, so that reading allocates
  // nothing: 14 bits for the year (up to 9999), 7 for each two-digit field (up to 99, validated afterwards).
  private static final int[] SHIFTS = {0, 14, 21, 28, 35, 42};
  private static final int[] WIDTHS = {4, 2, 2, 2, 2, 2};
  private static final int YEAR_MASK = 0x3FFF;
  private static final int TWO_DIGIT_MASK = 0x7F;

  private final String pattern;
  private final DateTimeFormatter formatter;
  /** The text of every value: literals, and placeholders where digits go; null when there is no fast path. */
  private final char[] template;
  /** Per position of {@link #template}: 0 for a literal, else what its digit adds to the packed value. */
  private final long[] weights;
  /** Per field, its position in {@link #template}, or -1 when the pattern does not have it. */
  private final int[] offsets;
  private final boolean fastDateTime;
  private final boolean fastDateOnly;

  private DateTimePattern(String pattern) {
    this.pattern = pattern;
    this.formatter = DateTimeFormatter.ofPattern(pattern);
    this.offsets = new int[FIELDS];
    this.template = compile(pattern, offsets);
    this.weights = template == null ? null : weights(template.length, offsets);
    this.fastDateTime = template != null && offsets[HOUR] >= 0 && offsets[MINUTE] >= 0;
    this.fastDateOnly = template != null && offsets[HOUR] < 0;
  }

  /**
   * The pattern, checked now rather than at the first value, so that a bad pattern in a spec fails when the codec
   * is built.
   *
   * @throws IllegalArgumentException when {@link DateTimeFormatter#ofPattern(String)} refuses the pattern
   */
  public static DateTimePattern of(String pattern) {
    return new DateTimePattern(Objects.requireNonNull(pattern, "pattern"));
  }

  /** For callers that need the full formatter, e.g. to phrase an error with an example value. */
  public DateTimeFormatter formatter() {
    return formatter;
  }

  /** The spec's own spelling, for messages and for telling patterns apart. */
  public String pattern() {
    return pattern;
  }

  /**
   * A date-time read by position, for a parser that hands out its character buffer: no copy into a
   * {@link String} and no garbage. {@code null} means only that the fast path could not decide (the pattern has
   * none, or the text is not of its exact shape, or is not a real date-time such as {@code 2024-02-30} or a zero
   * date); the caller then falls back to {@link #parseDateTime(String)} or the formatter, which decide.
   *
   * @throws IndexOutOfBoundsException when {@code start} and {@code length} are not within {@code text}
   */
  public LocalDateTime parseDateTime(char[] text, int start, int length) {
    Objects.checkFromIndexSize(start, length, text.length);
    if (!fastDateTime) {
      return null;
    }
    return toDateTime(scan(text, start, length));
  }

  /**
   * A date read by position, for a parser that hands out its character buffer; {@code null} when the fast path
   * could not decide, as for {@link #parseDateTime(char[], int, int)}. Time fields in the pattern must still be
   * valid, as the formatter requires.
   *
   * @throws IndexOutOfBoundsException when {@code start} and {@code length} are not within {@code text}
   */
  public LocalDate parseDate(char[] text, int start, int length) {
    Objects.checkFromIndexSize(start, length, text.length);
    if (template == null) {
      return null;
    }
    return toDate(scan(text, start, length));
  }

  /**
   * A date-time, by position when possible: always what {@code LocalDateTime.parse(text, formatter())} gives,
   * including its resolving (e.g. {@code 24:00:00} as the next midnight) and its errors.
   *
   * @throws java.time.format.DateTimeParseException when the formatter cannot read the text
   */
  public LocalDateTime parseDateTime(String text) {
    LocalDateTime value = fastDateTime ? toDateTime(scan(text)) : null;
    return value != null ? value : LocalDateTime.parse(text, formatter);
  }

  /**
   * A date, by position when possible: always what {@code LocalDate.parse(text, formatter())} gives, including its
   * resolving (e.g. {@code 2024-02-30} as the last day of February) and its errors.
   *
   * @throws java.time.format.DateTimeParseException when the formatter cannot read the text
   */
  public LocalDate parseDate(String text) {
    LocalDate value = template != null ? toDate(scan(text)) : null;
    return value != null ? value : LocalDate.parse(text, formatter);
  }

  /**
   * The text of a date-time, the same as the formatter's, written by position when possible.
   *
   * @throws java.time.DateTimeException when the formatter cannot write the value
   */
  public String format(LocalDateTime value) {
    char[] text = formatChars(value);
    return text != null ? new String(text) : formatter.format(value);
  }

  /**
   * The text of a date, the same as the formatter's, written by position when possible.
   *
   * @throws java.time.DateTimeException when the formatter cannot write the value, e.g. when the pattern has an
   *     hour
   */
  public String format(LocalDate value) {
    char[] text = formatChars(value);
    return text != null ? new String(text) : formatter.format(value);
  }

  /**
   * The characters of a date-time, for a generator that writes a {@code char[]} without a {@link String} between;
   * a new array each time, the caller's to keep. {@code null} when the fast path cannot write it (the pattern has
   * none, or the year is outside 1 to 9999); the caller then uses {@link #format(LocalDateTime)}.
   */
  public char[] formatChars(LocalDateTime value) {
    int year = value.getYear();
    if (template == null || year < 1 || year > 9999) {
      return null;
    }
    char[] text = template.clone();
    put(text, YEAR, year);
    put(text, MONTH, value.getMonthValue());
    put(text, DAY, value.getDayOfMonth());
    put(text, HOUR, value.getHour());
    put(text, MINUTE, value.getMinute());
    put(text, SECOND, value.getSecond());
    return text;
  }

  /**
   * The characters of a date, as {@link #formatChars(LocalDateTime)}; also {@code null} when the pattern has time
   * fields, which a date cannot fill (the formatter refuses it too).
   */
  public char[] formatChars(LocalDate value) {
    int year = value.getYear();
    if (!fastDateOnly || year < 1 || year > 9999) {
      return null;
    }
    char[] text = template.clone();
    put(text, YEAR, year);
    put(text, MONTH, value.getMonthValue());
    put(text, DAY, value.getDayOfMonth());
    return text;
  }

  /** The pattern, so that a codec or an error message that prints this object shows what the spec said. */
  @Override
  public String toString() {
    return pattern;
  }

  /**
   * The template of a pattern the fast path can take, filling {@code offsets}; else {@code null}. Only what reads
   * and writes exactly as the formatter qualifies: each field at most once, a year, month and day, time fields
   * from the hour down, and literals that are neither letters nor digits (a digit literal next to the year would
   * be read by the formatter as part of the year, whose width it does not fix) nor quotes or optional sections.
   */
  private static char[] compile(String pattern, int[] offsets) {
    Arrays.fill(offsets, -1);
    StringBuilder shape = new StringBuilder(pattern.length());
    for (int i = 0; i < pattern.length(); ) {
      char c = pattern.charAt(i);
      int run = 1;
      while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
        run++;
      }
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
        int field = field(c, run);
        if (field < 0 || offsets[field] >= 0) {
          return null;
        }
        offsets[field] = shape.length();
        shape.append("0".repeat(run));
      } else if (Character.isLetterOrDigit(c) || c == '\'' || c == '[' || c == ']' || c == '{' || c == '}'
          || c == '#') {
        return null;
      } else {
        shape.append(String.valueOf(c).repeat(run));
      }
      i += run;
    }
    if (offsets[YEAR] < 0 || offsets[MONTH] < 0 || offsets[DAY] < 0
        || offsets[MINUTE] >= 0 && offsets[HOUR] < 0 || offsets[SECOND] >= 0 && offsets[MINUTE] < 0) {
      return null;
    }
    return shape.toString().toCharArray();
  }

  private static int field(char letter, int run) {
    return switch (letter) {
      case 'y', 'u' -> run == 4 ? YEAR : -1;
      case 'M' -> run == 2 ? MONTH : -1;
      case 'd' -> run == 2 ? DAY : -1;
      case 'H' -> run == 2 ? HOUR : -1;
      case 'm' -> run == 2 ? MINUTE : -1;
      case 's' -> run == 2 ? SECOND : -1;
      default -> -1;
    };
  }

  private static long[] weights(int length, int[] offsets) {
    long[] weights = new long[length];
    for (int field = 0; field < FIELDS; field++) {
      if (offsets[field] >= 0) {
        long weight = 1L << SHIFTS[field];
        for (int i = offsets[field] + WIDTHS[field] - 1; i >= offsets[field]; i--) {
          weights[i] = weight;
          weight *= 10;
        }
      }
    }
    return weights;
  }

  /** The fields of text of the template's exact shape, packed; -1 for any other text. */
  private long scan(char[] text, int start, int length) {
    char[] shape = template;
    if (length != shape.length) {
      return -1;
    }
    long[] digitWeights = weights;
    long packed = 0;
    for (int i = 0; i < length; i++) {
      char c = text[start + i];
      long weight = digitWeights[i];
      if (weight == 0) {
        if (c != shape[i]) {
          return -1;
        }
      } else if (c >= '0' && c <= '9') {
        packed += (c - '0') * weight;
      } else {
        return -1;
      }
    }
    return packed;
  }

  /** As {@link #scan(char[], int, int)}, for a string (copied only when it has the template's length). */
  private long scan(String text) {
    return text.length() != template.length ? -1 : scan(text.toCharArray(), 0, text.length());
  }

  private static LocalDateTime toDateTime(long packed) {
    if (!isValid(packed)) {
      return null;
    }
    return LocalDateTime.of(year(packed), twoDigits(packed, MONTH), twoDigits(packed, DAY),
        twoDigits(packed, HOUR), twoDigits(packed, MINUTE), twoDigits(packed, SECOND));
  }

  private static LocalDate toDate(long packed) {
    if (!isValid(packed)) {
      return null;
    }
    return LocalDate.of(year(packed), twoDigits(packed, MONTH), twoDigits(packed, DAY));
  }

  /** A real date and time of day; fields the pattern lacks are 0, which is valid for the time fields. */
  private static boolean isValid(long packed) {
    if (packed < 0) {
      return false;
    }
    int year = year(packed);
    int month = twoDigits(packed, MONTH);
    int day = twoDigits(packed, DAY);
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && (day <= 28 || day <= lengthOfMonth(year, month))
        && twoDigits(packed, HOUR) <= 23 && twoDigits(packed, MINUTE) <= 59 && twoDigits(packed, SECOND) <= 59;
  }

  private static int year(long packed) {
    return (int) packed & YEAR_MASK;
  }

  private static int twoDigits(long packed, int field) {
    return (int) (packed >>> SHIFTS[field]) & TWO_DIGIT_MASK;
  }

  private static int lengthOfMonth(int year, int month) {
    if (month == 2) {
      return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /** Writes a field's digits, zero-padded to its width, where the template has it; nothing if it has not. */
  private void put(char[] text, int field, int value) {
    int start = offsets[field];
    if (start < 0) {
      return;
    }
    for (int i = start + WIDTHS[field] - 1; i >= start; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
