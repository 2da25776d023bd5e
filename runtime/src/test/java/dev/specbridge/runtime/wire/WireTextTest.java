package dev.specbridge.runtime.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTextTest {
  /** Generated codecs make one call per field, with no null check: absent is null both ways. */
  @Test
  void absentIsNullBothWays() {
    DateTimePattern day = DateTimePattern.of("yyyy-MM-dd");
    assertNull(WireText.parseInt(null, "f", false));
    assertNull(WireText.parseLong(null, "f", false));
    assertNull(WireText.parseDecimal(null, "f", false));
    assertNull(WireText.parseBoolean(null, "Y", "N", "f", false));
    assertNull(WireText.parseDate(null, day, "f", false));
    assertNull(WireText.parseDateTime(null, DateTimePattern.of("yyyy-MM-dd HH:mm:ss"), "f", false));
    assertNull(WireText.parseTimestamp(null, true, "f", false));
    assertNull(WireText.parseCsv(null, s -> s));
    assertNull(WireText.parse(null, s -> { throw new AssertionError("not called for null"); }));
    assertNull(WireText.formatNumber(null));
    assertNull(WireText.formatBoolean(null, "Y", "N"));
    assertNull(WireText.formatDate(null, day));
    assertNull(WireText.formatDateTime(null, DateTimePattern.of("yyyy-MM-dd HH:mm:ss")));
    assertNull(WireText.formatTimestamp(null, false));
    assertNull(WireText.formatEnum(null));
    // and present values as before
    assertEquals("10.50", WireText.formatNumber(new java.math.BigDecimal("1.050E1")));
    assertEquals("42", WireText.formatNumber(42));
    assertEquals("N", WireText.formatBoolean(false, "Y", "N"));
    assertEquals("2024-12-31", WireText.formatDate(java.time.LocalDate.of(2024, 12, 31), day));
    assertEquals(Integer.valueOf(7), WireText.parse("7", Integer::valueOf));
  }

  @Test
  void aWholeNumberOutOfRangeNamesItsFieldAndTheRange() {
    WireFormatException error = assertThrows(WireFormatException.class,
        () -> WireText.parseInt("99999999999", "user_id", false));
    assertEquals("field 'user_id' should be a whole number (int) from -2147483648 to 2147483647, found"
        + " '99999999999'", error.getMessage());
    WireFormatException longer = assertThrows(WireFormatException.class,
        () -> WireText.parseLong("-99999999999999999999", "user_id", false));
    assertEquals("field 'user_id' should be a whole number (long) from -9223372036854775808 to"
        + " 9223372036854775807, found '-99999999999999999999'", longer.getMessage());
    WireFormatException notANumber = assertThrows(WireFormatException.class,
        () -> WireText.parseInt("12a", "user_id", false));
    assertEquals("field 'user_id' should be a whole number (int), found '12a'", notANumber.getMessage());
  }

  @Test
  void aSecretOutOfRangeIsNeverPrinted() {
    for (String text : List.of("99999999999", "99999999999999999999999")) {
      WireFormatException asInt = assertThrows(WireFormatException.class, () -> WireText.parseInt(text, "pin", true));
      WireFormatException asLong = assertThrows(WireFormatException.class,
          () -> WireText.parseLong(text + "99999999", "pin", true));
      WireFormatException asTime = assertThrows(WireFormatException.class,
          () -> WireText.parseTimestamp(text + "99999999", false, "pin", true));
      for (WireFormatException error : List.of(asInt, asLong, asTime)) {
        assertFalse(error.getMessage().contains("9999"), error.getMessage());
        assertEquals(true, error.getMessage().startsWith("field 'pin' should be "), error.getMessage());
      }
    }
  }

  @Test
  void aTimestampBeyondTheRangeOfADateNamesItsField() {
    WireFormatException error = assertThrows(WireFormatException.class,
        () -> WireText.parseTimestamp(Long.toString(Long.MAX_VALUE), false, "created", false));
    assertEquals("field 'created' should be epoch seconds within the range of a date, found '"
        + Long.MAX_VALUE + "'", error.getMessage());
    assertEquals(Instant.ofEpochSecond(1_700_000_000L), WireText.parseTimestamp("1700000000", false, "created",
        false));
  }

  @Test
  void aCsvElementWithACommaIsRefusedNamingTheFieldAndIndexNotTheValue() {
    WireFormatException error = assertThrows(WireFormatException.class,
        () -> WireText.formatCsv(List.of("c", "a,secret"), e -> e, "tags"));
    assertEquals("field 'tags' cannot be written as a comma-joined list: element 1 contains a comma, and would"
        + " read back as two values", error.getMessage());
    assertFalse(error.getMessage().contains("secret"));
    WireFormatException first = assertThrows(WireFormatException.class,
        () -> WireText.formatCsv(List.of("a,b", "c"), e -> e, "tags"));
    assertEquals(true, first.getMessage().contains("element 0 contains a comma"), first.getMessage());
    assertEquals("1,2,3", WireText.formatCsv(List.of(1, 2, 3), String::valueOf, "ids"));
    assertEquals(List.of("a b", "c"), WireText.parseCsv(WireText.formatCsv(List.of("a b", "c"), e -> e, "tags"),
        s -> s));
  }

  @Test
  void aPathIsNamedAfterTheMessageAndJoinedFromOuterToInner() {
    WireFormatException inner = new WireFormatException("field 'qty' should be a whole number (int)", "[1].qty",
        null);
    assertEquals("[1].qty", inner.path());
    WireFormatException outer = inner.withPathPrefix("products");
    assertEquals("products[1].qty", outer.path());
    assertEquals("field 'qty' should be a whole number (int) (at products[1].qty)", outer.getMessage());
    assertEquals("order.products[1].qty", outer.withPathPrefix("order").path());
    assertEquals("a.b", new WireFormatException("x", "b", null).withPathPrefix("a").path());
    assertSame(inner, inner.withPathPrefix(null));
    assertNull(new WireFormatException("no path").path());
    assertEquals("x (at a)", new WireFormatException("x").withPathPrefix("a").getMessage());
  }

  @Test
  void csvElementsThatWouldNotReadBackTheSameAreRefused() {
    for (List<String> lossy : List.of(List.of(" a", "b"), List.of("a", "b "), List.of(""))) {
      WireFormatException e = assertThrows(WireFormatException.class,
          () -> WireText.formatCsv(lossy, s -> s, "tags"));
      assertTrue(e.getMessage().startsWith("field 'tags' cannot be written as a comma-joined list"), e.getMessage());
    }
    assertEquals("a,,b", WireText.formatCsv(List.of("a", "", "b"), s -> s, "tags"), "an empty middle reads back");
    assertEquals(List.of("a", "", "b"), WireText.parseCsv("a,,b", s -> s));
  }

  @Test
  void aDecimalWithAHugeExponentIsRefusedRatherThanPrintedAsABillionDigits() {
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> WireText.parseDecimal("1e999999999", "lng", false));
    assertTrue(e.getMessage().contains("'lng'"), e.getMessage());
    assertEquals(new java.math.BigDecimal("1E+9999"), WireText.parseDecimal("1e9999", "lng", false));
    assertThrows(WireFormatException.class, () -> dev.specbridge.runtime.json.Json.read("1e999999999",
        p -> dev.specbridge.runtime.json.Json.readDecimal(p, "lng", false)));
  }
}
