package dev.specbridge.processor.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command, notification type, CRM object or message.
 *
 * @param singular the word for one entry of its section, for paths and docs ({@code command}, {@code message})
 * @param documented false when the API's documentation does not publish this entry's fields: its records
 *     then hold only what is known, and everything else travels as unknown fields
 * @param javaName the base of its Java names, e.g. {@code CreateLead} (the spec's {@code java:}, or the PascalCase
 *     of the wire name)
 * @param options the entry's protocol options, as its protocol typed them
 * @param bodies the records of this entry, keyed by body name ({@code request}, {@code response},
 *     {@code data}, {@code payload}, or {@code object} for an entry that is its own body)
 */
public record EntryModel(
    String singular,
    String wireName,
    String javaName,
    String doc,
    boolean documented,
    EntryOptions options,
    Map<String, RecordModel> bodies) {

  /** The body name of an entry that is its own body (a CRM object). */
  public static final String SELF = "object";

  public EntryModel {
    bodies = Collections.unmodifiableMap(new LinkedHashMap<>(bodies));
  }

  public List<RecordModel> records() {
    return List.copyOf(bodies.values());
  }

  /** The record of one body. */
  public RecordModel body(String name) {
    return bodies.get(name);
  }

  /** The options, as the type its protocol gave them. */
  public <T extends EntryOptions> T options(Class<T> type) {
    return type.cast(options);
  }

  /** The name of this entry's method in a generated client or handler: {@code CreateLead} → {@code createLead}. */
  public String methodName() {
    return methodName(javaName);
  }

  /** The method name for an entry whose Java names start with {@code javaName}. */
  public static String methodName(String javaName) {
    return javaName.isEmpty() ? "" : Character.toLowerCase(javaName.charAt(0)) + javaName.substring(1);
  }
}
