package dev.specbridge.processor.validate;

import dev.specbridge.processor.diagnostics.Diagnostics;
import dev.specbridge.processor.diagnostics.Suggestions;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.Node;
import dev.specbridge.processor.load.ScalarNode;
import java.math.BigDecimal;
import java.util.Collection;

/** Reads the shape of spec nodes, reporting each mismatch where it was written. */
final class NodeCheck {
  private final Diagnostics diagnostics;

  NodeCheck(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void error(Node node, Trail trail, String message) {
    diagnostics.error(node.location(), trail, message);
  }

  void error(MapNode.Property property, Trail trail, String message) {
    diagnostics.error(property.keyLocation(), trail, message);
  }

  int errorCount() {
    return diagnostics.count();
  }

  /** {@code node} as a mapping, or {@code null} after reporting that it is not one. */
  MapNode map(Node node, Trail trail) {
    if (node instanceof MapNode map) {
      return map;
    }
    error(node, trail, "must be a mapping of keys, found " + node.describe());
    return null;
  }

  /** Reports every key of {@code map} that is not one of {@code allowed}. */
  void onlyKeys(MapNode map, Trail trail, Collection<String> allowed) {
    for (MapNode.Property property : map.entries()) {
      if (!allowed.contains(property.key())) {
        error(property, trail, "unknown key '" + property.key() + "'"
            + Suggestions.didYouMean(property.key(), allowed) + "; allowed here: " + String.join(", ", allowed));
      }
    }
  }

  /** The text of a scalar, or {@code null} when absent or not a scalar (reported). */
  String text(MapNode map, String key, Trail trail) {
    Node node = map.get(key);
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      return scalar.text();
    }
    error(node, trail.then(key), "must be a single value, found " + node.describe());
    return null;
  }

  /** The text of a scalar that must be present. */
  String requiredText(MapNode map, String key, Trail trail) {
    if (!map.has(key)) {
      error(map, trail, "'" + key + "' is missing");
      return null;
    }
    return text(map, key, trail);
  }

  boolean flag(MapNode map, String key, Trail trail, boolean absent) {
    String text = text(map, key, trail);
    if (text == null) {
      return absent;
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    error(map.get(key), trail.then(key), "must be true or false, found '" + text + "'");
    return absent;
  }

  BigDecimal number(MapNode map, String key, Trail trail) {
    String text = text(map, key, trail);
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      error(map.get(key), trail.then(key), "must be a number, found '" + text + "'");
      return null;
    }
  }

  /** A whole number of at least zero, or {@code null}. */
  Integer count(Node node, Trail trail) {
    if (node instanceof ScalarNode scalar && scalar.text() != null) {
      try {
        int value = Integer.parseInt(scalar.text());
        if (value >= 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    error(node, trail, "must be a whole number of at least 0, found " + describe(node));
    return null;
  }

  private static String describe(Node node) {
    return node instanceof ScalarNode scalar && !scalar.isNull() ? "'" + scalar.text() + "'" : node.describe();
  }
}
