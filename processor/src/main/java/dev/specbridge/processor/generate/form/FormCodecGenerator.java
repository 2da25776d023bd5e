package dev.specbridge.processor.generate.form;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.CodecGenerator;
import dev.specbridge.processor.generate.ConstantNames;
import dev.specbridge.processor.generate.FormatterConstants;
import dev.specbridge.processor.generate.Generated;
import dev.specbridge.processor.generate.JavaTypes;
import dev.specbridge.processor.generate.RecordIndex;
import dev.specbridge.processor.generate.json.JsonCode;
import dev.specbridge.processor.generate.json.JsonCodecGenerator;
import dev.specbridge.processor.generate.text.TextCode;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.RecordModel;
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
 * Writes {@code <Api>Form}: the name-value wire format of each command's request and response. A scalar, enum or
 * CSV field is one pair; a structured field (object, list, map) is one pair whose value is JSON, or, when reading,
 * a bracket-keyed group ({@code summary[total]=3}). Pairs no field reads are kept in {@code unknownFields}, and
 * a request's unknown fields are sent as extra pairs.
 */
public final class FormCodecGenerator implements CodecGenerator {
  private JavaTypes types;
  private TextCode text;
  private JsonCode json;

  @Override
  public TypeSpec generate(ApiModel api, ApiTypes apiTypes) {
    this.types = apiTypes.java();
    ClassName name = apiTypes.codec(WireFormat.FORM);
    RecordIndex records = apiTypes.records();
    String apiName = api.name();
    FormatterConstants formatters = new FormatterConstants(new ConstantNames());
    text = new TextCode(records, formatters);
    json = new JsonCode(apiTypes.codec(WireFormat.JSON), records, formatters);
    TypeSpec.Builder codec = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(Generated.from(api.source()))
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", "deprecation")
            .build())
        .addJavadoc("The name-value wire format of the $L commands' requests and responses.\n", apiName)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (EntryModel command : api.entries()) {
      for (RecordModel body : command.bodies().values()) {
        RecordIndex.Entry record = records.get(List.of(body.javaName()));
        codec.addMethod(write(record));
        codec.addMethod(read(record));
      }
    }
    codec.addFields(formatters.fields());
    return codec.build();
  }

  private MethodSpec write(RecordIndex.Entry record) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("write" + record.methodSuffix())
        .addJavadoc("Writes a {@link $T} as name-value pairs.\n", record.type())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(FormSink.class, "out")
        .addParameter(record.type(), "value");
    for (FieldModel field : record.model().fields()) {
      CodeBlock value = CodeBlock.of("value.$N()", field.javaName());
      CodeBlock add;
      if (TextCode.isText(field.type())) {
        add = CodeBlock.of("out.add($S, $L)", field.wireName(), text.toText(field.type(), value, field));
      } else if (isRawJson(field.type())) {
        add = CodeBlock.of("out.addJson($S, $L)", field.wireName(), text.toText(field.type(), value, field));
      } else if (field.type() instanceof TypeRef.StringOr union) { // the plain string travels as it is
        add = CodeBlock.of("out.addStringOr($S, $L, (g, v) -> $L)", field.wireName(), value,
            json.writeJson(union.value(), "g", CodeBlock.of("v"), field, 1));
      } else {
        add = CodeBlock.of("out.addJson($S, $T.write(g -> $L))", field.wireName(), Json.class,
            json.writeJson(field.type(), "g", value, field, 0));
      }
      if (types.isPrimitive(field)
          || field.required() && (field.type() instanceof TypeRef.ListOf || field.type() instanceof TypeRef.MapOf)) {
        method.addStatement(add);
      } else if (field.type() instanceof TypeRef.ListOf || field.type() instanceof TypeRef.MapOf) {
        // a record's collections are never null: an optional one that is empty is not set, and sends no pair
        method.beginControlFlow("if (!$L.isEmpty())", value)
            .addStatement(add)
            .endControlFlow();
      } else {
        method.beginControlFlow("if ($L != null)", value)
            .addStatement(add)
            .endControlFlow();
      }
    }
    if (record.model().keepsUnknown()) {
      method.addStatement("out.addUnknown(value.unknownFields())");
    }
    return method.build();
  }

  private MethodSpec read(RecordIndex.Entry record) {
    String recordName = String.join(".", record.path());
    MethodSpec.Builder method = MethodSpec.methodBuilder("read" + record.methodSuffix())
        .addJavadoc("Reads a {@link $T} from name-value pairs; the pairs no field takes become its unknown"
            + " fields.\n", record.type())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(record.type())
        .addParameter(FormReader.class, "in");
    List<CodeBlock> arguments = new ArrayList<>();
    for (FieldModel field : record.model().fields()) {
      String local = JsonCodecGenerator.local(field);
      CodeBlock value;
      if (TextCode.isText(field.type())) {
        method.addStatement("String $N = in.take($S)", local, field.wireName());
        value = text.fromText(field.type(), CodeBlock.of("$N", local), field);
      } else {
        method.addStatement("String $N = in.takeJson($S)", local, field.wireName());
        value = isRawJson(field.type()) ? CodeBlock.of("$T.read($N, $S, $T::readRaw)", Json.class, local,
            field.wireName(), Json.class)
            : field.type() instanceof TypeRef.StringOr union
                ? CodeBlock.of("$T.stringOr($N, $S, p -> $L)", Json.class, local, field.wireName(),
                    json.readJson(union.value(), "p", field, 0))
                : CodeBlock.of("$T.read($N, $S, p -> $L)", Json.class, local, field.wireName(),
                    json.readJson(field.type(), "p", field, 0));
      }
      CodeBlock orNull = CodeBlock.of("$N == null ? null : $L", local, value);
      arguments.add(types.constructorArgument(field, orNull, recordName));
    }
    if (record.model().keepsUnknown()) {
      arguments.add(CodeBlock.of("in.rest()"));
    } else {
      method.addStatement("in.refuseRest($S)", recordName);
    }
    method.addStatement("return new $T($L)", record.type(), CodeBlock.join(arguments, ",$W"));
    return method.build();
  }

  private static boolean isRawJson(TypeRef type) {
    return type instanceof TypeRef.Scalar scalar && scalar.kind() == ScalarKind.JSON;
  }
}
