package dev.specbridge.runtime.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /** Maps whose keys are exactly 0, 1, 2… become lists. */
  @SuppressWarnings("unchecked")
  static Object toJsonValue(Object node) {
    if (!(node instanceof Map)) {
      return node;
    }
    Map<String, Object> map = (Map<String, Object>) node;
    boolean isList = !map.isEmpty();
    int expected = 0;
    for (String key : map.keySet()) {
      if (!key.equals(Integer.toString(expected++))) {
        isList = false;
        break;
      }
    }
    if (isList) {
      List<Object> list = new ArrayList<>();
      map.values().forEach(value -> list.add(toJsonValue(value)));
      return list;
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(key, toJsonValue(value)));
    return copy;
  }
}
