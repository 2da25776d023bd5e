package dev.specbridge.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.model.EnumModel;
import dev.specbridge.runtime.value.OpenEnum;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes an open enum as a record over its wire value: a constant per listed value, {@code of(String)} that
 * returns the constant or keeps an unlisted value, and {@code isKnown()}. A Java {@code enum} would have to
 * throw on a value the server adds later; this does not.
 */
final class EnumGenerator {
  TypeSpec generate(EnumModel model, ClassName name) {
    TypeSpec.Builder type = TypeSpec.recordBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(OpenEnum.class)
        .addAnnotations(Generated.on(name))
        .addJavadoc("$L", javadoc(model))
        .recordConstructor(MethodSpec.compactConstructorBuilder()
            .addJavadoc("A value with this wire spelling; {@link #of} returns the constant when the spec lists it.\n\n"
                + "@param wireValue the value as it is spelled on the wire\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(String.class, "wireValue")
            .addStatement("$T.requireNonNull(wireValue, $S)", Objects.class, "wireValue")
            .build());

    CodeBlock.Builder lookup = CodeBlock.builder().add("return switch (wireValue) {\n$>");
    for (EnumModel.Value value : model.values()) {
      FieldSpec.Builder constant = FieldSpec.builder(name, value.constant(),
              Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T($S)", name, value.wire());
      constant.addJavadoc("$L", (value.doc() != null ? Javadoc.escape(value.doc()) + "\n\n<p>" : "")
          + "On the wire: " + Javadoc.code(value.wire()) + ".\n");
      type.addField(constant.build());
      lookup.addStatement("case $S -> $N", value.wire(), value.constant());
    }
    lookup.addStatement("default -> new $T(wireValue)", name).add("$<};\n");

    CodeBlock constants = CodeBlock.join(model.values().stream().map(v -> CodeBlock.of("$N", v.constant())).toList(),
        ",$W");
    CodeBlock spellings = CodeBlock.join(model.values().stream().map(v -> CodeBlock.of("$S", v.wire())).toList(),
        ",$W");
    ParameterizedTypeName listType = ParameterizedTypeName.get(ClassName.get(List.class), name);
    type.addField(FieldSpec.builder(listType, "KNOWN", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", List.class, constants)
        .build());

    type.addMethod(MethodSpec.methodBuilder("of")
        .addJavadoc("{@return the value with this wire spelling: a constant when the spec lists it, else a new"
            + " value that keeps the spelling}\n@param wireValue the value as it is spelled on the wire\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(name)
        .addParameter(String.class, "wireValue")
        .addStatement("$T.requireNonNull(wireValue, $S)", Objects.class, "wireValue")
        .addCode(lookup.build())
        .build());
    type.addMethod(MethodSpec.methodBuilder("knownValues")
        .addJavadoc("{@return the values the spec lists, in its order}\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(listType)
        .addStatement("return KNOWN")
        .build());
    type.addMethod(MethodSpec.methodBuilder("isKnown")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addCode("return switch (wireValue) {\n$>")
        .addStatement("case $L -> true", spellings)
        .addStatement("default -> false")
        .addCode("$<};\n")
        .build());
    type.addMethod(MethodSpec.methodBuilder("toString")
        .addJavadoc("The wire value.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return wireValue")
        .build());
    return type.build();
  }

  private static String javadoc(EnumModel model) {
    StringBuilder doc = new StringBuilder();
    if (model.doc() != null) {
      doc.append(Javadoc.escape(model.doc())).append("\n\n");
    }
    doc.append(doc.length() == 0 ? "" : "<p>").append("An open enum: a value the spec does not list is kept as it was sent, with {@code isKnown()}"
        + " false.\n\n@param wireValue the value as it is spelled on the wire\n");
    return doc.toString();
  }
}
