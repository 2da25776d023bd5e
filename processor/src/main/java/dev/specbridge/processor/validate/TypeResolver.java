package dev.specbridge.processor.validate;

import dev.specbridge.processor.diagnostics.Suggestions;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.Node;
import dev.specbridge.processor.load.ScalarNode;
import dev.specbridge.processor.model.Names;
import dev.specbridge.processor.model.ScalarKind;
import dev.specbridge.processor.model.TypeRef;
import dev.specbridge.processor.validate.NestedNames.Scope;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves the type written for a field to a {@link TypeRef}: a scalar with its wire format, a container of
 * another type, a reference to a shared type, or an inline object or enum, which becomes a type nested in the
 * record being resolved. Inline objects are records of fields again, so their fields go back to the
 * {@link FieldResolver}.
 */
final class TypeResolver {
  /** The keys that describe a type; they may stand in a field, in an {@code of:} or in a wrapping body. */
  static final List<String> TYPE_KEYS = List.of("type", "of", "fields", "values", "name", "format", "unknownFields");

  private final NodeCheck check;
  /** Shared type names of the spec, true for enums. */
  private final Map<String, Boolean> sharedTypes;
  private final NestedNames nestedNames;
  private final EnumResolver enums;
  private final FieldResolver records;

  TypeResolver(NodeCheck check, Map<String, Boolean> sharedTypes, NestedNames nestedNames, EnumResolver enums,
      FieldResolver records) {
    this.check = check;
    this.sharedTypes = sharedTypes;
    this.nestedNames = nestedNames;
    this.enums = enums;
    this.records = records;
  }

  /**
   * The type written at {@code node}: a type name, or a mapping with {@code type} and its details. Inline
   * records and enums are added to {@code scope}, named after the field {@code wire}.
   */
  TypeRef type(Node node, String wire, Scope scope, Trail trail) {
    return type(node, wire, "", scope, trail);
  }

