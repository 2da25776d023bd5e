package dev.specbridge.processor.generate.json;

import com.palantir.javapoet.CodeBlock;
import dev.specbridge.processor.generate.FormatterConstants;
import dev.specbridge.processor.generate.RecordIndex;
import dev.specbridge.processor.generate.text.TextCode;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.TypeRef;
import dev.specbridge.runtime.json.Json;

import static dev.specbridge.processor.generate.text.TextCode.isMillis;
import static dev.specbridge.processor.generate.text.TextCode.spelling;

/**
 * The code that reads and writes one value of a spec type as JSON, on Jackson's streaming parser and generator.
 * Records are read and written by their own {@code readJson}/{@code writeJson}; a comma-joined list is a JSON
 * string of its text.
 */
public final class JsonCode {
  private final RecordIndex records;
  private final FormatterConstants formatters;
  private final TextCode text;

  public JsonCode(RecordIndex records, FormatterConstants formatters) {
    this.records = records;
    this.formatters = formatters;
    this.text = new TextCode(records, formatters);
  }

  /** An expression reading a value of {@code type} (or null) from the parser named {@code p}. */
  public CodeBlock readJson(TypeRef type, String p, FieldModel field, int depth) {
    String wire = field.wireName();
    if (type instanceof TypeRef.Named named) {
      if (named.isEnum()) {
        return CodeBlock.of("$T.readText($N, $S, $T::of)", Json.class, p, wire, records.enumClass(named));
      }
      return CodeBlock.of("$T.readNullable($N, $T::readJson)", Json.class, p, records.get(named.simpleNames()).type());
    }
    String inner = "p" + (depth + 1);
    if (type instanceof TypeRef.ListOf list) {
      if (list.csv()) {
        return CodeBlock.of("$T.readText($N, $S, t -> $L)", Json.class, p, wire, text.fromText(type, CodeBlock.of("t"),
            field));
      }
      return CodeBlock.of("$T.readList($N, $S,$W$N -> $L)", Json.class, p, wire, inner,
          readJson(list.element(), inner, field, depth + 1));
    }
    if (type instanceof TypeRef.MapOf map) {
      return CodeBlock.of("$T.readMap($N, $S,$W$N -> $L)", Json.class, p, wire, inner,
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
      case DATE -> CodeBlock.of("$T.readDate($N, $N, $S, $L)", Json.class, p, formatters.of(scalar.format()), wire,
          secret);
      case DATETIME -> CodeBlock.of("$T.readDateTime($N, $N, $S, $L)", Json.class, p,
          formatters.of(scalar.format()), wire, secret);
      case TIMESTAMP -> CodeBlock.of("$T.readTimestamp($N, $L, $S, $L)", Json.class, p, isMillis(scalar), wire,
          secret);
      case JSON -> CodeBlock.of("$T.readRaw($N)", Json.class, p);
    };
  }

  /** An expression writing the non-null {@code value} of {@code type} to the generator named {@code g}. */
  public CodeBlock writeJson(TypeRef type, String g, CodeBlock value, FieldModel field, int depth) {
    if (type instanceof TypeRef.Named named) {
      if (named.isEnum()) {
        return CodeBlock.of("$N.writeString($L.wireValue())", g, value);
      }
      return CodeBlock.of("$T.writeJson($N, $L)", records.get(named.simpleNames()).type(), g, value);
    }
    String innerG = "g" + (depth + 1);
    String innerV = "v" + (depth + 1);
    if (type instanceof TypeRef.ListOf list) {
      if (list.csv()) {
        return CodeBlock.of("$N.writeString($L)", g, text.toText(type, value, field));
      }
      return CodeBlock.of("$T.writeList($N, $L,$W($N, $N) -> $L)", Json.class, g, value, innerG, innerV,
          writeJson(list.element(), innerG, CodeBlock.of("$N", innerV), field,
              depth + 1));
    }
    if (type instanceof TypeRef.MapOf map) {
      return CodeBlock.of("$T.writeMap($N, $L,$W($N, $N) -> $L)", Json.class, g, value, innerG, innerV,
          writeJson(map.value(), innerG, CodeBlock.of("$N", innerV), field,
              depth + 1));
    }
    if (type instanceof TypeRef.StringOr union) {
      return CodeBlock.of("$T.writeStringOr($N, $L, ($N, $N) -> $L)", Json.class, g, value, innerG, innerV,
          writeJson(union.value(), innerG, CodeBlock.of("$N", innerV), field,
              depth + 1));
    }
    TypeRef.Scalar scalar = (TypeRef.Scalar) type;
    return switch (scalar.kind()) {
      case STRING -> CodeBlock.of("$N.writeString($L)", g, value);
      case INT, LONG, DECIMAL -> CodeBlock.of("$N.writeNumber($L)", g, value);
      case BOOLEAN -> CodeBlock.of("$T.writeBoolean($N, $L, $S, $S)", Json.class, g, value, spelling(scalar, 0),
          spelling(scalar, 1));
      case DATE -> CodeBlock.of("$T.writeDate($N, $L, $N)", Json.class, g, value, formatters.of(scalar.format()));
      case DATETIME -> CodeBlock.of("$T.writeDateTime($N, $L, $N)", Json.class, g, value,
          formatters.of(scalar.format()));
      case TIMESTAMP -> CodeBlock.of("$N.writeNumber($L)", g, isMillis(scalar)
          ? CodeBlock.of("$L.toEpochMilli()", value) : CodeBlock.of("$L.getEpochSecond()", value));
      case JSON -> CodeBlock.of("$T.writeRaw($N, $L.json(), $S)", Json.class, g, value, field.wireName());
    };
  }
}
