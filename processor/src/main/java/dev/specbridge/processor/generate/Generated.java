package dev.specbridge.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** The {@code @Generated} annotation every generated type carries. */
public final class Generated {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final String PROCESSOR = "dev.specbridge.processor.SpecProcessor";

  private Generated() {}

  /**
   * {@code @Generated("dev.specbridge.processor.SpecProcessor")}: the spec a file comes from is in its header
   * comment, so the annotation stays one line.
   */
  public static final AnnotationSpec ANNOTATION = AnnotationSpec.builder(GENERATED)
      .addMember("value", "$S", PROCESSOR)
      .build();
}
