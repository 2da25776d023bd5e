package dev.specbridge.processor.load;

import dev.specbridge.processor.diagnostics.Diagnostics;
import dev.specbridge.processor.diagnostics.Trail;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lays an extension over its base spec. An extension may add entries and shared types, and add fields to
 * the entries and types of its base; it may rename the API and replace its doc. Anything else that it
 * redeclares (a field, the protocol, an entry's settings) is a conflict, reported at the extension's line.
 */
final class SpecMerger {
  private static final Set<String> REPLACEABLE = Set.of("api", "doc");

  private final Diagnostics diagnostics;
  private final MergeRules rules;
  /** What an extension may add to an entry its base declares: fields, directly or in a body. */
  private final Set<String> addable;

  SpecMerger(Diagnostics diagnostics, MergeRules rules) {
    this.diagnostics = diagnostics;
    this.rules = rules;
    Set<String> keys = new HashSet<>(rules.bodies());
    keys.add("fields");
    this.addable = Set.copyOf(keys);
  }

  MapNode merge(MapNode base, MapNode extension) {
    Map<String, MapNode.Property> merged = new LinkedHashMap<>(base.properties());
    for (MapNode.Property property : extension.entries()) {
      String key = property.key();
      MapNode.Property inBase = base.property(key);
      if (key.equals("extends") || (inBase != null && isEmpty(property.value()))) {
        continue; // an empty section adds nothing
      }
      if (inBase == null || REPLACEABLE.contains(key)) {
        merged.put(key, property);
      } else if (rules.sections().containsKey(key)) {
        merged.put(key, mergeSection(inBase, property));
      } else if (!sameScalar(inBase.value(), property.value())) {
        conflict(property, Trail.root().then(key), inBase, "an extension takes '" + key + "' from its base spec");
      }
    }
    return new MapNode(base.location(), merged);
  }

  private MapNode.Property mergeSection(MapNode.Property base, MapNode.Property extension) {
    MapNode baseEntries = asMap(base);
    if (baseEntries == null || !(extension.value() instanceof MapNode added)) {
      return extension; // the validator reports the wrong shape
    }
    String singular = rules.sections().get(base.key());
    Map<String, MapNode.Property> merged = new LinkedHashMap<>(baseEntries.properties());
    for (MapNode.Property entry : added.entries()) {
      MapNode.Property inBase = baseEntries.property(entry.key());
      merged.put(entry.key(), inBase == null ? entry : mergeEntry(inBase, entry, Trail.root().then(singular, entry.key())));
    }
    return new MapNode.Property(base.key(), base.keyLocation(), new MapNode(baseEntries.location(), merged));
  }

  /** An entry or shared type both files declare: the extension may only add fields, to it or to its bodies. */
  private MapNode.Property mergeEntry(MapNode.Property base, MapNode.Property extension, Trail trail) {
    if (isEmpty(extension.value())) {
      return base;
    }
    MapNode baseEntry = asMap(base);
    if (baseEntry == null || !(extension.value() instanceof MapNode added)) {
      conflict(extension, trail, base, "is already declared in the base spec; an extension can only add fields to it");
      return base;
    }
    Map<String, MapNode.Property> merged = new LinkedHashMap<>(baseEntry.properties());
    for (MapNode.Property property : added.entries()) {
      MapNode.Property inBase = baseEntry.property(property.key());
      if (inBase == null && !addable.contains(property.key())) {
        conflict(property, trail.then(property.key()), base,
            "an extension can add fields to what its base declares, but not set '" + property.key() + "'");
      } else if (inBase == null) {
        merged.put(property.key(), property);
      } else if (property.key().equals("fields")) {
        merged.put(property.key(), mergeFields(inBase, property, trail));
      } else if (asMap(inBase) != null && property.value() instanceof MapNode) {
        merged.put(property.key(), mergeEntry(inBase, property, trail.then(property.key())));
      } else if (!sameScalar(inBase.value(), property.value())) {
        conflict(property, trail.then(property.key()), inBase,
            "an extension can add fields but not change '" + property.key() + "'");
      }
    }
    return new MapNode.Property(base.key(), base.keyLocation(), new MapNode(baseEntry.location(), merged));
  }

  private MapNode.Property mergeFields(MapNode.Property base, MapNode.Property extension, Trail trail) {
    if (isEmpty(extension.value())) {
      return base;
    }
    MapNode baseFields = asMap(base);
    if (baseFields == null) {
      return base; // the validator reports the base's wrong shape
    }
    if (!(extension.value() instanceof MapNode added)) {
      conflict(extension, trail.then("fields"), base, "must be a mapping of field names to types, found "
          + extension.value().describe());
      return base;
    }
    Map<String, MapNode.Property> merged = new LinkedHashMap<>(baseFields.properties());
    for (MapNode.Property field : added.entries()) {
      MapNode.Property inBase = baseFields.property(field.key());
      if (inBase != null) {
        conflict(field, trail.then("field", field.key()), inBase, "is already declared in the base spec");
      } else {
        merged.put(field.key(), field);
      }
    }
    return new MapNode.Property(base.key(), base.keyLocation(), new MapNode(baseFields.location(), merged));
  }

  private void conflict(MapNode.Property extension, Trail trail, MapNode.Property base, String message) {
    diagnostics.error(extension.keyLocation(), trail, message + " (base: " + base.keyLocation() + ")");
  }

  /** A mapping, or a key written with no value ({@code ping:}), read as an empty mapping. */
  private static MapNode asMap(MapNode.Property property) {
    if (property.value() instanceof MapNode map) {
      return map;
    }
    return isEmpty(property.value()) ? new MapNode(property.keyLocation(), Map.of()) : null;
  }

  private static boolean isEmpty(Node node) {
    return node instanceof ScalarNode scalar && scalar.isNull();
  }

  private static boolean sameScalar(Node a, Node b) {
    return a instanceof ScalarNode x && b instanceof ScalarNode y && Objects.equals(x.text(), y.text());
  }
}
