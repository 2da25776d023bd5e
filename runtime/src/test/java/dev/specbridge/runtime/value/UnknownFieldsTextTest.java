package dev.specbridge.runtime.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.specbridge.runtime.wire.WireFormat;
import org.junit.jupiter.api.Test;

class UnknownFieldsTextTest {
  @Test
  void anUnknownFieldReadsAsTextWhateverFormatItCameIn() {
    UnknownFields fields = UnknownFields.empty()
        .with("surprise", "x")
        .with("color", "\"red \\\"dark\\\" \\u00e9\\n\"", WireFormat.JSON)
        .with("count", "12", WireFormat.JSON)
        .with("tags", "[\"a\"]", WireFormat.JSON)
        .with("gone", "null", WireFormat.JSON);
    assertEquals("x", fields.text("surprise"));
    assertEquals("red \"dark\" \u00e9\n", fields.text("color"), "a bracket group's member, without its quotes");
    assertEquals("\"red \\\"dark\\\" \\u00e9\\n\"", fields.get("color"), "get keeps the raw JSON");
    assertEquals("12", fields.text("count"));
    assertEquals("[\"a\"]", fields.text("tags"));
    assertNull(fields.text("gone"));
    assertNull(fields.text("missing"));
  }
}
