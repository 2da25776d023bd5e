package dev.specbridge.processor.model;

import java.math.BigDecimal;

/** The checks a field's value must pass; each bound is {@code null} when the spec sets none. */
public record Constraints(BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength, String pattern) {
  public static final Constraints NONE = new Constraints(null, null, null, null, null);

  public boolean isEmpty() {
    return equals(NONE);
  }
}
