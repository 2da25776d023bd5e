package dev.specbridge.runtime.value;

import java.util.Objects;

/**
 * A JSON value kept as its text, for fields whose shape the spec leaves open. The text is not parsed here;
 * the JSON wire format checks it when it reads or writes it.
 */
public record RawJson(String json) {
  public RawJson {
    Objects.requireNonNull(json, "json");
  }

  /** The JSON text. */
  @Override
  public String toString() {
    return json;
  }
}
