package dev.specbridge.processor.load;

import dev.specbridge.processor.diagnostics.Location;

/** A scalar as written: its text, or {@code null} for YAML's null. */
public record ScalarNode(Location location, String text) implements Node {
  public boolean isNull() {
    return text == null;
  }
}
