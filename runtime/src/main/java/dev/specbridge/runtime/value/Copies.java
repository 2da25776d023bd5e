package dev.specbridge.runtime.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Immutable copies for record components: absent collections become empty, order is kept, nulls are refused. */
public final class Copies {
  private Copies() {}

  /** An unmodifiable copy of {@code list}; empty for {@code null}. */
  public static <T> List<T> list(List<T> list, String record, String field) {
    if (list == null) {
      return List.of();
    }
    for (T element : list) {
      if (element == null) {
        throw new NullPointerException(record + "." + field + " has a null element");
      }
    }
    return List.copyOf(list);
  }

  /** An unmodifiable copy of {@code map} in its iteration order; empty for {@code null}. */
  public static <V> Map<String, V> map(Map<String, V> map, String record, String field) {
    if (map == null) {
      return Map.of();
    }
    Map<String, V> copy = new LinkedHashMap<>(map.size() * 2);
    for (Map.Entry<String, V> entry : map.entrySet()) {
      if (entry.getKey() == null || entry.getValue() == null) {
        throw new NullPointerException(record + "." + field + " has a null key or value");
      }
      copy.put(entry.getKey(), entry.getValue());
    }
    return Collections.unmodifiableMap(copy);
  }

  /** {@code fields}, or no fields for {@code null}. */
  public static UnknownFields unknown(UnknownFields fields) {
    return Objects.requireNonNullElse(fields, UnknownFields.empty());
  }
}
