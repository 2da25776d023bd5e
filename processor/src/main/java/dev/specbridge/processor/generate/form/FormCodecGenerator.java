package dev.specbridge.processor.generate.form;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.ClassConstants;
import dev.specbridge.processor.generate.CodecGenerator;
import dev.specbridge.processor.generate.JavaTypes;
import dev.specbridge.processor.generate.RecordIndex;
import dev.specbridge.processor.generate.json.JsonCode;
import dev.specbridge.processor.generate.text.TextCode;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.ScalarKind;
import dev.specbridge.processor.model.TypeRef;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.runtime.form.FormReader;
import dev.specbridge.runtime.form.FormSink;
import dev.specbridge.runtime.json.Json;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes a command body's name-value codec into its record's class: {@code writeForm} and {@code readForm}, one
 * call per field. A scalar, enum or CSV field is one pair; a structured field (object, list, map) is one pair whose
 * value is JSON, or, when reading, a bracket-keyed group ({@code summary[total]=3}). Pairs no field reads are kept
 * in {@code unknownFields}, and a request's unknown fields are sent as extra pairs.
 */
public final class FormCodecGenerator implements CodecGenerator {
  private final JavaTypes types;
  private final RecordIndex records;

  public FormCodecGenerator(ApiTypes apiTypes) {
    this.types = apiTypes.java();
    this.records = apiTypes.records();
  }

  @Override
  public WireFormat format() {
    return WireFormat.FORM;
  }

  @Override
  public void addTo(TypeSpec.Builder type, RecordIndex.Entry record, ClassConstants constants) {
    TextCode text = new TextCode(records, constants.formatters());
    JsonCode json = new JsonCode(records, constants.formatters());
    type.addMethod(write(record, text, json));
    type.addMethod(read(record, text, json));
  }

  private MethodSpec write(RecordIndex.Entry record, TextCode text, JsonCode json) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("writeForm")
        .addJavadoc("Writes a record as name-value pairs; absent fields send none.\n\n@param out where to write\n"
            + "@param value the record\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(FormSink.class, "out")
        .addParameter(record.type(), "value");
    for (FieldModel field : record.model().fields()) {
      CodeBlock value = CodeBlock.of("value.$N()", field.javaName());
      TypeRef type = field.type();
      CodeBlock add;
      if (TextCode.isText(type)) {
        add = CodeBlock.of("out.add($S, $L)", field.wireName(), text.toText(type, value, field));
      } else if (isRawJson(type)) {
        add = CodeBlock.of("out.addRaw($S, $L)", field.wireName(), value);
      } else if (type instanceof TypeRef.StringOr union) { // the plain string travels as it is
        add = CodeBlock.of("out.addStringOr($S, $L, (g, v) -> $L)", field.wireName(), value,
            json.writeJson(union.value(), "g", CodeBlock.of("v"), field, 1));
      } else {
        add = CodeBlock.of("out.addJson($S, $L,$W(g, v) -> $L)", field.wireName(), value,
            json.writeJson(type, "g", CodeBlock.of("v"), field, 1));
      }
      boolean collection = type instanceof TypeRef.ListOf || type instanceof TypeRef.MapOf;
      if (collection && !field.required()) {
        // a record's collections are never null: an optional one that is empty is not set, and sends no pair
        method.beginControlFlow("if (!$L.isEmpty())", value)
            .addStatement(add)
            .endControlFlow();
      } else {
        method.addStatement(add);
      }
    }
    if (record.model().keepsUnknown()) {
      method.addStatement("out.addUnknown(value.unknownFields())");
    }
    return method.build();
  }

  private MethodSpec read(RecordIndex.Entry record, TextCode text, JsonCode json) {
    String recordName = String.join(".", record.path());
    MethodSpec.Builder method = MethodSpec.methodBuilder("readForm")
        .addJavadoc("Reads a record from name-value pairs; the pairs no field takes become its unknown fields.\n\n"
            + "@param in the pairs\n@return the record\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(record.type())
        .addParameter(FormReader.class, "in");
    List<CodeBlock> arguments = new ArrayList<>(); // arguments run in order: each field takes its pairs first
    for (FieldModel field : record.model().fields()) {
      TypeRef type = field.type();
      String wire = field.wireName();
      CodeBlock value;
      if (TextCode.isText(type)) {
        value = text.fromText(type, CodeBlock.of("in.take($S)", wire), field);
      } else if (isRawJson(type)) {
        value = CodeBlock.of("in.takeJson($S, $T::readRaw)", wire, Json.class);
      } else if (type instanceof TypeRef.StringOr union) {
        value = CodeBlock.of("in.takeStringOr($S,$Wp -> $L)", wire, json.readJson(union.value(), "p", field, 0));
      } else {
        value = CodeBlock.of("in.takeJson($S,$Wp -> $L)", wire, json.readJson(type, "p", field, 0));
      }
      arguments.add(types.constructorArgument(field, value, recordName));
    }
    if (record.model().keepsUnknown()) {
      arguments.add(CodeBlock.of("in.rest()"));
      return method.addStatement("return new $T($L)", record.type(), CodeBlock.join(arguments, ",$W")).build();
    }
    return method.addStatement("$T value = new $T($L)", record.type(), record.type(),
            CodeBlock.join(arguments, ",$W"))
        .addStatement("in.refuseRest($S)", recordName) // after every field took its pairs
        .addStatement("return value")
        .build();
  }

  private static boolean isRawJson(TypeRef type) {
    return type instanceof TypeRef.Scalar scalar && scalar.kind() == ScalarKind.JSON;
  }
}
