package dev.specbridge.processor.load;

import dev.specbridge.processor.diagnostics.Location;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A YAML mapping with string keys, in the order written. */
public record MapNode(Location location, Map<String, Property> properties) implements Node {
  /** One key of a mapping, where the key was written, and its value. */
  public record Property(String key, Location keyLocation, Node value) {}

  public MapNode {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  public Property property(String key) {
    return properties.get(key);
  }

  /** The value of {@code key}, or {@code null} when the key is absent. */
  public Node get(String key) {
    Property property = properties.get(key);
    return property == null ? null : property.value();
  }

  public boolean has(String key) {
    return properties.containsKey(key);
  }

  public Collection<Property> entries() {
    return properties.values();
  }
}
