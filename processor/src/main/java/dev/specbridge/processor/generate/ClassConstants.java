package dev.specbridge.processor.generate;

import com.palantir.javapoet.FieldSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The static constants of one generated record class (its constraint constants, its codecs' pre-encoded names,
 * name matchers and date patterns), named so that none collide, and declared together at the end.
 */
public final class ClassConstants {
  private final ConstantNames names = new ConstantNames();
  private final FormatterConstants formatters = new FormatterConstants(names);
  private final List<FieldSpec> fields = new ArrayList<>();

  /** A free constant name made of the words of {@code parts}. */
  public String claim(String... parts) {
    return names.claim(parts);
  }

  /** The date patterns' constants of this class. */
  public FormatterConstants formatters() {
    return formatters;
  }

  /** Declares a constant whose name {@link #claim} gave. */
  public void add(FieldSpec field) {
    fields.add(field);
  }

  /** Every constant declared, date patterns last. */
  public List<FieldSpec> fields() {
    List<FieldSpec> all = new ArrayList<>(fields);
    all.addAll(formatters.fields());
    return all;
  }
}
