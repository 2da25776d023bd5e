package dev.specbridge.processor.validate;

import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.Node;
import dev.specbridge.processor.model.Constraints;
import dev.specbridge.processor.model.ScalarKind;
import dev.specbridge.processor.model.TypeRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a field's constraints ({@code min}, {@code max}, {@code length}, {@code pattern}), each only where the
 * field's type can carry it and only when some value could pass, so that the checks the generated compact
 * constructor makes always compile and can be met.
 */
final class ConstraintResolver {
  /** Bounds beyond this many digits are typos, and would write enormous literals. */
  private static final int MAX_BOUND_DIGITS = 100;

  private final NodeCheck check;

  ConstraintResolver(NodeCheck check) {
    this.check = check;
  }

  /** The constraints written in {@code def}, a field of {@code type} ({@code null} when its type is wrong). */
  Constraints constraints(MapNode def, TypeRef type, Trail trail) {
    ScalarKind kind = type instanceof TypeRef.Scalar scalar ? scalar.kind() : null;
    boolean numeric = kind == ScalarKind.INT || kind == ScalarKind.LONG || kind == ScalarKind.DECIMAL;
    boolean text = kind == ScalarKind.STRING;
    BigDecimal min = null;
    BigDecimal max = null;
    if (check.checkApplies(def, "min", numeric, "int, long and decimal", trail)) {
      min = bound(def, "min", kind, trail);
    }
    if (check.checkApplies(def, "max", numeric, "int, long and decimal", trail)) {
      max = bound(def, "max", kind, trail);
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      check.error(def.get("min"), trail.then("min"), "min " + min.toPlainString() + " is greater than max "
          + max.toPlainString() + ": no value could pass");
    }
    Integer minLength = null;
    Integer maxLength = null;
    if (check.checkApplies(def, "length", text, "string (for the number of characters)", trail)) {
      Node length = def.get("length");
      Trail lengthTrail = trail.then("length");
      if (length instanceof MapNode range) {
        check.onlyKeys(range, lengthTrail, List.of("min", "max"));
        minLength = range.has("min") ? check.count(range.get("min"), lengthTrail.then("min")) : null;
        maxLength = range.has("max") ? check.count(range.get("max"), lengthTrail.then("max")) : null;
        if (minLength != null && maxLength != null && minLength > maxLength) {
          check.error(range, lengthTrail, "min " + minLength + " is greater than max " + maxLength
              + ": no value could pass");
        }
      } else {
        minLength = check.count(length, lengthTrail);
        maxLength = minLength;
      }
    }
    String pattern = null;
    if (check.checkApplies(def, "pattern", text, "string", trail)) {
      pattern = check.text(def, "pattern", trail);
      if (pattern != null) { // otherwise text() has reported it
        try {
          Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
          check.error(def.get("pattern"), trail.then("pattern"), "is not a valid regular expression: "
              + e.getDescription() + " near index " + e.getIndex());
          pattern = null;
        }
      }
    }
    return new Constraints(min, max, minLength, maxLength, pattern);
  }

  private BigDecimal bound(MapNode def, String key, ScalarKind kind, Trail trail) {
    BigDecimal value = check.number(def, key, trail);
    if (value == null) {
      return null;
    }
    value = value.stripTrailingZeros();
    if (Math.max(value.precision() - value.scale(), value.scale()) > MAX_BOUND_DIGITS) {
      check.error(def.get(key), trail.then(key), "is out of range: a bound has at most " + MAX_BOUND_DIGITS
          + " digits before and after the point");
      return null;
    }
    if (kind == ScalarKind.DECIMAL) {
      return value;
    }
    boolean isInt = kind == ScalarKind.INT;
    BigDecimal lowest = BigDecimal.valueOf(isInt ? Integer.MIN_VALUE : Long.MIN_VALUE);
    BigDecimal highest = BigDecimal.valueOf(isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
    if (value.scale() > 0 || value.compareTo(lowest) < 0 || value.compareTo(highest) > 0) {
      check.error(def.get(key), trail.then(key), "must be a whole number that fits a " + kind.specName()
          + ", found " + value.toPlainString());
      return null;
    }
    return value;
  }
}
