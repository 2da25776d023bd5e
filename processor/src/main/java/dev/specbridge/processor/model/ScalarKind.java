package dev.specbridge.processor.model;

/** The spec's scalar types, each with its name in a spec and the wire format it takes when none is given. */
public enum ScalarKind {
  STRING("string", null),
  INT("int", null),
  LONG("long", null),
  DECIMAL("decimal", null),
  /** Written {@code true/false} unless the field gives other spellings, such as {@code Y/N}. */
  BOOLEAN("boolean", "true/false"),
  DATE("date", "yyyy-MM-dd"),
  DATETIME("datetime", "yyyy-MM-dd HH:mm:ss"),
  /** A point in time as seconds (or, with {@code format: epoch-millis}, milliseconds) since the epoch. */
  TIMESTAMP("timestamp", "epoch-seconds"),
  /** Any JSON value, kept as its text. */
  JSON("json", null);

  private final String specName;
  private final String defaultFormat;

  ScalarKind(String specName, String defaultFormat) {
    this.specName = specName;
    this.defaultFormat = defaultFormat;
  }

  public String specName() {
    return specName;
  }

  /** The wire format used when the field gives none, or {@code null} when the type has no format. */
  public String defaultFormat() {
    return defaultFormat;
  }

  public static ScalarKind ofSpecName(String name) {
    for (ScalarKind kind : values()) {
      if (kind.specName.equals(name)) {
        return kind;
      }
    }
    return null;
  }
}
