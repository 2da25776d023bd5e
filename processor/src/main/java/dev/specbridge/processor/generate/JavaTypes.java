package dev.specbridge.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.ScalarKind;
import dev.specbridge.processor.model.TypeRef;
import dev.specbridge.runtime.value.Checks;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.value.StringOr;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The Java type of each spec type. */
public final class JavaTypes {
  private static final AnnotationSpec NULLABLE = AnnotationSpec.builder(Nullable.class).build();
  private final String packageName;

  public JavaTypes(String packageName) {
    this.packageName = packageName;
  }

  /** The component type: a primitive for a required int, long or boolean, else a reference type. */
  public TypeName of(TypeRef type, boolean required) {
    TypeName boxed = boxed(type);
    return required && boxed.isBoxedPrimitive() ? boxed.unbox() : boxed;
  }

  public TypeName boxed(TypeRef type) {
    if (type instanceof TypeRef.Scalar scalar) {
      return scalar(scalar.kind());
    }
    if (type instanceof TypeRef.ListOf list) {
      return ParameterizedTypeName.get(ClassName.get(List.class), boxed(list.element()));
    }
    if (type instanceof TypeRef.MapOf map) {
      return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), boxed(map.value()));
    }
    if (type instanceof TypeRef.StringOr union) {
      return ParameterizedTypeName.get(ClassName.get(StringOr.class), boxed(union.value()));
    }
    return className(((TypeRef.Named) type).simpleNames());
  }

  public ClassName className(List<String> simpleNames) {
    return ClassName.get(packageName, simpleNames.get(0),
        simpleNames.subList(1, simpleNames.size()).toArray(new String[0]));
  }

  /** Whether a field's component is a primitive: a required int, long or boolean. */
  public boolean isPrimitive(FieldModel field) {
    return of(field.type(), field.required()).isPrimitive();
  }

  /**
   * {@code value} as a decoder passes it to a record's constructor: for a primitive component, checked first so that
   * a missing required field is an error that names it (as the builder's is), not a {@code NullPointerException}.
   */
  public CodeBlock constructorArgument(FieldModel field, CodeBlock value, String recordName) {
    return isPrimitive(field) ? CodeBlock.of("$T.required($L,$W$S, $S)", Checks.class, value, recordName,
        field.javaName()) : value;
  }

  /** {@code type} marked {@code @Nullable}: absent is {@code null} (the generated types are {@code @NullMarked}). */
  public static TypeName nullable(TypeName type) {
    return type.annotated(NULLABLE);
  }

  public static boolean isCollection(TypeRef type) {
    return type instanceof TypeRef.ListOf || type instanceof TypeRef.MapOf;
  }

  private static TypeName scalar(ScalarKind kind) {
    return switch (kind) {
      case STRING -> ClassName.get(String.class);
      case INT -> ClassName.get(Integer.class);
      case LONG -> ClassName.get(Long.class);
      case DECIMAL -> ClassName.get(BigDecimal.class);
      case BOOLEAN -> ClassName.get(Boolean.class);
      case DATE -> ClassName.get(LocalDate.class);
      case DATETIME -> ClassName.get(LocalDateTime.class);
      case TIMESTAMP -> ClassName.get(Instant.class);
      case JSON -> ClassName.get(RawJson.class);
    };
  }
}
