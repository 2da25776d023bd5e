package dev.specbridge.runtime.value;

import dev.specbridge.runtime.wire.WireFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The fields a server sent that the spec does not declare, kept in arrival order so that nothing is lost.
 *
 * <p>Each entry holds the wire name, the raw wire text of the value and the {@link WireFormat} of that text: the
 * decoded string for name-value pairs ({@link WireFormat#TEXT}), the JSON text for JSON ({@link WireFormat#JSON},
 * so a string keeps its quotes), the XML text for XML ({@link WireFormat#XML}). The format says how to write the
 * value back in another format: a text entry written as JSON becomes a JSON string, a JSON string written as a
 * name-value pair its decoded text. A name may repeat. Two records that differ only in their unknown fields are
 * not equal; neither are two entries with the same text in different formats ({@code 3} as text and as JSON).
 */
public final class UnknownFields {
  private static final UnknownFields EMPTY = new UnknownFields(List.of());

  /** One undeclared field: its wire name, its raw wire text and the format of that text. */
  public record Entry(String name, String raw, WireFormat format) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(raw, "raw");
      Objects.requireNonNull(format, "format");
    }

    /** A field that came as decoded text ({@link WireFormat#TEXT}), as name-value pairs carry it. */
    public Entry(String name, String raw) {
      this(name, raw, WireFormat.TEXT);
    }
  }

  private final List<Entry> entries;

  private UnknownFields(List<Entry> entries) {
    this.entries = entries;
  }

  /** No unknown fields. */
  public static UnknownFields empty() {
    return EMPTY;
  }

  /** The given entries, in the given order. */
  public static UnknownFields of(List<Entry> entries) {
    return entries.isEmpty() ? EMPTY : new UnknownFields(List.copyOf(entries));
  }

  /** A copy with one more entry at the end, a value as decoded text ({@link WireFormat#TEXT}). */
  public UnknownFields with(String name, String raw) {
    return with(name, raw, WireFormat.TEXT);
  }

  /**
   * A copy with one more entry at the end, whose {@code raw} text is in {@code format}: for
   * {@link WireFormat#JSON}, one JSON value ({@code "\"red\""} for the string {@code red}).
   */
  public UnknownFields with(String name, String raw, WireFormat format) {
    List<Entry> more = new ArrayList<>(entries.size() + 1);
    more.addAll(entries);
    more.add(new Entry(name, raw, format));
    return new UnknownFields(Collections.unmodifiableList(more));
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /** All entries in arrival order. */
  public List<Entry> entries() {
    return entries;
  }

  /** The distinct names in arrival order. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (Entry entry : entries) {
      names.add(entry.name());
    }
    return Collections.unmodifiableSet(names);
  }

  /** The raw text of the first entry with this name, or {@code null} when there is none. */
  public String get(String name) {
    for (Entry entry : entries) {
      if (entry.name().equals(name)) {
        return entry.raw();
      }
    }
    return null;
  }

  /**
   * The first entry with this name as text, whatever format it came in: a pair's text as it is, a JSON string
   * decoded ({@code "red"} gives {@code red}, as a bracket group's member {@code vehicles[0][color]=red} reads), a
   * JSON number or boolean as written, an object or array as its JSON, JSON {@code null} as {@code null};
   * {@code null} when there is no such entry.
   */
  public String text(String name) {
    for (Entry entry : entries) {
      if (entry.name().equals(name)) {
        String raw = entry.raw();
        if (entry.format() != WireFormat.JSON) {
          return raw;
        }
        String value = raw.strip();
        return value.equals("null") ? null : value.startsWith("\"") ? jsonString(value) : value;
      }
    }
    return null;
  }

  /** A JSON string literal's text; the literal was checked as JSON when it was read. */
  private static String jsonString(String literal) {
    StringBuilder text = new StringBuilder(literal.length());
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c != '\\') {
        text.append(c);
        continue;
      }
      char escaped = literal.charAt(++i);
      switch (escaped) {
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        case 't' -> text.append('\t');
        case 'u' -> {
          text.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> text.append(escaped); // " \ /
      }
    }
    return text.toString();
  }

  /** The raw texts of every entry with this name, in arrival order. */
  public List<String> getAll(String name) {
    List<String> values = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.name().equals(name)) {
        values.add(entry.raw());
      }
    }
    return Collections.unmodifiableList(values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UnknownFields that && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (Entry entry : entries) {
      if (text.length() > 1) {
        text.append(", ");
      }
      // a credential the server sent back is kept, and readable with get(), but never printed
      text.append(entry.name()).append('=').append(Redaction.isCredential(entry.name()) ? Redaction.HIDDEN
          : Redaction.shown(entry.raw()));
    }
    return Redaction.cut(text.append('}').toString());
  }
}
