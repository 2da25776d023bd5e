package dev.specbridge.processor.validate;

import dev.specbridge.processor.diagnostics.Diagnostics;
import dev.specbridge.processor.diagnostics.Suggestions;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.Node;
import dev.specbridge.processor.load.ScalarNode;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * Reads the shape of spec nodes, reporting each mismatch where it was written: what the validator and every
 * protocol read their parts of a spec with.
 */
public final class NodeCheck {
  private final Diagnostics diagnostics;

  public NodeCheck(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public void error(Node node, Trail trail, String message) {
    diagnostics.error(node.location(), trail, message);
  }

  public void error(MapNode.Property property, Trail trail, String message) {
    diagnostics.error(property.keyLocation(), trail, message);
  }

  public int errorCount() {
    return diagnostics.count();
  }

  /** {@code node} as a mapping, or {@code null} after reporting that it is not one. */
  public MapNode map(Node node, Trail trail) {
    if (node instanceof MapNode map) {
      return map;
    }
    error(node, trail, "must be a mapping of keys, found " + node.describe());
    return null;
  }

  /** Reports every key of {@code map} that is not one of {@code allowed}. */
  public void onlyKeys(MapNode map, Trail trail, Collection<String> allowed) {
    for (MapNode.Property property : map.entries()) {
      if (!allowed.contains(property.key())) {
        error(property, trail, "unknown key '" + property.key() + "'"
            + Suggestions.didYouMean(property.key(), allowed) + "; allowed here: " + String.join(", ", allowed));
      }
    }
  }

  /** Whether {@code key} is present and applies; reports it when it is present but does not apply. */
  boolean checkApplies(MapNode map, String key, boolean applies, String typesItAppliesTo, Trail trail) {
    if (!map.has(key)) {
      return false;
    }
    if (!applies) {
      error(map.property(key), trail, "'" + key + "' applies only to " + typesItAppliesTo);
    }
    return applies;
  }

  /** The text of a scalar, or {@code null} when absent or not a scalar (reported). */
  public String text(MapNode map, String key, Trail trail) {
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
  public String requiredText(MapNode map, String key, Trail trail) {
    if (!map.has(key)) {
      error(map, trail, "'" + key + "' is missing");
      return null;
    }
    return text(map, key, trail);
  }

  public boolean flag(MapNode map, String key, Trail trail, boolean absent) {
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

  public BigDecimal number(MapNode map, String key, Trail trail) {
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
  public Integer count(Node node, Trail trail) {
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

  /**
   * The text of {@code key}, which must be one of {@code choices}; {@code null} when absent, or when wrong after
   * reporting it with a did-you-mean.
   */
  public String choice(MapNode map, String key, Trail trail, Collection<String> choices) {
    String text = text(map, key, trail);
    return text == null ? null : choice(map.get(key), text, trail.then(key), choices);
  }

  /** {@code text}, written at {@code node}, if it is one of {@code choices}; else {@code null}, reported. */
  public String choice(Node node, String text, Trail trail, Collection<String> choices) {
    if (choices.contains(text)) {
      return text;
    }
    error(node, trail, "unknown value '" + text + "'" + Suggestions.didYouMean(text, choices) + "; one of "
        + String.join(", ", choices));
    return null;
  }

  private static String describe(Node node) {
    return node instanceof ScalarNode scalar && !scalar.isNull() ? "'" + scalar.text() + "'" : node.describe();
  }
}
