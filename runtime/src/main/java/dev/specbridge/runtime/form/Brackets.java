package dev.specbridge.runtime.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** PHP-style bracket keys ({@code leads[0][id]}) turned into a tree of maps, lists and strings. */
final class Brackets {
  /** PHP's own limit ({@code max_input_nesting_level}); it keeps the trees, and their copies, shallow. */
  static final int MAX_DEPTH = 64;

  private Brackets() {}

  /**
   * The segments after the base name ({@code [0][id]} → {@code 0, id}), or {@code null} if malformed or nested
   * deeper than {@link #MAX_DEPTH} (such a pair is left as it is, a pair no group takes).
   */
  static List<String> path(String name, int from) {
    List<String> path = new ArrayList<>();
    int i = from;
    while (i < name.length()) {
      if (path.size() == MAX_DEPTH) {
        return null;
      }
      if (name.charAt(i) != '[') {
        return null;
      }
      int close = name.indexOf(']', i);
      if (close < 0) {
        return null;
      }
      path.add(name.substring(i + 1, close));
      i = close + 1;
    }
    return path.isEmpty() ? null : path;
  }

  /** The index a key names ({@code 0}, {@code 12}; not {@code 01} or {@code -1}), or {@code null}. */
  private static Integer index(String key) {
    if (key.isEmpty() || key.length() > 9 || (key.length() > 1 && key.charAt(0) == '0')) {
      return null;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        return null;
      }
    }
    return Integer.parseInt(key);
  }

  @SuppressWarnings("unchecked")
  static void put(Map<String, Object> root, List<String> path, String value) {
    Map<String, Object> node = root;
    for (int i = 0; i < path.size(); i++) {
      String key = path.get(i).isEmpty() ? Integer.toString(node.size()) : path.get(i); // "name[]" appends
      if (i == path.size() - 1) {
        node.putIfAbsent(key, value);
      } else {
        Object child = node.get(key);
        if (!(child instanceof Map)) {
          child = new LinkedHashMap<String, Object>();
          node.put(key, child);
        }
        node = (Map<String, Object>) child;
      }
    }
  }

  /**
   * Maps whose keys are all indexes (0, 1, 2…, in any order, with gaps, as PHP's {@code array_filter} leaves
   * them) become lists in index order.
   */
  @SuppressWarnings("unchecked")
  static Object toJsonValue(Object node) {
    if (!(node instanceof Map)) {
      return node;
    }
    Map<String, Object> map = (Map<String, Object>) node;
    TreeMap<Integer, Object> byIndex = new TreeMap<>();
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      Integer index = index(entry.getKey());
      if (index == null) {
        byIndex = null;
        break;
      }
      byIndex.put(index, entry.getValue());
    }
    if (byIndex != null && !byIndex.isEmpty()) {
      List<Object> list = new ArrayList<>();
      byIndex.values().forEach(value -> list.add(toJsonValue(value)));
      return list;
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(key, toJsonValue(value)));
    return copy;
  }
}
