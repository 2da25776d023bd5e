package dev.specbridge.processor.protocol;

import java.util.List;

/**
 * The section of a spec that lists a protocol's entries, and the shape of one entry.
 *
 * @param key the spec's top-level key ({@code commands})
 * @param singular the word for one entry in paths and docs ({@code command})
 * @param bodies the keys of an entry that hold a body, each giving a record; empty when the entry is its own body
 * @param selfDoc for an entry that is its own body, how its record's doc starts ({@code The CRM object})
 * @param optionKeys the keys of an entry that the protocol reads as options ({@code idempotent})
 * @param methods whether each entry becomes a method of a generated client or handler (so its name must make one)
 * @param fieldsOnly whether a body must be a set of fields, never one value ({@code type: list}): true where the
 *     wire has no place for a bare value, as in name-value pairs
 */
public record EntrySection(
    String key,
    String singular,
    List<Body> bodies,
    String selfDoc,
    List<String> optionKeys,
    boolean methods,
    boolean fieldsOnly) {

  /**
   * One body of an entry.
   *
   * @param name the entry's key that holds it ({@code request})
   * @param recordSuffix the suffix of its record's name ({@code CreateLead} + {@code Request})
   * @param doc how its record's doc starts, before the entry's wire name ({@code The request of the command})
   */
  public record Body(String name, String recordSuffix, String doc) {}

  public EntrySection {
    bodies = List.copyOf(bodies);
    optionKeys = List.copyOf(optionKeys);
  }

  /** Whether an entry is its own body (its fields stand in the entry itself), as a CRM object is. */
  public boolean isSelfBody() {
    return bodies.isEmpty();
  }
}
