package dev.specbridge.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** The {@code @Generated} annotation every generated type carries. */
public final class Generated {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final String PROCESSOR = "dev.specbridge.processor.SpecProcessor";

  private Generated() {}

  public static AnnotationSpec from(String source) {
    return AnnotationSpec.builder(GENERATED)
        .addMember("value", "$S", PROCESSOR)
        .addMember("comments", "$S", "from " + source)
        .build();
  }
}
