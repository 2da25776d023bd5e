package dev.specbridge.processor.load;

import dev.specbridge.processor.diagnostics.Diagnostics;
import dev.specbridge.processor.diagnostics.Location;
import dev.specbridge.processor.diagnostics.Trail;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The load stage: reads a spec file and, when it {@code extends} another, the chain of its bases, and merges
 * them into one tree. Nothing is checked here beyond what reading and merging need.
 */
public final class SpecLoader {
  private final SpecFiles files;
  private final Diagnostics diagnostics;
  private final MergeRules rules;

  public SpecLoader(SpecFiles files, Diagnostics diagnostics, MergeRules rules) {
    this.files = files;
    this.diagnostics = diagnostics;
    this.rules = rules;
  }

  /** The spec at {@code path} merged with its bases, or {@code null} after reporting why it cannot be read. */
  public MapNode load(String path) {
    return load(path, null, new ArrayList<>());
  }

  private MapNode load(String path, Location namedAt, List<String> chain) {
    Location where = namedAt != null ? namedAt : Location.ofFile(path);
    if (chain.contains(path)) {
      diagnostics.error(where, Trail.root(),
          "spec files extend each other in a cycle: " + String.join(" → ", chain) + " → " + path);
      return null;
    }
    String text;
    try {
      text = files.read(path);
    } catch (IOException e) {
      diagnostics.error(where, Trail.root(), "cannot read spec file '" + path + "': " + e.getMessage());
      return null;
    }
    if (text == null) {
      diagnostics.error(where, Trail.root(), "spec file '" + path + "' not found on the class path, the source"
          + " path or among the compiled resources; check the path (it is a resource path such as"
          + " 'apispec/site-service.yaml') and that the file or the jar holding it is on the compile class path");
      return null;
    }
    Node root = YamlReader.read(path, text, diagnostics, rules.sections());
    if (root == null) {
      return null;
    }
    if (!(root instanceof MapNode spec)) {
      diagnostics.error(root.location(), Trail.root(), "a spec file must be a mapping of keys, found " + root.describe());
      return null;
    }
    MapNode.Property extendsProperty = spec.property("extends");
    if (extendsProperty == null) {
      return spec;
    }
    if (!(extendsProperty.value() instanceof ScalarNode basePath) || basePath.isNull()) {
      diagnostics.error(extendsProperty.value().location(), Trail.root().then("extends"),
          "must be the resource path of the base spec, found " + extendsProperty.value().describe());
      return null;
    }
    chain.add(path);
    MapNode base = load(basePath.text(), basePath.location(), chain);
    chain.remove(chain.size() - 1);
    return base == null ? null : new SpecMerger(diagnostics, rules).merge(base, spec);
  }
}
