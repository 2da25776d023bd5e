package dev.specbridge.runtime.value;

import java.util.Objects;
import java.util.Optional;

/**
 * A value that arrives either as a plain string or as a structured value of type {@code T}, as in a
 * notification whose {@code data} "could either be a simple string message, or another set of objects".
 *
 * @param <T> the structured type
 */
public sealed interface StringOr<T> {
  /** The plain-string case. */
  record Text<T>(String text) implements StringOr<T> {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The structured case. */
  record Value<T>(T value) implements StringOr<T> {
    public Value {
      Objects.requireNonNull(value, "value");
    }
  }

  static <T> StringOr<T> text(String text) {
    return new Text<>(text);
  }

  static <T> StringOr<T> value(T value) {
    return new Value<>(value);
  }

  /** The string, when this is the plain-string case. */
  default Optional<String> asText() {
    return this instanceof Text<T> text ? Optional.of(text.text()) : Optional.empty();
  }

  /** The structured value, when this is the structured case. */
  default Optional<T> asValue() {
    return this instanceof Value<T> value ? Optional.of(value.value()) : Optional.empty();
  }
}
