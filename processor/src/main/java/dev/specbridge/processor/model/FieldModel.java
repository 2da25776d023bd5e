package dev.specbridge.processor.model;

/**
 * One field of a record.
 *
 * @param wireName the name on the wire, exactly as the API spells it (typos included)
 * @param javaName the record component's name
 * @param example an example value from the documentation, or {@code null}
 * @param deprecation {@code null} when not deprecated, else the reason (possibly empty)
 */
public record FieldModel(
    String wireName,
    String javaName,
    String doc,
    String example,
    TypeRef type,
    boolean required,
    Constraints constraints,
    boolean secret,
    String deprecation) {

  public boolean deprecated() {
    return deprecation != null;
  }
}
