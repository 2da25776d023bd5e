package dev.specbridge.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.ScalarKind;
import dev.specbridge.processor.model.TypeRef;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.wire.WireText;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The code that reads and writes one value of a spec type, shared by the codec generators: a value as text
 * (name-value pairs, CSV elements, enum values) and a value as JSON. Each date pattern becomes one
 * {@code DateTimeFormatter} constant of the class being generated.
 */
final class WireCode {
  private final ClassName jsonCodec;
  private final RecordIndex records;
  private final Map<String, String> formatConstants = new LinkedHashMap<>();

  /** @param jsonCodec the generated class with the JSON methods of every record */
  WireCode(ClassName jsonCodec, RecordIndex records) {
    this.jsonCodec = jsonCodec;
    this.records = records;
  }

  /** The formatter constants used so far, to add to the generated class. */
  List<FieldSpec> constants() {
    List<FieldSpec> fields = new ArrayList<>();
    formatConstants.forEach((pattern, name) -> fields.add(
        FieldSpec.builder(DateTimeFormatter.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.ofPattern($S)", DateTimeFormatter.class, pattern)
            .build()));
    return fields;
  }

  private String format(String pattern) {
    return formatConstants.computeIfAbsent(pattern, p -> {
      String base = "FORMAT_" + p.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "").toUpperCase(Locale.ROOT);
      String name = base;
      for (int n = 2; formatConstants.containsValue(name); n++) {
        name = base + "_" + n;
      }
      return name;
    });
  }

  /** Whether the type travels as one text value (a scalar, an enum, a CSV list) rather than as JSON. */
  static boolean isText(TypeRef type) {
    return (type instanceof TypeRef.Scalar scalar && scalar.kind() != ScalarKind.JSON)
        || (type instanceof TypeRef.Named named && named.isEnum())
        || (type instanceof TypeRef.ListOf list && list.csv());
  }

  /** An expression turning the non-null text {@code text} into a value of {@code type}. */
  CodeBlock fromText(TypeRef type, CodeBlock text, FieldModel field) {
    if (type instanceof TypeRef.Named named) {
      return CodeBlock.of("$T.of($L)", records.enumClass(named), text);
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
      case INT -> CodeBlock.of("$T.parseInt($L, $S, $L)", WireText.class, text, wire, secret);
      case LONG -> CodeBlock.of("$T.parseLong($L, $S, $L)", WireText.class, text, wire, secret);
      case DECIMAL -> CodeBlock.of("$T.parseDecimal($L, $S, $L)", WireText.class, text, wire, secret);
      case BOOLEAN -> CodeBlock.of("$T.parseBoolean($L, $S, $S, $S, $L)", WireText.class, text,
          spelling(scalar, 0), spelling(scalar, 1), wire, secret);
      case DATE -> CodeBlock.of("$T.parseDate($L, $N, $S, $L)", WireText.class, text, format(scalar.format()),
          wire, secret);
      case DATETIME -> CodeBlock.of("$T.parseDateTime($L, $N, $S, $L)", WireText.class, text,
          format(scalar.format()), wire, secret);
      case TIMESTAMP -> CodeBlock.of("$T.parseTimestamp($L, $L, $S, $L)", WireText.class, text, isMillis(scalar),
          wire, secret);
      case JSON -> throw new IllegalArgumentException("json is not text");
    };
  }

  /** An expression turning the non-null value {@code value} into its text. */
  CodeBlock toText(TypeRef type, CodeBlock value) {
    if (type instanceof TypeRef.Named) {
      return CodeBlock.of("$L.wireValue()", value);
    }
    if (type instanceof TypeRef.ListOf list) {
      return CodeBlock.of("$T.formatCsv($L, e -> $L)", WireText.class, value,
          toText(list.element(), CodeBlock.of("e")));
    }
    TypeRef.Scalar scalar = (TypeRef.Scalar) type;
    return switch (scalar.kind()) {
      case STRING -> value;
      case INT, LONG -> CodeBlock.of("$T.valueOf($L)", String.class, value);
      case DECIMAL -> CodeBlock.of("$L.toPlainString()", value);
      case BOOLEAN -> CodeBlock.of("$T.formatBoolean($L, $S, $S)", WireText.class, value, spelling(scalar, 0),
          spelling(scalar, 1));
      case DATE, DATETIME -> CodeBlock.of("$N.format($L)", format(scalar.format()), value);
      case TIMESTAMP -> CodeBlock.of("$T.formatTimestamp($L, $L)", WireText.class, value, isMillis(scalar));
      case JSON -> CodeBlock.of("$L.json()", value);
    };
  }

