package dev.specbridge.processor.generate.text;

import com.palantir.javapoet.CodeBlock;
import dev.specbridge.processor.generate.FormatterConstants;
import dev.specbridge.processor.generate.RecordIndex;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.ScalarKind;
import dev.specbridge.processor.model.TypeRef;
import dev.specbridge.runtime.wire.WireText;

/**
 * Scalars as text: the code that reads and writes a value that travels as one text (a scalar, an open enum, a
 * comma-joined list), as name-value pairs carry every value. Shared by the formats that carry text: name-value
 * pairs, JSON for values written as strings, XML next.
 */
public final class TextCode {
  private final RecordIndex records;
  private final FormatterConstants formatters;

  public TextCode(RecordIndex records, FormatterConstants formatters) {
    this.records = records;
    this.formatters = formatters;
  }

  /** Whether the type travels as one text value (a scalar, an enum, a CSV list) rather than as JSON. */
  public static boolean isText(TypeRef type) {
    return (type instanceof TypeRef.Scalar scalar && scalar.kind() != ScalarKind.JSON)
        || (type instanceof TypeRef.Named named && named.isEnum())
        || (type instanceof TypeRef.ListOf list && list.csv());
  }

  /** An expression turning the text {@code text} into a value of {@code type}, {@code null} into {@code null}. */
  public CodeBlock fromText(TypeRef type, CodeBlock text, FieldModel field) {
    if (type instanceof TypeRef.Named named) {
      return CodeBlock.of("$T.parse($L, $T::of)", WireText.class, text, records.enumClass(named));
    }
    if (type instanceof TypeRef.ListOf list) {
      return CodeBlock.of("$T.parseCsv($L, s -> $L)", WireText.class, text,
          fromText(list.element(), CodeBlock.of("s"), field));
    }
    TypeRef.Scalar scalar = (TypeRef.Scalar) type;
    String wire = field.wireName();
    boolean secret = field.secret();
    return switch (scalar.kind()) {
      case STRING -> text;
      case INT -> CodeBlock.of("$T.parseInt($L,$W$S, $L)", WireText.class, text, wire, secret);
      case LONG -> CodeBlock.of("$T.parseLong($L,$W$S, $L)", WireText.class, text, wire, secret);
      case DECIMAL -> CodeBlock.of("$T.parseDecimal($L,$W$S, $L)", WireText.class, text, wire, secret);
      case BOOLEAN -> CodeBlock.of("$T.parseBoolean($L,$W$S, $S, $S, $L)", WireText.class, text,
          spelling(scalar, 0), spelling(scalar, 1), wire, secret);
      case DATE -> CodeBlock.of("$T.parseDate($L, $N, $S, $L)", WireText.class, text, formatters.of(scalar.format()),
          wire, secret);
      case DATETIME -> CodeBlock.of("$T.parseDateTime($L, $N, $S, $L)", WireText.class, text,
          formatters.of(scalar.format()), wire, secret);
      case TIMESTAMP -> CodeBlock.of("$T.parseTimestamp($L, $L, $S, $L)", WireText.class, text, isMillis(scalar),
          wire, secret);
      case JSON -> throw new IllegalArgumentException("json is not text");
    };
  }

  /**
   * An expression turning the value {@code value} of {@code field} into its text, {@code null} into {@code null}
   * (a list is never null).
   */
  public CodeBlock toText(TypeRef type, CodeBlock value, FieldModel field) {
    if (type instanceof TypeRef.Named) {
      return CodeBlock.of("$T.formatEnum($L)", WireText.class, value);
    }
    if (type instanceof TypeRef.ListOf list) {
      return CodeBlock.of("$T.formatCsv($L,$We -> $L, $S)", WireText.class, value,
          toText(list.element(), CodeBlock.of("e"), field), field.wireName());
    }
    TypeRef.Scalar scalar = (TypeRef.Scalar) type;
    return switch (scalar.kind()) {
      case STRING -> value;
      case INT, LONG, DECIMAL -> CodeBlock.of("$T.formatNumber($L)", WireText.class, value);
      case BOOLEAN -> CodeBlock.of("$T.formatBoolean($L, $S, $S)", WireText.class, value, spelling(scalar, 0),
          spelling(scalar, 1));
      case DATE -> CodeBlock.of("$T.formatDate($L, $N)", WireText.class, value, formatters.of(scalar.format()));
      case DATETIME -> CodeBlock.of("$T.formatDateTime($L, $N)", WireText.class, value,
          formatters.of(scalar.format()));
      case TIMESTAMP -> CodeBlock.of("$T.formatTimestamp($L, $L)", WireText.class, value, isMillis(scalar));
      case JSON -> throw new IllegalArgumentException("json is not text");
    };
  }

  /** The spelling of {@code true} ({@code which} 0) or {@code false} (1) of a boolean's format. */
  public static String spelling(TypeRef.Scalar scalar, int which) {
    return scalar.format().split("/", -1)[which];
  }

  public static boolean isMillis(TypeRef.Scalar scalar) {
    return scalar.format().equals("epoch-millis");
  }
}
