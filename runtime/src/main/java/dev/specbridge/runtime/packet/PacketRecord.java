package dev.specbridge.runtime.packet;

import dev.specbridge.runtime.form.FormReader;
import dev.specbridge.runtime.form.FormSink;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A record of an answer: its action ({@code processed}, {@code conflict}, {@code delete}, {@code select}…) and its
 * fields, one element each in the order of the transaction's {@code <meta>}, as name and text.
 *
 * @param action what the server did, or {@code null} when it did not say
 * @param fields each field's element name and text, in order ({@code ""} for an empty element); empty when the
 *     record was read typed
 * @param value the record read by its object's generated reader ({@code Account.readXml}), or {@code null} when
 *     the client knew no reader for its record set
 */
public record PacketRecord(String action, List<Map.Entry<String, String>> fields, Object value) {
  /** A successful insert or update. */
  public static final String PROCESSED = "processed";
  /** An update whose {@code modified} was not the current one (a sync client's login): nothing was changed. */
  public static final String CONFLICT = "conflict";
  /** A deletion. */
  public static final String DELETE = "delete";
  /** A selected record. */
  public static final String SELECT = "select";

  public PacketRecord {
    fields = List.copyOf(fields);
  }

  /** A record read as its fields' texts. */
  public PacketRecord(String action, List<Map.Entry<String, String>> fields) {
    this(action, fields, null);
  }

  /**
   * A record whose fields {@code fields} writes ({@code out -> Account.writeForm(out, account)}): what a server's
   * handler answers, every field the object has, the endpoint keeping those the transaction's meta names.
   */
  public static PacketRecord written(String action, Consumer<FormSink> fields) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    fields.accept((name, value) -> {
      if (value != null) {
        pairs.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
      }
    });
    return new PacketRecord(action, pairs);
  }

  /** The record read typed, as {@code type}. */
  public <T> T value(Class<T> type) {
    if (value == null) {
      throw new IllegalStateException("the record was not read typed: its record set had no reader");
    }
    return type.cast(value);
  }

  /** The text of the first field named {@code name}, or {@code null}. */
  public String get(String name) {
    for (Map.Entry<String, String> field : fields) {
      if (field.getKey().equals(name)) {
        return field.getValue();
      }
    }
    return null;
  }

  /**
   * The record read by a generated record's name-value reader ({@code Account::readForm}): each field a pair,
   * an empty element an absent value, every field it does not declare kept among its unknown fields.
   */
  public <T> T as(Function<FormReader, T> reader) {
    Objects.requireNonNull(reader, "reader");
    return reader.apply(FormReader.of(fields.stream().filter(field -> !field.getValue().isEmpty()).toList()));
  }
}
