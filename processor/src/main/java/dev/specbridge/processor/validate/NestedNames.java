package dev.specbridge.processor.validate;

import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.Node;
import dev.specbridge.processor.model.EnumModel;
import dev.specbridge.processor.model.Names;
import dev.specbridge.processor.model.RecordModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of the types generated inside records, for inline objects and enums. Such a name must not hide
 * anything the generated code refers to by its simple name: the record it is declared in, a type the code
 * imports, another nested type of the same record or a shared type. Every name taken is remembered, so that the
 * validator can check it against the top-level names once it knows all of them.
 */
final class NestedNames {
  private final NodeCheck check;
  private final Set<String> sharedTypes;
  private final List<NestedType> nestedTypes = new ArrayList<>();

  /** A type generated inside a record, with where it was declared. */
  record NestedType(String javaName, Node node, Trail trail) {}

  /** Where nested types of one record go, and the names they take. */
  static final class Scope {
    final List<String> path;
    final List<RecordModel> records = new ArrayList<>();
    final List<EnumModel> enums = new ArrayList<>();
    private final Set<String> nestedNames = new HashSet<>();

    Scope(List<String> path) {
      this.path = path;
    }

    /** The simple name of the record. */
    String name() {
      return path.get(path.size() - 1);
    }

    List<String> pathTo(String name) {
      List<String> names = new ArrayList<>(path);
      names.add(name);
      return names;
    }
  }

  NestedNames(NodeCheck check, Set<String> sharedTypes) {
    this.check = check;
    this.sharedTypes = sharedTypes;
  }

  /** Every nested type declared so far. */
  List<NestedType> nestedTypes() {
    return nestedTypes;
  }

  /** Whether {@code javaName} is free in {@code scope}, and then takes it; else reports why not, at {@code def}. */
  boolean claim(String javaName, Scope scope, MapNode def, Trail trail) {
    String problem = Names.problem(javaName);
    if (problem == null && scope.path.contains(javaName)) {
      problem = "'" + javaName + "' is the name of the type it is declared in";
    }
    if (problem == null && Names.RESERVED_TYPES.contains(javaName)) {
      problem = "'" + javaName + "' is a type name the generated code already uses";
    }
    if (problem == null && scope.nestedNames.contains(javaName)) {
      problem = "'" + javaName + "' is taken by another type declared in " + scope.name();
    }
    if (problem == null && sharedTypes.contains(javaName)) {
      problem = "'" + javaName + "' is also a shared type, which it would hide";
    }
    if (problem != null) {
      check.error(def, trail, problem(problem));
      return false;
    }
    scope.nestedNames.add(javaName);
    nestedTypes.add(new NestedType(javaName, def, trail));
    return true;
  }

  /** The message for a nested type whose name cannot be used, for the reason {@code problem}. */
  static String problem(String problem) {
    return "the nested type's name " + problem + "; give it a 'name:'";
  }
}
