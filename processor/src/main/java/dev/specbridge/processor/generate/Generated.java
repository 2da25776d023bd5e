package dev.specbridge.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/** The annotations every generated type carries. */
public final class Generated {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final String PROCESSOR = "dev.specbridge.processor.SpecProcessor";

  private Generated() {}

  /**
   * {@code @Generated("dev.specbridge.processor.SpecProcessor")}: the spec a file comes from is in its header
   * comment, so the annotation stays one line.
   */
  private static final AnnotationSpec ANNOTATION = AnnotationSpec.builder(GENERATED)
      .addMember("value", "$S", PROCESSOR)
      .build();
  private static final AnnotationSpec NULL_MARKED = AnnotationSpec.builder(NullMarked.class).build();

  /**
   * The annotations of the generated type {@code name}: {@code @Generated}, and on a top-level type
   * {@code @NullMarked}, so that what may be absent says {@code @Nullable} and nothing else is ever null.
   */
  public static List<AnnotationSpec> on(ClassName name) {
    return name.enclosingClassName() == null ? List.of(ANNOTATION, NULL_MARKED) : List.of(ANNOTATION);
  }
}
