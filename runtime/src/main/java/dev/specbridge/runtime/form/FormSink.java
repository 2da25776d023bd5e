package dev.specbridge.runtime.form;

import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.StringOr;
import java.util.function.BiConsumer;
import tools.jackson.core.JsonGenerator;

/**
 * Where generated code writes a record as name-value pairs: a URL-encoded body ({@link FormWriter}), or the JSON
 * object of one command in a batch. Writers skip absent (null) values.
 */
public interface FormSink {
  void add(String name, String value);

  /**
   * A structured value (object, list, map, {@code json}) as its JSON text: one pair of a form body like any
   * other, but in a batch's JSON it stays a JSON value rather than becoming a string. Only generated code,
   * which knows the field is structured, calls it.
   */
  default void addJson(String name, String json) {
    add(name, json);
  }

  /** A string-or value: the plain string as it is, the structure as JSON. */
  default <T> void addStringOr(String name, StringOr<T> union, BiConsumer<JsonGenerator, T> structure) {
    if (union instanceof StringOr.Text<T> text) {
      add(name, text.text());
    } else if (union instanceof StringOr.Value<T> value) {
      addJson(name, Json.write(g -> structure.accept(g, value.value())));
    }
  }
}