  /** An expression reading a value of {@code type} (or null) from the parser named {@code p}. */
  CodeBlock readJson(TypeRef type, String p, FieldModel field, int depth) {
    String wire = field.wireName();
    if (type instanceof TypeRef.Named named) {
      if (named.isEnum()) {
        return CodeBlock.of("$T.readText($N, $S, $T::of)", Json.class, p, wire, records.enumClass(named));
      }
      return CodeBlock.of("$T.readNullable($N, $T::read$L)", Json.class, p, jsonCodec,
          records.get(named.simpleNames()).methodSuffix());
    }
    String inner = "p" + (depth + 1);
    if (type instanceof TypeRef.ListOf list) {
      if (list.csv()) {
        return CodeBlock.of("$T.readText($N, $S, t -> $L)", Json.class, p, wire, fromText(type, CodeBlock.of("t"),
            field));
      }
      return CodeBlock.of("$T.readList($N, $S, $N -> $L)", Json.class, p, wire, inner,
          readJson(list.element(), inner, field, depth + 1));
    }
    if (type instanceof TypeRef.MapOf map) {
      return CodeBlock.of("$T.readMap($N, $S, $N -> $L)", Json.class, p, wire, inner,
          readJson(map.value(), inner, field, depth + 1));
    }
    if (type instanceof TypeRef.StringOr union) {
      return CodeBlock.of("$T.readStringOr($N, $N -> $L)", Json.class, p, inner,
          readJson(union.value(), inner, field, depth + 1));
    }
    TypeRef.Scalar scalar = (TypeRef.Scalar) type;
    boolean secret = field.secret();
    return switch (scalar.kind()) {
      case STRING -> CodeBlock.of("$T.text($N, $S)", Json.class, p, wire);
      case INT -> CodeBlock.of("$T.readInt($N, $S, $L)", Json.class, p, wire, secret);
      case LONG -> CodeBlock.of("$T.readLong($N, $S, $L)", Json.class, p, wire, secret);
      case DECIMAL -> CodeBlock.of("$T.readDecimal($N, $S, $L)", Json.class, p, wire, secret);
      case BOOLEAN -> CodeBlock.of("$T.readBoolean($N, $S, $S, $S, $L)", Json.class, p, spelling(scalar, 0),
          spelling(scalar, 1), wire, secret);
      case DATE -> CodeBlock.of("$T.readDate($N, $N, $S, $L)", Json.class, p, format(scalar.format()), wire, secret);
      case DATETIME -> CodeBlock.of("$T.readDateTime($N, $N, $S, $L)", Json.class, p, format(scalar.format()), wire,
          secret);
      case TIMESTAMP -> CodeBlock.of("$T.readTimestamp($N, $L, $S, $L)", Json.class, p, isMillis(scalar), wire,
          secret);
      case JSON -> CodeBlock.of("$T.readRaw($N)", Json.class, p);
    };
  }

  /** An expression writing the non-null {@code value} of {@code type} to the generator named {@code g}. */
  CodeBlock writeJson(TypeRef type, String g, CodeBlock value, int depth) {
    if (type instanceof TypeRef.Named named) {
      if (named.isEnum()) {
        return CodeBlock.of("$N.writeString($L.wireValue())", g, value);
      }
      return CodeBlock.of("$T.write$L($N, $L)", jsonCodec, records.get(named.simpleNames()).methodSuffix(), g, value);
    }
    String innerG = "g" + (depth + 1);
    String innerV = "v" + (depth + 1);
    if (type instanceof TypeRef.ListOf list) {
      if (list.csv()) {
        return CodeBlock.of("$N.writeString($L)", g, toText(type, value));
      }
      return CodeBlock.of("$T.writeList($N, $L, ($N, $N) -> $L)", Json.class, g, value, innerG, innerV,
          writeJson(list.element(), innerG, CodeBlock.of("$N", innerV), depth + 1));
    }
    if (type instanceof TypeRef.MapOf map) {
      return CodeBlock.of("$T.writeMap($N, $L, ($N, $N) -> $L)", Json.class, g, value, innerG, innerV,
          writeJson(map.value(), innerG, CodeBlock.of("$N", innerV), depth + 1));
    }
    if (type instanceof TypeRef.StringOr union) {
      return CodeBlock.of("$T.writeStringOr($N, $L, ($N, $N) -> $L)", Json.class, g, value, innerG, innerV,
          writeJson(union.value(), innerG, CodeBlock.of("$N", innerV), depth + 1));
    }
    TypeRef.Scalar scalar = (TypeRef.Scalar) type;
    return switch (scalar.kind()) {
      case STRING -> CodeBlock.of("$N.writeString($L)", g, value);
      case INT, LONG, DECIMAL -> CodeBlock.of("$N.writeNumber($L)", g, value);
      case BOOLEAN -> CodeBlock.of("$T.writeBoolean($N, $L, $S, $S)", Json.class, g, value, spelling(scalar, 0),
          spelling(scalar, 1));
      case DATE, DATETIME -> CodeBlock.of("$N.writeString($N.format($L))", g, format(scalar.format()), value);
      case TIMESTAMP -> CodeBlock.of("$N.writeNumber($L)", g, isMillis(scalar)
          ? CodeBlock.of("$L.toEpochMilli()", value) : CodeBlock.of("$L.getEpochSecond()", value));
      case JSON -> CodeBlock.of("$N.writeRawValue($L.json())", g, value);
    };
  }

  private static String spelling(TypeRef.Scalar scalar, int which) {
    return scalar.format().split("/", -1)[which];
  }

  private static boolean isMillis(TypeRef.Scalar scalar) {
    return scalar.format().equals("epoch-millis");
  }
}
