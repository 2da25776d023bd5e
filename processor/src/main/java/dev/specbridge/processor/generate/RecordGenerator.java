package dev.specbridge.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.model.Constraints;
import dev.specbridge.processor.model.EnumModel;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.Names;
import dev.specbridge.processor.model.RecordModel;
import dev.specbridge.processor.model.ScalarKind;
import dev.specbridge.processor.model.TypeRef;
import dev.specbridge.runtime.value.Checks;
import dev.specbridge.runtime.value.Copies;
import dev.specbridge.runtime.value.UnknownFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Writes one record of the model: components with Javadoc, a compact constructor that checks required
 * fields and constraints and copies collections, a builder, {@code toBuilder()}, withers, a {@code toString()}
 * that hides secrets, and its inline types nested inside it.
 */
final class RecordGenerator {
  private static final String UNKNOWN = "unknownFields";
  private static final String REDACTED = "██";

  private final String source;
  private final JavaTypes types;
  private final EnumGenerator enums;

  RecordGenerator(String source, JavaTypes types) {
    this.source = source;
    this.types = types;
    this.enums = new EnumGenerator(source);
  }

  TypeSpec generate(RecordModel model, List<String> path, String extraDoc) {
    return generate(model, path, extraDoc, List.of());
  }

  /** A record that also implements {@code superinterfaces}, e.g. the sealed family of a webhook's notifications. */
  TypeSpec generate(RecordModel model, List<String> path, String extraDoc, List<ClassName> superinterfaces) {
    ClassName name = types.className(path);
    List<Component> components = components(model);

    TypeSpec.Builder record = TypeSpec.recordBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterfaces(superinterfaces)
        .addAnnotation(Generated.from(source))
        .addJavadoc("$L", javadoc(model, components, extraDoc))
        .recordConstructor(constructor(model, name, components));
    for (Component component : components) {
      addConstraintConstants(record, component);
    }
    record.addMethod(MethodSpec.methodBuilder("builder")
        .addJavadoc("A builder with no field set.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(name.nestedClass("Builder"))
        .addStatement("return new Builder()")
        .build());
    record.addMethod(MethodSpec.methodBuilder("toBuilder")
        .addJavadoc("A builder that starts from this record's values.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(name.nestedClass("Builder"))
        .addStatement("return new Builder(this)")
        .build());
    for (Component component : components) {
      if (component.field != null && component.field.deprecated()) {
        record.addMethod(deprecatedAccessor(component));
      }
    }
    for (Component component : components) {
      record.addMethod(wither(name, component, components));
    }
    if (components.stream().anyMatch(c -> c.field != null && c.field.secret())) {
      record.addMethod(redactingToString(name, components));
    }
    record.addType(builder(name, components));
    for (RecordModel nested : model.records()) {
      record.addType(generate(nested, append(path, nested.javaName()), null));
    }
    for (EnumModel nested : model.enums()) {
      record.addType(enums.generate(nested, name.nestedClass(nested.javaName())));
    }
    return record.build();
  }

  /**
   * A record component: a spec field, or the kept unknown fields ({@code field == null}). {@code constant} prefixes
   * the names of its static constraint constants, unique in the record ({@code userID} and {@code userId} would
   * both give {@code USER_ID}).
   */
  private record Component(FieldModel field, String name, TypeName type, TypeName builderType, String constant) {
    boolean isPrimitive() {
      return type.isPrimitive();
    }
  }

  private List<Component> components(RecordModel model) {
    List<Component> components = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    model.fields().forEach(field -> taken.add(field.javaName()));
    for (FieldModel field : model.fields()) {
      TypeName type = types.of(field.type(), field.required());
      String constant = constantPrefix(field.javaName());
      for (int n = 2; !taken.add(constant); n++) {
        constant = constantPrefix(field.javaName()) + "_" + n;
      }
      components.add(new Component(field, field.javaName(), type, type.isPrimitive() ? type.box() : type, constant));
    }
    if (model.keepsUnknown()) {
      TypeName unknown = ClassName.get(UnknownFields.class);
      components.add(new Component(null, UNKNOWN, unknown, unknown, null));
    }
    return components;
  }

  private String javadoc(RecordModel model, List<Component> components, String extraDoc) {
    StringBuilder doc = new StringBuilder();
    if (model.doc() != null) {
      doc.append(Javadoc.escape(model.doc())).append("\n\n");
    }
    if (extraDoc != null) {
      doc.append(doc.length() == 0 ? "" : "<p>").append(extraDoc).append("\n\n");
    }
    if (model.wrapsValue()) {
      doc.append(doc.length() == 0 ? "" : "<p>")
          .append("On the wire this body is the value of its one field itself, not an object of fields.\n\n");
    }
    for (Component component : components) {
      String componentDoc = model.wrapsValue() ? "the whole body" : componentDoc(component);
      doc.append("@param ").append(component.name).append(' ').append(componentDoc).append('\n');
    }
    return doc.toString();
  }

  private static String componentDoc(Component component) {
    FieldModel field = component.field;
    if (field == null) {
      return "fields the server sent that the spec does not declare, kept as they came";
    }
    StringBuilder doc = new StringBuilder();
    if (field.doc() != null) {
      doc.append(Javadoc.escape(field.doc())).append(' ');
    }
    doc.append("(wire name ").append(Javadoc.code(field.wireName()));
    if (field.example() != null && !field.secret()) {
      doc.append(", e.g. ").append(Javadoc.code(field.example()));
    }
    doc.append(field.required() ? "; required" : "; optional");
    if (field.secret()) {
      doc.append("; secret: never printed");
    }
    doc.append(')');
    if (field.deprecated()) {
      doc.append(". Deprecated").append(field.deprecation().isEmpty() ? "" : ": " + Javadoc.escape(field.deprecation()));
    }
    return doc.toString();
  }

  private MethodSpec constructor(RecordModel model, ClassName name, List<Component> components) {
    MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
    String recordName = String.join(".", name.simpleNames());
    for (Component component : components) {
      constructor.addParameter(ParameterSpec.builder(component.type, component.name).build());
      if (component.field == null) {
        constructor.addStatement("$N = $T.unknown($N)", component.name, Copies.class, component.name);
        continue;
      }
      FieldModel field = component.field;
      if (field.required() && !component.isPrimitive()) {
        constructor.addStatement("$T.required($N, $S, $S)", Checks.class, component.name, recordName, component.name);
      }
      if (field.type() instanceof TypeRef.ListOf) {
        constructor.addStatement("$N = $T.list($N, $S, $S)", component.name, Copies.class, component.name,
            recordName, component.name);
      } else if (field.type() instanceof TypeRef.MapOf) {
        constructor.addStatement("$N = $T.map($N, $S, $S)", component.name, Copies.class, component.name,
            recordName, component.name);
      }
      addConstraintChecks(constructor, recordName, component);
    }
    return constructor.build();
  }

  private static void addConstraintConstants(TypeSpec.Builder record, Component component) {
    if (component.field == null) {
      return;
    }
    Constraints constraints = component.field.constraints();
    String prefix = component.constant;
    if (constraints.pattern() != null) {
      record.addField(FieldSpec.builder(Pattern.class, prefix + "_PATTERN", Modifier.PRIVATE, Modifier.STATIC,
              Modifier.FINAL)
          .initializer("$T.compile($S)", Pattern.class, constraints.pattern())
          .build());
    }
    if (isDecimal(component.field)) {
      if (constraints.min() != null) {
        record.addField(decimalConstant(prefix + "_MIN", constraints.min()));
      }
      if (constraints.max() != null) {
        record.addField(decimalConstant(prefix + "_MAX", constraints.max()));
      }
    }
  }

  private static FieldSpec decimalConstant(String name, BigDecimal value) {
    return FieldSpec.builder(BigDecimal.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T($S)", BigDecimal.class, value.toPlainString())
        .build();
  }

  private static void addConstraintChecks(MethodSpec.Builder constructor, String recordName, Component component) {
    FieldModel field = component.field;
    Constraints constraints = field.constraints();
    if (constraints.isEmpty()) {
      return;
    }
    String name = component.name;
    String prefix = component.constant;
    CodeBlock shown = field.secret() ? CodeBlock.of("null") : CodeBlock.of("$N", name);
    String present = component.isPrimitive() ? "" : name + " != null && ";
    if (isDecimal(field)) {
      if (constraints.min() != null) {
        check(constructor, present + name + ".compareTo(" + prefix + "_MIN) < 0", recordName, name,
            "must be at least " + constraints.min().toPlainString(), shown);
      }
      if (constraints.max() != null) {
        check(constructor, present + name + ".compareTo(" + prefix + "_MAX) > 0", recordName, name,
            "must be at most " + constraints.max().toPlainString(), shown);
      }
    } else {
      String suffix = field.type() instanceof TypeRef.Scalar s && s.kind() == ScalarKind.LONG ? "L" : "";
      if (constraints.min() != null) {
        String min = constraints.min().toBigIntegerExact().toString();
        check(constructor, present + name + " < " + min + suffix, recordName, name, "must be at least " + min, shown);
      }
      if (constraints.max() != null) {
        String max = constraints.max().toBigIntegerExact().toString();
        check(constructor, present + name + " > " + max + suffix, recordName, name, "must be at most " + max, shown);
      }
    }
    Integer minLength = constraints.minLength();
    Integer maxLength = constraints.maxLength();
    if (minLength != null && minLength.equals(maxLength)) {
      check(constructor, present + name + ".length() != " + minLength, recordName, name,
          "must have exactly " + minLength + " characters", shown);
    } else {
      if (minLength != null) {
        check(constructor, present + name + ".length() < " + minLength, recordName, name,
            "must have at least " + minLength + " characters", shown);
      }
      if (maxLength != null) {
        check(constructor, present + name + ".length() > " + maxLength, recordName, name,
            "must have at most " + maxLength + " characters", shown);
      }
    }
    if (constraints.pattern() != null) {
      check(constructor, present + "!" + prefix + "_PATTERN.matcher(" + name + ").matches()", recordName, name,
          "must match " + constraints.pattern(), shown);
    }
  }

  private static void check(MethodSpec.Builder constructor, String condition, String recordName, String field,
      String rule, CodeBlock shown) {
    constructor.beginControlFlow("if ($L)", condition)
        .addStatement("throw $T.invalid($S, $S, $S, $L)", Checks.class, recordName, field, rule, shown)
        .endControlFlow();
  }

  private static boolean isDecimal(FieldModel field) {
    return field.type() instanceof TypeRef.Scalar scalar && scalar.kind() == ScalarKind.DECIMAL;
  }

  private static String constantPrefix(String javaName) {
    return Names.constantCase(javaName);
  }

  /**
   * An explicit accessor, so that {@code @Deprecated} marks the method users call (on a record component the
   * annotation would also land on the constructor parameter, where javac warns that it has no effect).
   */
  private static MethodSpec deprecatedAccessor(Component component) {
    String reason = component.field.deprecation();
    return MethodSpec.methodBuilder(component.name)
        .addJavadoc("$L\n\n@return the value\n@deprecated $L\n", componentDoc(component),
            reason.isEmpty() ? "the spec marks this field deprecated" : Javadoc.escape(reason))
        .addAnnotation(Deprecated.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(component.type)
        .addStatement("return $N", component.name)
        .build();
  }

  private static MethodSpec wither(ClassName name, Component changed, List<Component> components) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (Component component : components) {
      arguments.add(CodeBlock.of("$N", component.name));
    }
    String method = "with" + Character.toUpperCase(changed.name.charAt(0)) + changed.name.substring(1);
    MethodSpec.Builder wither = MethodSpec.methodBuilder(method)
        .addJavadoc("A copy of this record with {@code $L} replaced.\n", changed.name)
        .addModifiers(Modifier.PUBLIC)
        .returns(name)
        .addParameter(changed.type, changed.name)
        .addStatement("return new $T($L)", name, CodeBlock.join(arguments, ",$W"));
    if (changed.field != null && changed.field.deprecated()) {
      wither.addAnnotation(Deprecated.class);
    }
    return wither.build();
  }

  private static MethodSpec redactingToString(ClassName name, List<Component> components) {
    CodeBlock.Builder text = CodeBlock.builder().add("return $S", name.simpleName() + "[");
    String separator = "";
    for (Component component : components) {
      if (component.field != null && component.field.secret()) {
        text.add("\n+ $S", separator + component.name + "=" + REDACTED);
      } else {
        text.add("\n+ $S + $N", separator + component.name + "=", component.name);
      }
      separator = ", ";
    }
    text.add("\n+ $S", "]");
    return MethodSpec.methodBuilder("toString")
        .addJavadoc("Like the default, but secret fields print as $L.\n", REDACTED)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("$L", text.build())
        .build();
  }

  private static TypeSpec builder(ClassName name, List<Component> components) {
    ClassName builderName = name.nestedClass("Builder");
    TypeSpec.Builder builder = TypeSpec.classBuilder(builderName)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds a {@link $T}; fields left unset are absent.\n", name)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    MethodSpec.Builder copy = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(name, "source");
    List<CodeBlock> arguments = new ArrayList<>();
    String recordName = String.join(".", name.simpleNames());
    for (Component component : components) {
      builder.addField(FieldSpec.builder(component.builderType, component.name, Modifier.PRIVATE).build());
      copy.addStatement("this.$N = source.$N()", component.name, component.name);
      MethodSpec.Builder setter = MethodSpec.methodBuilder(component.name)
          .addModifiers(Modifier.PUBLIC)
          .returns(builderName)
          .addParameter(component.builderType, component.name)
          .addStatement("this.$N = $N", component.name, component.name)
          .addStatement("return this");
      setter.addJavadoc("Sets {@link $T#$N()}.\n", name, component.name);
      if (component.field != null && component.field.deprecated()) {
        setter.addAnnotation(Deprecated.class);
      }
      builder.addMethod(setter.build());
      arguments.add(component.isPrimitive()
          ? CodeBlock.of("$T.required($N, $S, $S)", Checks.class, component.name, recordName, component.name)
          : CodeBlock.of("$N", component.name));
    }
    builder.addMethod(copy.build());
    builder.addMethod(MethodSpec.methodBuilder("build")
        .addJavadoc("The record, checked as its constructor checks it.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(name)
        .addStatement("return new $T($L)", name, CodeBlock.join(arguments, ",$W"))
        .build());
    return builder.build();
  }

  private static List<String> append(List<String> path, String name) {
    List<String> longer = new ArrayList<>(path);
    longer.add(name);
    return longer;
  }
}
