package dev.specbridge.runtime.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.wire.WireFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {
  @Test
  void repeatedNamesAreAllKeptInArrivalOrder() {
    UnknownFields fields = UnknownFields.empty().with("tag", "a").with("note", "x").with("tag", "b");
    assertEquals("a", fields.get("tag"));
    assertEquals(List.of("a", "b"), fields.getAll("tag"));
    assertEquals(Set.of("tag", "note"), fields.names());
    assertEquals(List.of("tag", "note"), List.copyOf(fields.names()));
    assertEquals(3, fields.size());
    assertNull(fields.get("missing"));
  }

  @Test
  void withReturnsACopy() {
    UnknownFields empty = UnknownFields.empty();
    UnknownFields one = empty.with("a", "1");
    assertTrue(empty.isEmpty());
    assertEquals(1, one.size());
  }

  @Test
  void equalityFollowsEntriesAndOrder() {
    UnknownFields ab = UnknownFields.empty().with("a", "1").with("b", "2");
    assertEquals(ab, UnknownFields.of(List.of(new UnknownFields.Entry("a", "1"), new UnknownFields.Entry("b", "2"))));
    assertNotEquals(ab, UnknownFields.empty().with("b", "2").with("a", "1"));
    assertEquals(ab.hashCode(), UnknownFields.empty().with("a", "1").with("b", "2").hashCode());
  }

  @Test
  void ofNoEntriesIsTheEmptyInstance() {
    assertSame(UnknownFields.empty(), UnknownFields.of(List.of()));
    assertEquals("{a=1}", UnknownFields.empty().with("a", "1").toString());
  }

  @Test
  void nullsAreRefused() {
    assertThrows(NullPointerException.class, () -> UnknownFields.empty().with(null, "1"));
    assertThrows(NullPointerException.class, () -> UnknownFields.empty().with("a", null));
  }

  @Test
  void anEntryRemembersItsWireFormatAndTextIsTheDefault() {
    assertEquals(WireFormat.TEXT, new UnknownFields.Entry("a", "1").format());
    assertEquals(WireFormat.TEXT, UnknownFields.empty().with("a", "1").entries().get(0).format());
    assertEquals(new UnknownFields.Entry("a", "\"x\"", WireFormat.JSON),
        UnknownFields.empty().with("a", "\"x\"", WireFormat.JSON).entries().get(0));
    assertNotEquals(UnknownFields.empty().with("n", "3"), UnknownFields.empty().with("n", "3", WireFormat.JSON),
        "the same text in another format is another value");
    assertThrows(NullPointerException.class, () -> UnknownFields.empty().with("a", "1", null));
  }
}
