package dev.specbridge.processor.generate;

import com.palantir.javapoet.FieldSpec;
import dev.specbridge.runtime.wire.DateTimePattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The date pattern constants of one generated codec class: each date pattern its code uses becomes one
 * {@link DateTimePattern} constant, named after the pattern (a fixed-width pattern reads and writes by position,
 * without a {@code DateTimeFormatter}).
 */
public final class FormatterConstants {
  private final Map<String, String> names = new LinkedHashMap<>();
  private final ConstantNames constants;

  /** @param constants the names of the generated class's constants, shared with its other constants */
  public FormatterConstants(ConstantNames constants) {
    this.constants = constants;
  }

  /** The constant's name for {@code pattern}, declaring it on first use. */
  public String of(String pattern) {
    return names.computeIfAbsent(pattern, p -> constants.claim("FORMAT", p.replaceAll("[^A-Za-z0-9]+", "_")
        .toUpperCase(Locale.ROOT)));
  }

  /** The constants used so far, to add to the generated class. */
  public List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    names.forEach((pattern, name) -> fields.add(
        FieldSpec.builder(DateTimePattern.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of($S)", DateTimePattern.class, pattern)
            .build()));
    return fields;
  }
}
