package dev.specbridge.processor.model;

import java.util.List;

/** The resolved type of a field, with everything a codec needs to read and write it. */
public sealed interface TypeRef {
  /**
   * A scalar and its wire format: {@code Y/N}-style spellings for booleans, a {@code DateTimeFormatter}
   * pattern for dates, {@code epoch-seconds} or {@code epoch-millis} for timestamps, else {@code null}.
   */
  record Scalar(ScalarKind kind, String format) implements TypeRef {}

  /** A list; with {@code csv} it travels as one comma-joined value. */
  record ListOf(TypeRef element, boolean csv) implements TypeRef {}

  /** A map from string keys to values, in wire order. */
  record MapOf(TypeRef value) implements TypeRef {}

  /** A value that is either a plain string or a {@code value}. */
  record StringOr(TypeRef value) implements TypeRef {}

  /**
   * A generated record or open enum, by its simple names from the top-level type inward
   * (e.g. {@code [Vehicle, Location]}).
   */
  record Named(List<String> simpleNames, boolean isEnum) implements TypeRef {
    public Named {
      simpleNames = List.copyOf(simpleNames);
    }
  }
}
