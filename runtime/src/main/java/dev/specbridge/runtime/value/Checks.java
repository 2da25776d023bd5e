package dev.specbridge.runtime.value;

/**
 * The checks that generated constructors run. Messages name the record and the field, never a secret value.
 */
public final class Checks {
  private Checks() {}

  /** Returns {@code value}, or throws when it is {@code null}: the field is required by the spec. */
  public static <T> T required(T value, String record, String field) {
    if (value == null) {
      throw new NullPointerException(record + "." + field + " is required");
    }
    return value;
  }

  /**
   * The error for a value that breaks a constraint of the spec.
   *
   * @param shown the offending value as it may be shown, or {@code null} for a secret field
   */
  public static IllegalArgumentException invalid(String record, String field, String rule, Object shown) {
    String was = shown == null ? "" : " (was '" + shown + "')";
    return new IllegalArgumentException(record + "." + field + " " + rule + was);
  }
}
