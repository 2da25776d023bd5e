package dev.specbridge.runtime.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
  @Test
  void stringOrTellsItsCase() {
    StringOr<Integer> text = StringOr.text("Hello");
    StringOr<Integer> value = StringOr.value(3);
    assertEquals(Optional.of("Hello"), text.asText());
    assertEquals(Optional.empty(), text.asValue());
    assertEquals(Optional.of(3), value.asValue());
    assertEquals(Optional.empty(), value.asText());
    assertTrue(text instanceof StringOr.Text<Integer>);
  }

  @Test
  void rawJsonPrintsItsText() {
    assertEquals("{\"a\":1}", new RawJson("{\"a\":1}").toString());
    assertThrows(NullPointerException.class, () -> new RawJson(null));
  }

  @Test
  void checksNameTheRecordAndFieldAndHideSecrets() {
    assertEquals("Lead.email is required",
        assertThrows(NullPointerException.class, () -> Checks.required(null, "Lead", "email")).getMessage());
    assertEquals("Lead.age must be at least 18 (was '3')", Checks.invalid("Lead", "age", "must be at least 18", 3)
        .getMessage());
    assertEquals("Lead.password must have at least 7 characters",
        Checks.invalid("Lead", "password", "must have at least 7 characters", null).getMessage());
  }

  @Test
  void copiesAreUnmodifiableOrderedAndRefuseNulls() {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("b", 1);
    map.put("a", 2);
    Map<String, Integer> copy = Copies.map(map, "R", "m");
    assertEquals(List.of("b", "a"), List.copyOf(copy.keySet()));
    assertThrows(UnsupportedOperationException.class, () -> copy.put("c", 3));
    map.put("b", null);
    assertEquals("R.m has a null key or value",
        assertThrows(NullPointerException.class, () -> Copies.map(map, "R", "m")).getMessage());
    assertEquals(List.of(), Copies.list(null, "R", "l"));
    assertEquals("R.l has a null element", assertThrows(NullPointerException.class,
        () -> Copies.list(Arrays.asList("a", null), "R", "l")).getMessage());
    assertEquals(UnknownFields.empty(), Copies.unknown(null));
  }
}