  /** {@link #type(Node, String, Scope, Trail)}, with inline types named after the field plus {@code suffix}. */
  private TypeRef type(Node node, String wire, String suffix, Scope scope, Trail trail) {
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      String name = scalar.text();
      BuiltInType builtIn = BuiltInType.named(name);
      if (builtIn != null) {
        check.error(node, trail, "type '" + name + "' needs '" + builtIn.contentKey()
            + "': write the field as a mapping");
        return null;
      }
      return named(name, node, trail);
    }
    MapNode def = check.map(node, trail);
    if (def == null) {
      return null;
    }
    String typeName = check.text(def, "type", trail);
    if (typeName == null) {
      if (def.has("fields")) {
        typeName = BuiltInType.OBJECT.specName();
      } else if (def.has("values")) {
        typeName = BuiltInType.ENUM.specName();
      } else {
        check.error(def, trail, "'type' is missing");
        return null;
      }
    }
    BuiltInType builtIn = BuiltInType.named(typeName);
    boolean isObject = builtIn == BuiltInType.OBJECT;
    boolean isEnum = builtIn == BuiltInType.ENUM;
    String object = BuiltInType.OBJECT.specName();
    String enumeration = BuiltInType.ENUM.specName();
    check.checkApplies(def, "of", builtIn != null && builtIn.isContainer(), BuiltInType.containerNames(), trail);
    check.checkApplies(def, "fields", isObject, object, trail);
    check.checkApplies(def, "unknownFields", isObject, object, trail);
    check.checkApplies(def, "values", isEnum, enumeration, trail);
    check.checkApplies(def, "name", isObject || isEnum, object + " and " + enumeration, trail);
    ScalarKind kind = ScalarKind.ofSpecName(typeName);
    check.checkApplies(def, "format", kind != null && kind.defaultFormat() != null,
        "boolean, date, datetime and timestamp", trail);
    if (isObject || isEnum) {
      return nested(isEnum, def, wire, suffix, scope, trail);
    }
    if (builtIn != null) {
      return container(builtIn, def, wire, scope, trail);
    }
    if (kind != null) {
      return scalar(kind, def, trail);
    }
    return named(typeName, def.get("type"), trail);
  }

  /** An inline object or enum, generated as a type nested in the record of {@code scope}. */
  private TypeRef nested(boolean isEnum, MapNode def, String wire, String suffix, Scope scope, Trail trail) {
    String javaName = check.text(def, "name", trail);
    if (javaName == null) {
      javaName = Names.pascalCase(wire) + suffix;
    }
    if (!nestedNames.claim(javaName, scope, def, trail)) {
      return null;
    }
    String doc = records.docOf(def, trail);
    if (isEnum) {
      scope.enums.add(enums.enumeration(javaName, doc, def, trail));
      return new TypeRef.Named(scope.pathTo(javaName), true);
    }
    boolean keepsUnknown = records.unknownFields(def, trail);
    scope.records.add(records.record(scope.pathTo(javaName), doc, def.get("fields"), keepsUnknown, trail));
    return new TypeRef.Named(scope.pathTo(javaName), false);
  }

  private TypeRef container(BuiltInType container, MapNode def, String wire, Scope scope, Trail trail) {
    Node of = def.get("of");
    if (of == null) {
      check.error(def, trail, "type '" + container.specName() + "' needs '" + container.contentKey()
          + "', the type of its " + container.contentName());
      return null;
    }
    if (of instanceof MapNode ofMap) {
      check.onlyKeys(ofMap, trail.then("of"), TYPE_KEYS);
    }
    TypeRef element = type(of, wire, "Item", scope, trail.then("of"));
    if (element == null) {
      return null;
    }
    switch (container) {
      case LIST:
        return new TypeRef.ListOf(element, false);
      case MAP:
        return new TypeRef.MapOf(element);
      case CSV:
        boolean simple = element instanceof TypeRef.Named named ? named.isEnum()
            : element instanceof TypeRef.Scalar scalar && Set.of(ScalarKind.STRING, ScalarKind.INT, ScalarKind.LONG,
                ScalarKind.DECIMAL).contains(scalar.kind());
        if (!simple) {
          check.error(of, trail.then("of"), "a csv list holds strings, numbers or enum values, one comma-joined value");
          return null;
        }
        return new TypeRef.ListOf(element, true);
      default: // string-or
        boolean structured = element instanceof TypeRef.Named named ? !named.isEnum()
            : element instanceof TypeRef.Scalar scalar && scalar.kind() == ScalarKind.JSON;
        if (!structured) {
          check.error(of, trail.then("of"), "string-or takes an object type or json as its structured value");
          return null;
        }
        return new TypeRef.StringOr(element);
    }
  }

  private TypeRef scalar(ScalarKind kind, MapNode def, Trail trail) {
    String format = check.text(def, "format", trail);
    if (format == null) {
      return new TypeRef.Scalar(kind, kind.defaultFormat());
    }
    Trail formatTrail = trail.then("format");
    Node node = def.get("format");
    switch (kind) {
      case BOOLEAN:
        String[] spellings = format.split("/", -1);
        if (spellings.length != 2 || spellings[0].isEmpty() || spellings[1].isEmpty()
            || spellings[0].equals(spellings[1])) {
          check.error(node, formatTrail, "must be two different spellings, true first, such as 'Y/N' or '1/0'; found '"
              + format + "'");
          return null;
        }
        break;
      case TIMESTAMP:
        if (!format.equals("epoch-seconds") && !format.equals("epoch-millis")) {
          check.error(node, formatTrail, "must be epoch-seconds or epoch-millis, found '" + format + "'"
              + Suggestions.didYouMean(format, List.of("epoch-seconds", "epoch-millis")));
          return null;
        }
        break;
      default: // date and datetime
        String problem = datePatternProblem(kind, format);
        if (problem != null) {
          check.error(node, formatTrail, problem);
          return null;
        }
    }
    return new TypeRef.Scalar(kind, format);
  }

  /**
   * Why {@code format} cannot carry a value of {@code kind}, or {@code null}: a pattern must be valid, and a
   * value written with it must read back the same (so {@code HH:mm} is no date, and {@code yyyy-MM-dd} no date-time).
   */
  private static String datePatternProblem(ScalarKind kind, String format) {
    DateTimeFormatter formatter;
    try {
      formatter = DateTimeFormatter.ofPattern(format);
    } catch (IllegalArgumentException e) {
      return "is not a date-time pattern (" + e.getMessage() + "); write one such as 'yyyy-MM-dd HH:mm:ss'";
    }
    boolean isDate = kind == ScalarKind.DATE;
    TemporalAccessor sample = isDate ? LocalDate.of(2024, 12, 31) : LocalDateTime.of(2024, 12, 31, 23, 59);
    try {
      String written = formatter.format(sample);
      Object read = isDate ? LocalDate.parse(written, formatter) : LocalDateTime.parse(written, formatter);
      if (read.equals(sample)) {
        return null;
      }
    } catch (DateTimeException e) {
      // described below
    }
    return "'" + format + "' cannot write and read back a " + kind.specName() + " (" + sample + "); write the "
        + (isDate ? "year, month and day, such as 'yyyy-MM-dd'" : "date and the time, such as 'yyyy-MM-dd HH:mm:ss'");
  }

  /** A scalar or a shared type, by its name; else reported, with the closest name it may have meant. */
  private TypeRef named(String name, Node node, Trail trail) {
    ScalarKind kind = ScalarKind.ofSpecName(name);
    if (kind != null) {
      return new TypeRef.Scalar(kind, kind.defaultFormat());
    }
    Boolean isEnum = sharedTypes.get(name);
    if (isEnum != null) {
      return new TypeRef.Named(List.of(name), isEnum);
    }
    Set<String> known = new TreeSet<>(sharedTypes.keySet());
    known.addAll(BuiltInType.names());
    check.error(node, trail, "unknown type '" + name + "'" + Suggestions.didYouMean(name, known));
    return null;
  }
}
