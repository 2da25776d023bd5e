package dev.specbridge.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInTypeTest {
  @Test
  void knowsEveryBuiltInNameSorted() {
    assertEquals(List.of("boolean", "csv", "date", "datetime", "decimal", "enum", "int", "json", "list", "long", "map",
        "object", "string", "string-or", "timestamp"), List.copyOf(BuiltInType.names()));
    assertTrue(BuiltInType.isBuiltIn("string-or"));
    assertTrue(BuiltInType.isBuiltIn("timestamp"));
    assertFalse(BuiltInType.isBuiltIn("Address"));
  }

  @Test
  void scalarsAreNoConstants() {
    assertEquals(BuiltInType.STRING_OR, BuiltInType.named("string-or"));
    assertNull(BuiltInType.named("string"));
    assertNull(BuiltInType.named("Address"));
  }

  @Test
  void eachTypeNeedsItsContentKey() {
    assertEquals("fields", BuiltInType.OBJECT.contentKey());
    assertEquals("values", BuiltInType.ENUM.contentKey());
    assertEquals("of", BuiltInType.MAP.contentKey());
    assertEquals("values", BuiltInType.MAP.contentName());
    assertEquals("structured value", BuiltInType.STRING_OR.contentName());
    assertFalse(BuiltInType.OBJECT.isContainer());
    assertTrue(BuiltInType.CSV.isContainer());
    assertEquals("list, csv, map and string-or", BuiltInType.containerNames());
  }
}
