package dev.specbridge.processor.generate;

import com.palantir.javapoet.ClassName;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import java.util.List;

/**
 * The Java names of one API's generated code, for every generator: the package, the records by path, and the
 * API-level types named after the API ({@code SiteService} + {@code Client}).
 */
public final class ApiTypes {
  private final ApiModel api;
  private final JavaTypes java;
  private final RecordIndex records;

  public ApiTypes(String packageName, ApiModel api) {
    this.api = api;
    this.java = new JavaTypes(packageName);
    this.records = new RecordIndex(api, java);
  }

  /** The Java type of each spec type. */
  public JavaTypes java() {
    return java;
  }

  /** Every record of the API, by path. */
  public RecordIndex records() {
    return records;
  }

  /** A top-level type of the API's package. */
  public ClassName named(String simpleName) {
    return java.className(List.of(simpleName));
  }

  /** An API-level type: the API's Java name plus {@code suffix} ({@code SiteService} + {@code Client}). */
  public ClassName api(String suffix) {
    return named(api.javaName() + suffix);
  }

  /** The record of one body of an entry ({@code CreateLeadRequest}). */
  public ClassName body(EntryModel entry, String body) {
    return named(entry.body(body).javaName());
  }
}
