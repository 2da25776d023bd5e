package dev.specbridge.processor.generate.json;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.CodecGenerator;
import dev.specbridge.processor.generate.ClassConstants;
import dev.specbridge.processor.generate.JavaTypes;
import dev.specbridge.processor.generate.RecordIndex;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.RecordModel;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.wire.WireFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.SerializableString;
import tools.jackson.core.sym.PropertyNameMatcher;

/**
 * Writes a record's JSON codec into its class: {@code writeJson} onto a Jackson streaming generator and
 * {@code readJson} from a parser, straight-line code. Wire names are written pre-encoded (one
 * {@code SerializableString} constant per name) and read with the record's name matcher and a {@code switch} on
 * the field's index, as Jackson's own databind does, so that no {@code String} is made for a known name. Members
 * the spec does not declare are kept as raw JSON (or refused, when the record rejects unknown fields).
 */
public final class JsonCodecGenerator implements CodecGenerator {
  private final JavaTypes types;
  private final RecordIndex records;

  public JsonCodecGenerator(ApiTypes apiTypes) {
    this.types = apiTypes.java();
    this.records = apiTypes.records();
  }

  @Override
  public WireFormat format() {
    return WireFormat.JSON;
  }

  @Override
  public void addTo(TypeSpec.Builder type, RecordIndex.Entry record, ClassConstants constants) {
    JsonCode wire = new JsonCode(records, constants.formatters());
    Map<String, String> names = new LinkedHashMap<>();
    String matcher = record.model().wrapsValue() ? null : matcher(record, constants);
    type.addMethod(write(record, wire, matcher, names, constants));
    type.addMethod(read(record, wire, matcher));
    names.forEach((wireName, constant) -> constants.add(
        FieldSpec.builder(SerializableString.class, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.name($S)", Json.class, wireName)
            .build()));
  }

  private MethodSpec write(RecordIndex.Entry record, JsonCode wire, String matcher, Map<String, String> names,
      ClassConstants constants) {
    RecordModel model = record.model();
    MethodSpec.Builder method = MethodSpec.methodBuilder("writeJson")
        .addJavadoc("Writes a record as JSON.\n\n@param g where to write\n@param value the record\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(JsonGenerator.class, "g")
        .addParameter(record.type(), "value");
    if (model.wrapsValue()) {
      FieldModel field = model.fields().get(0);
      CodeBlock value = CodeBlock.of("value.$N()", field.javaName());
      method.beginControlFlow("if ($L == null)", value)
          .addStatement("g.writeNull()")
          .nextControlFlow("else")
          .addStatement(wire.writeJson(field.type(), "g", value, field, 0))
          .endControlFlow();
      return method.build();
    }
    method.addStatement("g.writeStartObject()");
    for (FieldModel field : model.fields()) {
      CodeBlock value = CodeBlock.of("value.$N()", field.javaName());
      boolean primitive = types.isPrimitive(field);
      if (!primitive) {
        method.beginControlFlow("if ($L != null)", value);
      }
      method.addStatement("g.writeName($N)", names.computeIfAbsent(field.wireName(), w -> constants.claim("NAME", w)));
      method.addStatement(wire.writeJson(field.type(), "g", value, field, 0));
      if (!primitive) {
        method.endControlFlow();
      }
    }
    if (model.keepsUnknown()) {
      method.addStatement("$T.writeUnknown(g, value.unknownFields(), $N)", Json.class, matcher);
    }
    method.addStatement("g.writeEndObject()");
    return method.build();
  }

  private MethodSpec read(RecordIndex.Entry record, JsonCode wire, String matcher) {
    RecordModel model = record.model();
    String recordName = String.join(".", record.path());
    MethodSpec.Builder method = MethodSpec.methodBuilder("readJson")
        .addJavadoc("Reads a record from JSON, from the value's first token to its last.\n\n"
            + "@param p the parser, on the value's first token\n@return the record\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(record.type())
        .addParameter(JsonParser.class, "p");
    if (model.wrapsValue()) {
      FieldModel field = model.fields().get(0);
      CodeBlock value = wire.readJson(field.type(), "p", field, 0);
      method.addStatement("return new $T($L)", record.type(), types.constructorArgument(field, value, recordName));
      return method.build();
    }
    method.addStatement("boolean members = $T.startObject(p, $S)", Json.class, recordName);
    for (FieldModel field : model.fields()) {
      method.addStatement("$T $N = null", types.boxed(field.type()), local(field));
    }
    if (model.keepsUnknown()) {
      method.addStatement("$T unknown = null", Json.Kept.class);
    }
    int fields = model.fields().size();
    if (fields > 64) {
      method.addStatement("long[] seen = new long[$L]", (fields + 63) / 64);
    } else if (fields > 0) {
      method.addStatement("long seen = 0");
    }
    method.addStatement("int field");
    method.beginControlFlow("while (members && (field = p.nextNameMatch($N)) != $T.MATCH_END_OBJECT)", matcher,
        PropertyNameMatcher.class);
    if (fields > 0) { // a member written twice is an error, not last-one-wins
      method.addStatement(fields > 64 ? "$T.once(p, seen, field)" : "seen = $T.once(p, seen, field)", Json.class);
    }
    method.addStatement("p.nextToken()")
        .beginControlFlow("switch (field)");
    for (int i = 0; i < model.fields().size(); i++) {
      FieldModel field = model.fields().get(i);
      method.addStatement("case $L -> $N = $L", i, local(field), wire.readJson(field.type(), "p", field, 0));
    }
    if (model.keepsUnknown()) {
      method.addStatement("default -> unknown = $T.keep(unknown, p)", Json.class);
    } else {
      method.addStatement("default -> throw new $T($S$W+ p.currentName() + $S)", WireFormatException.class,
          recordName + " does not take the field '", "'");
    }
    method.endControlFlow().endControlFlow();
    List<CodeBlock> arguments = new ArrayList<>();
    for (FieldModel field : model.fields()) {
      arguments.add(types.constructorArgument(field, CodeBlock.of("$N", local(field)), recordName));
    }
    if (model.keepsUnknown()) {
      arguments.add(CodeBlock.of("$T.unknown(unknown)", Json.class));
    }
    method.addStatement("return new $T($L)", record.type(), CodeBlock.join(arguments, ",$W"));
    return method.build();
  }

  /** The constant of a record's name matcher: its wire names, by field index. */
  private static String matcher(RecordIndex.Entry record, ClassConstants constants) {
    String matcher = constants.claim("NAMES");
    constants.add(FieldSpec.builder(PropertyNameMatcher.class, matcher, Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .initializer("$T.names($L)", Json.class, CodeBlock.join(record.model().fields().stream()
            .map(field -> CodeBlock.of("$S", field.wireName())).toList(), ",$W"))
        .build());
    return matcher;
  }

  /** The local variable a reader keeps a field's value in until it builds the record. */
  public static String local(FieldModel field) {
    return "v" + Character.toUpperCase(field.javaName().charAt(0)) + field.javaName().substring(1);
  }
}
