package dev.specbridge.processor.generate.json;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.CodecGenerator;
import dev.specbridge.processor.generate.FormatterConstants;
import dev.specbridge.processor.generate.Generated;
import dev.specbridge.processor.generate.JavaTypes;
import dev.specbridge.processor.generate.RecordIndex;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.RecordModel;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Writes {@code <Api>Json}: for every record, a {@code write…} method onto a Jackson streaming generator and a
 * {@code read…} method from a parser, straight-line code with a {@code switch} on member names. Members the
 * spec does not declare are kept as raw JSON (or refused, when the record rejects unknown fields).
 */
public final class JsonCodecGenerator implements CodecGenerator {
  private JavaTypes types;

  @Override
  public TypeSpec generate(ApiModel api, ApiTypes apiTypes) {
    this.types = apiTypes.java();
    ClassName name = apiTypes.codec(WireFormat.JSON);
    RecordIndex records = apiTypes.records();
    String apiName = api.name();
    FormatterConstants formatters = new FormatterConstants();
    JsonCode wire = new JsonCode(name, records, formatters);
    TypeSpec.Builder codec = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(Generated.from(api.source()))
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", "deprecation") // deprecated fields still travel
            .build())
        .addJavadoc("The JSON wire format of every record of the $L API, on Jackson's streaming core.\n\n"
            + "<p>{@code read…} methods start on the value's first token and end on its last; JSON null reads as"
            + " {@code null}. Numbers written as strings and booleans in the field's spelling are accepted.\n",
            apiName)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (RecordIndex.Entry record : records.all()) {
      codec.addMethod(write(record, wire));
      codec.addMethod(read(record, wire));
    }
    codec.addFields(formatters.fields());
    return codec.build();
  }

  private MethodSpec write(RecordIndex.Entry record, JsonCode wire) {
    RecordModel model = record.model();
    MethodSpec.Builder method = MethodSpec.methodBuilder("write" + record.methodSuffix())
        .addJavadoc("Writes a {@link $T} as JSON.\n", record.type())
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
      method.addStatement("g.writeName($S)", field.wireName());
      method.addStatement(wire.writeJson(field.type(), "g", value, field, 0));
      if (!primitive) {
        method.endControlFlow();
      }
    }
    if (model.keepsUnknown()) {
      method.addStatement("$T.writeUnknown(g, value.unknownFields())", Json.class);
    }
    method.addStatement("g.writeEndObject()");
    return method.build();
  }

  private MethodSpec read(RecordIndex.Entry record, JsonCode wire) {
    RecordModel model = record.model();
    String recordName = String.join(".", record.path());
    MethodSpec.Builder method = MethodSpec.methodBuilder("read" + record.methodSuffix())
        .addJavadoc("Reads a {@link $T} from JSON.\n", record.type())
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
    TypeName kept = ParameterizedTypeName.get(List.class, UnknownFields.Entry.class);
    if (model.keepsUnknown()) {
      method.addStatement("$T unknown = null", kept);
    }
    method.beginControlFlow("while (members && p.nextToken() == $T.PROPERTY_NAME)", JsonToken.class)
        .addStatement("String name = p.currentName()")
        .addStatement("p.nextToken()")
        .beginControlFlow("switch (name)");
    for (FieldModel field : model.fields()) {
      method.addStatement("case $S -> $N = $L", field.wireName(), local(field),
          wire.readJson(field.type(), "p", field, 0));
    }
    if (model.keepsUnknown()) {
      method.addStatement("default -> unknown = $T.keep(unknown, name, p)", Json.class);
    } else {
      method.addStatement("default -> throw new $T($S + name + $S)", WireFormatException.class,
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

  /** The local variable a reader keeps a field's value in until it builds the record. */
  public static String local(FieldModel field) {
    return "v" + Character.toUpperCase(field.javaName().charAt(0)) + field.javaName().substring(1);
  }
}
