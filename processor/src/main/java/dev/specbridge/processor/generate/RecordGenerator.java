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
import dev.specbridge.processor.model.RecordModel;
import dev.specbridge.processor.model.ScalarKind;
import dev.specbridge.processor.model.TypeRef;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.runtime.value.Checks;
import dev.specbridge.runtime.value.Copies;
import dev.specbridge.runtime.value.UnknownFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Writes one record of the model: components with Javadoc, a compact constructor that checks required
 * fields and constraints and copies collections, a builder and {@code toBuilder()}, a {@code toString()} that
 * hides secrets, the codec of each wire format it travels in, and its inline types nested inside it.
 */
final class RecordGenerator {
  private static final String UNKNOWN = "unknownFields";
  private static final String REDACTED = "██";

  private final JavaTypes types;
  private final RecordIndex records;
  private final Map<WireFormat, CodecGenerator> codecs;
  private final Set<WireFormat> valueFormats;
  private final EnumGenerator enums;

  /**
   * @param codecs the codec generator of each wire format
   * @param valueFormats the formats a record travels in inside another value: those of the API that nest
   */
  RecordGenerator(ApiTypes apiTypes, Map<WireFormat, CodecGenerator> codecs,
      Set<WireFormat> valueFormats) {
    this.types = apiTypes.java();
    this.records = apiTypes.records();
    this.codecs = codecs;
    this.valueFormats = valueFormats;
    this.enums = new EnumGenerator();
  }

