package dev.specbridge.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates the typed API that a YAML spec describes into the annotated package.
 *
 * <p>Put it on a {@code package-info.java}:
 *
 * <pre>{@code
 * @ApiSpec("apispec/site-service.yaml")
 * package com.example.dealer;
 * }</pre>
 *
 * <p>The path is a resource path, looked up on the compile class path (so a spec bundled in a jar such as
 * {@code specbridge-api-spec} is found there), then on the source path, then among the compiled resources
 * (a project's own {@code src/main/resources}). The annotation is needed only while compiling.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
@Repeatable(ApiSpecs.class)
public @interface ApiSpec {
  /** Resource path of the spec file, for example {@code apispec/site-service.yaml}. */
  String value();
}
