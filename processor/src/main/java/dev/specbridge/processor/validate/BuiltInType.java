package dev.specbridge.processor.validate;

import dev.specbridge.processor.model.ScalarKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The type names of the spec language itself, in one table, so that what a field may name, what a shared type
 * cannot be named and what a misspelt type name is matched against cannot drift apart. The scalars are the
 * {@link ScalarKind}s; the others are the constants here, each with the key that gives what it is made of.
 */
enum BuiltInType {
  OBJECT("object", "fields", "fields"),
  ENUM("enum", "values", "values"),
  LIST("list", "of", "elements"),
  CSV("csv", "of", "elements"),
  MAP("map", "of", "values"),
  STRING_OR("string-or", "of", "structured value");

  private static final SortedSet<String> NAMES = sortedNames();

  private final String specName;
  private final String contentKey;
  private final String contentName;

  BuiltInType(String specName, String contentKey, String contentName) {
    this.specName = specName;
    this.contentKey = contentKey;
    this.contentName = contentName;
  }

  String specName() {
    return specName;
  }

  /** The key a value of this type cannot go without: {@code fields}, {@code values} or {@code of}. */
  String contentKey() {
    return contentKey;
  }

  /** What {@link #contentKey()} describes, such as the elements of a list or the structured value of a string-or. */
  String contentName() {
    return contentName;
  }

  /** Whether this type holds values of one other type, the type given by {@code of}. */
  boolean isContainer() {
    return contentKey.equals("of");
  }

  /** The built-in type called {@code name} that is not a scalar, or {@code null}. */
  static BuiltInType named(String name) {
    for (BuiltInType type : values()) {
      if (type.specName.equals(name)) {
        return type;
      }
    }
    return null;
  }

  /** Whether {@code name} is a type of the spec language itself, which a shared type cannot be named. */
  static boolean isBuiltIn(String name) {
    return NAMES.contains(name);
  }

  /** Every built-in type name, scalars included, sorted: what a misspelt type name is matched against. */
  static SortedSet<String> names() {
    return NAMES;
  }

  /** The names of the containers, as "list, csv, map and string-or": what {@code of} applies to. */
  static String containerNames() {
    List<String> names = new ArrayList<>();
    for (BuiltInType type : values()) {
      if (type.isContainer()) {
        names.add(type.specName);
      }
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  private static SortedSet<String> sortedNames() {
    SortedSet<String> names = new TreeSet<>();
    for (ScalarKind scalar : ScalarKind.values()) {
      names.add(scalar.specName());
    }
    for (BuiltInType type : values()) {
      names.add(type.specName);
    }
    return Collections.unmodifiableSortedSet(names);
  }
}
