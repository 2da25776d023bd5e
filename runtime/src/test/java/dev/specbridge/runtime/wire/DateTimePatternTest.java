package dev.specbridge.runtime.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DateTimePatternTest {
  /** Random values per pattern, on top of the edge values. */
  private static final int VALUES = 120_000;
  private static final char JUNK = '7';

  @Test
  void aDateTimeWithSecondsIsWrittenAndReadByPositionExactlyAsTheFormatterDoes() {
    agreesWithFormatter("yyyy-MM-dd HH:mm:ss", true, true, ChronoUnit.SECONDS, VALUES);
  }

  @Test
  void aDateIsWrittenAndReadByPositionExactlyAsTheFormatterDoes() {
    agreesWithFormatter("yyyy-MM-dd", false, true, ChronoUnit.DAYS, VALUES);
  }

  @Test
  void aDayFirstDateTimeWithoutSecondsIsWrittenAndReadByPositionWithZeroSeconds() {
    agreesWithFormatter("dd/MM/yyyy HH:mm", true, true, ChronoUnit.MINUTES, VALUES);
  }

  @Test
  void aQuotedLiteralTakesNoFastPathButGivesTheFormattersResults() {
    agreesWithFormatter("uuuu-MM-dd'T'HH:mm:ss", true, false, ChronoUnit.SECONDS, VALUES);
  }

  @Test
  void fractionsOfASecondTakeNoFastPathButGiveTheFormattersResults() {
    agreesWithFormatter("yyyy-MM-dd HH:mm:ss.SSS", true, false, ChronoUnit.MILLIS, VALUES);
  }

  @Test
  void compactAndReorderedFixedWidthPatternsAlsoTakeTheFastPath() {
    agreesWithFormatter("yyyyMMddHHmmss", true, true, ChronoUnit.SECONDS, 5_000);
    agreesWithFormatter("HH:mm:ss dd.MM.uuuu", true, true, ChronoUnit.SECONDS, 5_000);
    agreesWithFormatter("ddMMyyyy", false, true, ChronoUnit.DAYS, 5_000);
    agreesWithFormatter("yyyy/MM/dd", false, true, ChronoUnit.DAYS, 5_000);
  }

  @Test
  void patternsNotMadeOfFixedWidthFieldsAndPlainLiteralsTakeNoFastPath() {
    LocalDateTime value = LocalDateTime.of(2024, 2, 29, 13, 5, 9);
    for (String pattern : List.of("yyyy-M-d", "yy-MM-dd", "yyyy-MM-dd[ HH:mm]", "yyyy-MM-dd hh:mm a",
        "yyyy-MM", "MM-dd HH:mm", "yyyy-MM-dd mm:ss", "yyyy-MM-dd HH:mm:ss uuuu", "yyyy-MM-dd-dd",
        "yyyyy-MM-dd", "yyyy1MMdd", "yyyy-MM-dd'T'HH:mm", "yyyy\u5e74MM\u6708dd\u65e5", "yyyy-MM-dd HH:mm:ss.SSS")) {
      DateTimePattern subject = DateTimePattern.of(pattern);
      DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern);
      assertNull(subject.formatChars(value), pattern);
      assertNull(subject.formatChars(value.toLocalDate()), pattern);
      String text = formatter.format(value);
      char[] chars = text.toCharArray();
      assertNull(subject.parseDateTime(chars, 0, chars.length), pattern);
      assertNull(subject.parseDate(chars, 0, chars.length), pattern);
      assertEquals(text, subject.format(value), pattern);
      assertSameOutcome(() -> LocalDateTime.parse(text, formatter), () -> subject.parseDateTime(text), pattern);
      assertSameOutcome(() -> LocalDate.parse(text, formatter), () -> subject.parseDate(text), pattern);
      assertSameOutcome(() -> formatter.format(value.toLocalDate()), () -> subject.format(value.toLocalDate()),
          pattern);
    }
  }

  @Test
  void textsOfTheWrongShapeOrNotARealDateAreLeftToTheFormatter() {
    for (String pattern : List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "dd/MM/yyyy HH:mm", "uuuu-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.SSS", "yyyyMMddHHmmss")) {
      DateTimePattern subject = DateTimePattern.of(pattern);
      DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern);
      for (String text : invalidTexts(pattern)) {
        String context = pattern + " / '" + text + "'";
        char[] buffer = new char[text.length() + 6];
        Arrays.fill(buffer, JUNK);
        text.getChars(0, text.length(), buffer, 3);
        assertNull(subject.parseDateTime(buffer, 3, text.length()), context);
        assertNull(subject.parseDate(buffer, 3, text.length()), context);
        assertSameOutcome(() -> LocalDateTime.parse(text, formatter), () -> subject.parseDateTime(text), context);
        assertSameOutcome(() -> LocalDate.parse(text, formatter), () -> subject.parseDate(text), context);
      }
    }
  }

  @Test
  void theFormatterStillResolvesWhatTheFastPathRefuses() {
    DateTimePattern dateTime = DateTimePattern.of("yyyy-MM-dd HH:mm:ss");
    assertEquals(LocalDateTime.of(2024, 2, 29, 10, 0), dateTime.parseDateTime("2024-02-30 10:00:00"));
    assertEquals(LocalDateTime.of(2024, 1, 2, 0, 0), dateTime.parseDateTime("2024-01-01 24:00:00"));
    assertEquals(LocalDateTime.of(12024, 1, 1, 10, 0), dateTime.parseDateTime("+12024-01-01 10:00:00"));
    char[] feb30 = "2024-02-30 10:00:00".toCharArray();
    assertNull(dateTime.parseDateTime(feb30, 0, feb30.length));
    assertEquals(LocalDate.of(0, 1, 1), DateTimePattern.of("uuuu-MM-dd").parseDate("0000-01-01"));
  }

  @Test
  void yearsBeyondFourDigitsOrBeforeYearOneAreWrittenAndReadByTheFormatter() {
    List<LocalDateTime> values = List.of(LocalDateTime.of(0, 1, 1, 0, 0), LocalDateTime.of(-1, 12, 31, 23, 59, 59),
        LocalDateTime.of(10_000, 1, 1, 0, 0), LocalDateTime.of(123_456, 6, 15, 12, 30, 45), LocalDateTime.MIN,
        LocalDateTime.MAX);
    for (String pattern : List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "dd/MM/yyyy HH:mm", "uuuu-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.SSS")) {
      DateTimePattern subject = DateTimePattern.of(pattern);
      DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern);
      for (LocalDateTime value : values) {
        String context = pattern + " / " + value;
        assertNull(subject.formatChars(value), context);
        assertNull(subject.formatChars(value.toLocalDate()), context);
        String text = formatter.format(value);
        assertEquals(text, subject.format(value), context);
        assertSameOutcome(() -> formatter.format(value.toLocalDate()), () -> subject.format(value.toLocalDate()),
            context);
        assertSameOutcome(() -> LocalDateTime.parse(text, formatter), () -> subject.parseDateTime(text), context);
        assertSameOutcome(() -> LocalDate.parse(text, formatter), () -> subject.parseDate(text), context);
      }
    }
  }

  @Test
  void aDateIsReadFromADateTimePatternButADateTimeIsNotReadFromADatePattern() {
    DateTimePattern dateTime = DateTimePattern.of("yyyy-MM-dd HH:mm:ss");
    char[] text = "2024-02-29 23:59:59".toCharArray();
    assertEquals(LocalDate.of(2024, 2, 29), dateTime.parseDate(text, 0, text.length));
    assertEquals(LocalDate.of(2024, 2, 29), dateTime.parseDate("2024-02-29 23:59:59"));
    assertEquals(LocalDate.of(2024, 3, 1), dateTime.parseDate("2024-02-29 24:00:00"));
    assertNull(dateTime.formatChars(LocalDate.of(2024, 2, 29)));
    assertSameOutcome(() -> dateTime.formatter().format(LocalDate.of(2024, 2, 29)),
        () -> dateTime.format(LocalDate.of(2024, 2, 29)), "a date through a date-time pattern");

    DateTimePattern date = DateTimePattern.of("yyyy-MM-dd");
    char[] dateText = "2024-02-29".toCharArray();
    assertNull(date.parseDateTime(dateText, 0, dateText.length));
    assertSameOutcome(() -> LocalDateTime.parse("2024-02-29", date.formatter()),
        () -> date.parseDateTime("2024-02-29"), "a date-time through a date pattern");
    assertEquals("2024-02-29", new String(date.formatChars(LocalDateTime.of(2024, 2, 29, 13, 5))));
    assertEquals("2024-02-29", date.format(LocalDateTime.of(2024, 2, 29, 13, 5)));
  }

  @Test
  void onlyTheGivenRangeOfTheBufferIsRead() {
    DateTimePattern subject = DateTimePattern.of("yyyy-MM-dd");
    char[] buffer = "[\"2024-12-31\",\"1999-01-01\"]".toCharArray();
    assertEquals(LocalDate.of(2024, 12, 31), subject.parseDate(buffer, 2, 10));
    assertEquals(LocalDate.of(1999, 1, 1), subject.parseDate(buffer, 15, 10));
    assertNull(subject.parseDate(buffer, 1, 10));
    assertNull(subject.parseDate(buffer, 2, 11));
    assertThrows(IndexOutOfBoundsException.class, () -> subject.parseDate(buffer, 20, 10));
    assertThrows(IndexOutOfBoundsException.class, () -> subject.parseDateTime(buffer, -1, 10));
  }

  @Test
  void anInvalidPatternIsRefusedWhenTheCodecIsBuilt() {
    for (String pattern : List.of("yyyy-MM-dd {", "yyyy-MM-dd #", "yyyy-bb-dd", "yyyy-MM-dd'T", "yyyy-MM-dd]")) {
      IllegalArgumentException expected = assertThrows(IllegalArgumentException.class,
          () -> DateTimeFormatter.ofPattern(pattern), pattern);
      IllegalArgumentException actual = assertThrows(IllegalArgumentException.class,
          () -> DateTimePattern.of(pattern), pattern);
      assertEquals(expected.getMessage(), actual.getMessage(), pattern);
    }
  }

  @Test
  void thePatternIsKeptAsTheSpecSpelledIt() {
    DateTimePattern subject = DateTimePattern.of("dd/MM/yyyy HH:mm");
    assertEquals("dd/MM/yyyy HH:mm", subject.pattern());
    assertEquals("dd/MM/yyyy HH:mm", subject.toString());
    assertSame(subject.formatter(), subject.formatter());
    assertEquals(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").toString(), subject.formatter().toString());
  }

  /**
   * Every value is written as the formatter writes it, read back as the formatter reads it, and (where the pattern
   * holds the whole value) read back as itself; on a fast pattern the char[] methods take every value, on any other
   * they take none.
   */
  private static void agreesWithFormatter(String pattern, boolean dateTime, boolean fast, ChronoUnit precision,
      int count) {
    DateTimePattern subject = DateTimePattern.of(pattern);
    DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern);
    List<LocalDateTime> edges = edgeValues();
    SplittableRandom random = new SplittableRandom(20_240_229L);
    char[] buffer = new char[48];
    for (int n = 0; n < edges.size() + count; n++) {
      LocalDateTime value = n < edges.size() ? edges.get(n) : randomValue(random);
      Arrays.fill(buffer, JUNK);
      int start = n % 5;
      Supplier<String> context = () -> pattern + " / " + value;
      if (dateTime) {
        String text = formatter.format(value);
        assertEquals(text, subject.format(value), context);
        char[] chars = subject.formatChars(value);
        if (fast) {
          assertNotNull(chars, context);
          assertEquals(text, new String(chars), context);
        } else {
          assertNull(chars, context);
        }
        LocalDateTime expected = LocalDateTime.parse(text, formatter);
        assertEquals(value.truncatedTo(precision), expected, context);
        assertEquals(expected, subject.parseDateTime(text), context);
        text.getChars(0, text.length(), buffer, start);
        LocalDateTime read = subject.parseDateTime(buffer, start, text.length());
        assertEquals(fast ? expected : null, read, context);
        if (n % 16 == 0) {
          assertEquals(expected.toLocalDate(), subject.parseDate(text), context);
          assertEquals(fast ? expected.toLocalDate() : null, subject.parseDate(buffer, start, text.length()),
              context);
        }
      } else {
        LocalDate date = value.toLocalDate();
        String text = formatter.format(date);
        assertEquals(text, subject.format(date), context);
        char[] chars = subject.formatChars(date);
        if (fast) {
          assertNotNull(chars, context);
          assertEquals(text, new String(chars), context);
        } else {
          assertNull(chars, context);
        }
        LocalDate expected = LocalDate.parse(text, formatter);
        assertEquals(date, expected, context);
        assertEquals(expected, subject.parseDate(text), context);
        text.getChars(0, text.length(), buffer, start);
        assertEquals(fast ? expected : null, subject.parseDate(buffer, start, text.length()), context);
        if (n % 16 == 0) {
          assertEquals(text, subject.format(value), context);
        }
      }
    }
  }

  /** Jan 1, Feb 28/29, Mar 1, Apr 30, Dec 31 of years around every leap rule, at midnight and a second before. */
  private static List<LocalDateTime> edgeValues() {
    List<LocalDateTime> values = new ArrayList<>();
    List<LocalTime> times = List.of(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), LocalTime.of(12, 0, 0, 999_000_000));
    for (int year : new int[] {1, 2, 3, 4, 99, 100, 400, 1582, 1900, 1970, 1999, 2000, 2023, 2024, 2100, 9996, 9999}) {
      List<LocalDate> dates = new ArrayList<>(List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 31),
          LocalDate.of(year, 2, 28), LocalDate.of(year, 3, 1), LocalDate.of(year, 4, 30), LocalDate.of(year, 12, 31)));
      if (Year.isLeap(year)) {
        dates.add(LocalDate.of(year, 2, 29));
      }
      for (LocalDate date : dates) {
        for (LocalTime time : times) {
          values.add(date.atTime(time));
        }
      }
    }
    return values;
  }

  private static LocalDateTime randomValue(SplittableRandom random) {
    int year = 1 + random.nextInt(9999);
    int month = 1 + random.nextInt(12);
    int day = 1 + random.nextInt(YearMonth.of(year, month).lengthOfMonth());
    return LocalDateTime.of(year, month, day, random.nextInt(24), random.nextInt(60), random.nextInt(60),
        random.nextInt(1000) * 1_000_000);
  }

  /**
   * Texts no fast path may take: not a real date or time, the zero date, a year out of four digits, and a valid
   * text with a character replaced, missing, added, or in other digits.
   */
  private static Set<String> invalidTexts(String pattern) {
    String valid = text(pattern, "2024", "01", "15", "10", "20", "30");
    Set<String> texts = new LinkedHashSet<>();
    texts.add("");
    texts.add(text(pattern, "2024", "02", "30", "10", "00", "00"));
    texts.add(text(pattern, "2023", "02", "29", "10", "00", "00"));
    texts.add(text(pattern, "1900", "02", "29", "10", "00", "00"));
    texts.add(text(pattern, "2024", "04", "31", "10", "00", "00"));
    texts.add(text(pattern, "2024", "01", "32", "10", "00", "00"));
    texts.add(text(pattern, "2024", "13", "01", "10", "00", "00"));
    texts.add(text(pattern, "2024", "00", "10", "10", "00", "00"));
    texts.add(text(pattern, "2024", "01", "00", "10", "00", "00"));
    texts.add(text(pattern, "0000", "00", "00", "00", "00", "00"));
    texts.add(text(pattern, "0000", "01", "01", "00", "00", "00"));
    texts.add(text(pattern, "12024", "01", "01", "10", "00", "00"));
    texts.add(text(pattern, "+12024", "01", "01", "10", "00", "00"));
    texts.add(text(pattern, "-0001", "01", "01", "10", "00", "00"));
    texts.add(text(pattern, "999", "01", "01", "10", "00", "00"));
    texts.add(text(pattern, "2024", "1", "01", "10", "00", "00"));
    if (pattern.contains("HH")) {
      texts.add(text(pattern, "2024", "01", "01", "24", "00", "00"));
      texts.add(text(pattern, "2024", "01", "01", "23", "60", "00"));
      texts.add(text(pattern, "2024", "01", "01", "99", "99", "99"));
    }
    if (pattern.contains("ss")) {
      texts.add(text(pattern, "2024", "01", "01", "23", "59", "60"));
    }
    texts.add(" " + valid);
    texts.add(valid + " ");
    texts.add(valid + "0");
    texts.add("0" + valid);
    texts.add(valid.substring(1));
    texts.add(valid.substring(0, valid.length() - 1));
    texts.add(valid.toLowerCase().replace('t', ' ').replace('-', '/').replace(':', '.'));
    texts.add(valid.replace('/', '-').replace(' ', 'T'));
    texts.add(digits(valid, '\uFF10'));
    texts.add(digits(valid, '\u0660'));
    for (int i = 0; i < valid.length(); i++) {
      for (char c : new char[] {'x', ' ', 'O', '/'}) {
        texts.add(valid.substring(0, i) + c + valid.substring(i + 1));
      }
    }
    texts.remove(valid);
    return texts;
  }

  /** A text in the pattern's shape with these raw digits, whatever they mean (quotes and fractions written out). */
  private static String text(String pattern, String year, String month, String day, String hour, String minute,
      String second) {
    return pattern.replace("'T'", "T").replace("yyyy", year).replace("uuuu", year).replace("MM", month)
        .replace("dd", day).replace("HH", hour).replace("mm", minute).replace("ss", second).replace("SSS", "000");
  }

  private static String digits(String text, char zero) {
    StringBuilder converted = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      converted.append(c >= '0' && c <= '9' ? (char) (zero + c - '0') : c);
    }
    return converted.toString();
  }

  /** The same value, or an exception of the same class and message. */
  private static void assertSameOutcome(Supplier<Object> expected, Supplier<Object> actual, String context) {
    Object expectedOutcome = outcome(expected);
    Object actualOutcome = outcome(actual);
    if (expectedOutcome instanceof RuntimeException e) {
      assertEquals(e.getClass(), actualOutcome == null ? null : actualOutcome.getClass(),
          () -> context + ": " + actualOutcome);
      assertEquals(e.getMessage(), ((RuntimeException) actualOutcome).getMessage(), context);
    } else {
      assertEquals(expectedOutcome, actualOutcome, context);
    }
  }

  private static Object outcome(Supplier<Object> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      return e;
    }
  }
}