  /**
   * A record, with the codecs of {@code formats}; its nested records get the value formats.
   *
   * @param superinterfaces what it implements besides, e.g. the sealed family of a webhook's notifications
   * @param protocolConstants constants its protocol declares on it (a command's {@code COMMAND})
   * @param protocolMethods methods its protocol declares on it (a notification's {@code toMessage()})
   */
  TypeSpec generate(RecordModel model, List<String> path, String extraDoc, List<ClassName> superinterfaces,
      Set<WireFormat> formats, List<FieldSpec> protocolConstants, List<MethodSpec> protocolMethods) {
    ClassName name = types.className(path);
    ClassConstants constants = new ClassConstants();
    protocolConstants.forEach(constant -> constants.claim(constant.name()));
    List<Component> components = components(model, constants);

    TypeSpec.Builder record = TypeSpec.recordBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterfaces(superinterfaces)
        .addAnnotations(Generated.on(name))
        .addJavadoc("$L", javadoc(model, components, extraDoc))
        .recordConstructor(constructor(model, name, components))
        .addFields(protocolConstants);
    for (Component component : components) {
      addConstraintConstants(constants, component);
    }
    record.addMethod(MethodSpec.methodBuilder("builder")
        .addJavadoc("{@return a builder with no field set}\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(name.nestedClass("Builder"))
        .addStatement("return new Builder()")
        .build());
    record.addMethod(MethodSpec.methodBuilder("toBuilder")
        .addJavadoc("{@return a builder that starts from this record's values}\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(name.nestedClass("Builder"))
        .addStatement("return $L", copy(components))
        .build());
    for (Component component : components) {
      if (component.field != null && component.field.deprecated()) {
        record.addMethod(deprecatedAccessor(component));
      }
    }
    if (components.stream().anyMatch(c -> c.field != null && c.field.secret())) {
      record.addMethod(redactingToString(name, components));
    }
    RecordIndex.Entry entry = records.get(path);
    for (WireFormat format : WireFormat.values()) {
      if (formats.contains(format)) {
        codecs.get(format).addTo(record, entry, constants);
      }
    }
    record.addMethods(protocolMethods);
    record.addFields(constants.fields());
    record.addType(builder(name, components));
    for (RecordModel inner : model.records()) {
      record.addType(generate(inner, append(path, inner.javaName()), null, List.of(), valueFormats, List.of(),
          List.of()));
    }
    for (EnumModel nested : model.enums()) {
      record.addType(enums.generate(nested, name.nestedClass(nested.javaName())));
    }
    return record.build();
  }

  /**
   * A record component: a spec field, or the kept unknown fields ({@code field == null}), with the names of its
   * constraint constants.
   */
  /**
   * @param type the component's type: {@code @Nullable} when the field is optional (a collection never is: it is
   *     empty when absent)
   * @param builderType the type its builder setter takes: {@code @Nullable} unless a value is required
   */
  private record Component(FieldModel field, String name, TypeName type, TypeName builderType, Limits limits) {
    boolean isPrimitive() {
      return type.isPrimitive();
    }
  }

  /**
   * The names of a field's static constraint constants ({@code null} where it has none), claimed in the class so
   * that they collide with no other ({@code userID} and {@code userId} would both give {@code USER_ID_PATTERN}).
   */
  private record Limits(String pattern, String min, String max) {}

  private static Limits constants(FieldModel field, ClassConstants constants) {
    Constraints constraints = field.constraints();
    boolean decimal = isDecimal(field);
    return new Limits(constraints.pattern() == null ? null : constants.claim(field.javaName(), "PATTERN"),
        decimal && constraints.min() != null ? constants.claim(field.javaName(), "MIN") : null,
        decimal && constraints.max() != null ? constants.claim(field.javaName(), "MAX") : null);
  }

  private List<Component> components(RecordModel model, ClassConstants constants) {
    List<Component> components = new ArrayList<>();
    for (FieldModel field : model.fields()) {
      TypeName type = types.of(field.type(), field.required());
      boolean collection = JavaTypes.isCollection(field.type());
      TypeName boxed = type.isPrimitive() ? type.box() : type;
      components.add(new Component(field, field.javaName(), field.required() || collection || type.isPrimitive()
          ? type : JavaTypes.nullable(type), field.required() && !collection ? boxed : JavaTypes.nullable(boxed),
          constants(field, constants)));
    }
    if (model.keepsUnknown()) {
      TypeName unknown = ClassName.get(UnknownFields.class);
      components.add(new Component(null, UNKNOWN, unknown, JavaTypes.nullable(unknown), null));
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
    StringBuilder doc = new StringBuilder("The record, checked: a required field must be there and every field keep"
        + " its spec's rules (an {@link IllegalArgumentException} names the field); lists and maps are copied.\n\n");
    components.forEach(component -> doc.append("@param ").append(component.name).append(" the field's value\n"));
    constructor.addJavadoc("$L", doc);
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

  private static void addConstraintConstants(ClassConstants constants, Component component) {
    if (component.field == null) {
      return;
    }
    Constraints constraints = component.field.constraints();
    Limits limits = component.limits;
    if (limits.pattern() != null) {
      constants.add(FieldSpec.builder(Pattern.class, limits.pattern(), Modifier.PRIVATE, Modifier.STATIC,
              Modifier.FINAL)
          .initializer("$T.compile($S)", Pattern.class, constraints.pattern())
          .build());
    }
    if (limits.min() != null) {
      constants.add(decimalConstant(limits.min(), constraints.min()));
    }
    if (limits.max() != null) {
      constants.add(decimalConstant(limits.max(), constraints.max()));
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
    Limits limits = component.limits;
    CodeBlock shown = field.secret() ? CodeBlock.of("null") : CodeBlock.of("$N", name);
    String present = component.isPrimitive() ? "" : name + " != null && ";
    if (isDecimal(field)) {
      if (constraints.min() != null) {
        check(constructor, present + name + ".compareTo(" + limits.min() + ") < 0", recordName, name,
            "must be at least " + constraints.min().toPlainString(), shown);
      }
      if (constraints.max() != null) {
        check(constructor, present + name + ".compareTo(" + limits.max() + ") > 0", recordName, name,
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
      check(constructor, present + "!" + limits.pattern() + ".matcher(" + name + ").matches()", recordName, name,
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
    List<CodeBlock> arguments = new ArrayList<>();
    String recordName = String.join(".", name.simpleNames());
    for (Component component : components) {
      builder.addField(FieldSpec.builder(JavaTypes.nullable(component.builderType.withoutAnnotations()),
          component.name, Modifier.PRIVATE).build());
      MethodSpec.Builder setter = MethodSpec.methodBuilder(component.name)
          .addModifiers(Modifier.PUBLIC)
          .returns(builderName)
          .addParameter(component.builderType, component.name)
          .addStatement("this.$N = $N", component.name, component.name)
          .addStatement("return this");
      setter.addJavadoc("{@return this builder, with {@link $T#$N()} set}\n@param $N the value\n", name, component.name,
          component.name);
      if (component.field != null && component.field.deprecated()) {
        setter.addAnnotation(Deprecated.class);
      }
      builder.addMethod(setter.build());
      arguments.add(component.isPrimitive()
          ? CodeBlock.of("$T.required($N, $S, $S)", Checks.class, component.name, recordName, component.name)
          : CodeBlock.of("$N", component.name));
    }
    builder.addMethod(MethodSpec.methodBuilder("build")
        .addJavadoc("{@return the record, checked as its constructor checks it}\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(name)
        .addStatement("return new $T($L)", name, CodeBlock.join(arguments, ",$W"))
        .build());
    return builder.build();
  }

  /** {@code builder().a(a).b(b)…}: a builder with every component of this record set. */
  private static CodeBlock copy(List<Component> components) {
    CodeBlock.Builder copy = CodeBlock.builder().add("builder()");
    for (Component component : components) {
      copy.add("$Z.$N($N)", component.name, component.name);
    }
    return copy.build();
  }

  private static List<String> append(List<String> path, String name) {
    List<String> longer = new ArrayList<>(path);
    longer.add(name);
    return longer;
  }
}
