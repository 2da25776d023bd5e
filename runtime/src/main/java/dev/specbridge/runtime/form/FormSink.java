package dev.specbridge.runtime.form;

import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.value.StringOr;
import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.wire.WireFormat;
import dev.specbridge.runtime.wire.WireFormatException;
import java.util.function.BiConsumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonToken;

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

  /** A structured value written as JSON by {@code writer}; no pair when it is {@code null}. */
  default <T> void addJson(String name, T value, BiConsumer<JsonGenerator, T> writer) {
    if (value != null) {
      addJson(name, Json.write(g -> writer.accept(g, value)));
    }
  }

  /** A {@code json} field's text as it is; no pair when it is {@code null}. */
  default void addRaw(String name, RawJson value) {
    if (value != null) {
      addJson(name, value.json());
    }
  }

  /** A string-or value: the plain string as it is, the structure as JSON; no pair when it is {@code null}. */
  default <T> void addStringOr(String name, StringOr<T> union, BiConsumer<JsonGenerator, T> structure) {
    if (union instanceof StringOr.Text<T> text) {
      add(name, text.text());
    } else if (union instanceof StringOr.Value<T> value) {
      addJson(name, Json.write(g -> structure.accept(g, value.value())));
    }
  }

  /**
   * A record's unknown fields, each as its format says: a field that came as text ({@link WireFormat#TEXT}) as
   * its text; one that came as JSON ({@link WireFormat#JSON}) as a JSON string's decoded text, a number's or
   * boolean's text, an object or array as its JSON ({@link #addJson}), and JSON null as no pair at all; one that
   * came as XML cannot be written as a pair.
   *
   * @throws WireFormatException for a field that came as XML, or whose JSON text is not one JSON value
   */
  default void addUnknown(UnknownFields unknown) {
    record Value(String text, boolean structured) {}
    for (UnknownFields.Entry entry : unknown.entries()) {
      String name = entry.name();
      switch (entry.format()) {
        case TEXT -> add(name, entry.raw());
        case JSON -> {
          Value value = Json.read(entry.raw(), name, parser -> {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
              parser.skipChildren(); // reads it to its end: what is added is JSON
              return new Value(entry.raw(), true);
            }
            // a string decoded, a number or boolean as written, null as nothing
            return token == JsonToken.VALUE_NULL ? null : new Value(parser.getString(), false);
          });
          if (value != null && value.structured()) {
            addJson(name, value.text());
          } else if (value != null) {
            add(name, value.text());
          }
        }
        case XML -> throw new WireFormatException("unknown field '" + name
            + "' came as XML and cannot be written as a name-value pair");
      }
    }
  }
}
