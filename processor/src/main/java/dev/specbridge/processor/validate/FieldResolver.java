package dev.specbridge.processor.validate;

import dev.specbridge.processor.diagnostics.Suggestions;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.load.ListNode;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.Node;
import dev.specbridge.processor.load.ScalarNode;
import dev.specbridge.processor.model.Constraints;
import dev.specbridge.processor.model.EnumModel;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.RecordModel;
import dev.specbridge.processor.model.Names;
import dev.specbridge.processor.model.ScalarKind;
import dev.specbridge.processor.model.TypeRef;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks fields and their types and turns them into the model: scalar formats, containers, inline records and
 * enums (generated as nested types), references to shared types, and constraints.
 */
final class FieldResolver {
  /** The keys that describe a type; they may stand in a field, in an {@code of:} or in a wrapping body. */
  static final List<String> TYPE_KEYS = List.of("type", "of", "fields", "values", "name", "format", "unknownFields");

  /** The keys a field may have. */
  static final List<String> FIELD_KEYS = List.of(
      "type", "of", "fields", "values", "name", "format", "unknownFields",
      "java", "doc", "example", "required", "min", "max", "length", "pattern", "secret", "deprecated");

  private static final List<String> CONTAINERS = List.of("list", "csv", "map", "string-or");

  /**
   * A record takes one constructor parameter per component and javac allows 255 parameter slots (a long takes
   * two); the builder and withers pass them all again.
   */
  private static final int MAX_SLOTS = 254;
  /** Bounds beyond this many digits are typos, and would write enormous literals. */
  private static final int MAX_BOUND_DIGITS = 100;

  private final NodeCheck check;
  /** Shared type names of the spec, true for enums. */
  private final Map<String, Boolean> sharedTypes;
  /** Every nested type declared, so that the validator can check it against the top-level names at the end. */
  private final List<NestedType> nestedTypes = new ArrayList<>();

  /** A type generated inside a record, with where it was declared. */
  record NestedType(String javaName, Node node, Trail trail) {}

  FieldResolver(NodeCheck check, Map<String, Boolean> sharedTypes) {
    this.check = check;
    this.sharedTypes = sharedTypes;
  }

  /** Where nested types of one record go, and the names they take. */
  private static final class Scope {
    final List<String> path;
    final List<RecordModel> records = new ArrayList<>();
    final List<EnumModel> enums = new ArrayList<>();
    final Map<String, String> nestedNames = new HashMap<>();

    Scope(List<String> path) {
      this.path = path;
    }

    List<String> pathTo(String name) {
      List<String> names = new ArrayList<>(path);
      names.add(name);
      return names;
    }
  }

  List<NestedType> nestedTypes() {
    return nestedTypes;
  }

  /** A record of the fields in {@code fieldsNode} (which may be absent: a record with no declared field). */
  RecordModel record(
      List<String> path, String doc, Node fieldsNode, boolean keepsUnknown, Trail trail) {
    Scope scope = new Scope(path);
    List<FieldModel> fields = new ArrayList<>();
    if (fieldsNode != null && !(fieldsNode instanceof ScalarNode scalar && scalar.isNull())) {
      MapNode map = check.map(fieldsNode, trail.then("fields"));
      if (map != null) {
        Map<String, String> javaNames = new HashMap<>();
        for (MapNode.Property property : map.entries()) {
          Trail fieldTrail = trail.then("field", property.key());
          FieldModel field = field(property, scope, fieldTrail);
          if (field != null && claimJavaName(field, property, javaNames, fieldTrail)) {
            fields.add(field);
          }
        }
        checkSlots(fields, keepsUnknown, fieldsNode, trail);
      }
    }
    return new RecordModel(last(path), doc, fields, keepsUnknown, false, scope.records, scope.enums);
  }

  /** A record standing for a body that is one value, not an object of fields (e.g. a list of vehicles). */
  RecordModel wrapper(List<String> path, String bodyName, MapNode.Property body, Trail trail) {
    Scope scope = new Scope(path);
    FieldModel field = field(body, scope, trail);
    String doc = body.value() instanceof MapNode map ? docOf(map, trail) : null;
    List<FieldModel> fields = field != null && claimJavaName(field, body, new HashMap<>(), trail)
        ? List.of(field) : List.of();
    return new RecordModel(last(path), doc, fields, false, true, scope.records, scope.enums);
  }

  private void checkSlots(List<FieldModel> fields, boolean keepsUnknown, Node where, Trail trail) {
    int slots = keepsUnknown ? 1 : 0;
    for (FieldModel field : fields) {
      boolean wide = field.required() && field.type() instanceof TypeRef.Scalar scalar
          && scalar.kind() == ScalarKind.LONG;
      slots += wide ? 2 : 1;
    }
    if (slots > MAX_SLOTS) {
      check.error(where, trail.then("fields"), "has " + fields.size() + " fields taking " + slots + " parameter"
          + " slots (a required long takes two), more than the " + MAX_SLOTS + " a Java record can take; group some"
          + " into a nested object");
    }
  }

  /** An open enum from a {@code values:} list or mapping. */
  EnumModel enumeration(String javaName, String doc, MapNode def, Trail trail) {
    List<EnumModel.Value> values = new ArrayList<>();
    Map<String, String> constants = new HashMap<>();
    int errorsBefore = check.errorCount();
    Node valuesNode = def.get("values");
    if (valuesNode == null) {
      check.error(def, trail, "'values' is missing: an enum lists its values");
      return new EnumModel(javaName, doc, values);
    }
    if (valuesNode instanceof ListNode list) {
      for (Node item : list.items()) {
        if (item instanceof ScalarNode scalar && !scalar.isNull()) {
          addValue(values, constants, scalar.text(), null, null, item, trail);
        } else {
          check.error(item, trail.then("values"), "each value must be a single value, found " + item.describe());
        }
      }
    } else if (valuesNode instanceof MapNode map) {
      for (MapNode.Property property : map.entries()) {
        Trail valueTrail = trail.then("value", property.key());
        String valueDoc = null;
        String constant = null;
        if (property.value() instanceof ScalarNode scalar) {
          valueDoc = scalar.text();
        } else {
          MapNode valueMap = check.map(property.value(), valueTrail);
          if (valueMap != null) {
            check.onlyKeys(valueMap, valueTrail, List.of("doc", "java"));
            valueDoc = check.text(valueMap, "doc", valueTrail);
            constant = check.text(valueMap, "java", valueTrail);
          }
        }
        addValue(values, constants, property.key(), constant, valueDoc, property.value(), valueTrail);
      }
    } else {
      check.error(valuesNode, trail.then("values"),
          "must list the enum's values, as a list or as a mapping of value to doc, found " + valuesNode.describe());
    }
    boolean valuesWereWrong = check.errorCount() > errorsBefore;
    if (values.isEmpty() && !valuesWereWrong && (valuesNode instanceof ListNode || valuesNode instanceof MapNode)) {
      check.error(valuesNode, trail.then("values"), "an enum needs at least one value");
    }
    return new EnumModel(javaName, doc, values);
  }

  private void addValue(List<EnumModel.Value> values, Map<String, String> constants, String wire, String given,
      String doc, Node node, Trail trail) {
    String constant = given != null ? given : Names.constantCase(wire);
    String problem = Names.problem(constant);
    if (problem == null && Names.RESERVED_ENUM_MEMBERS.contains(constant)) {
      problem = "'" + constant + "' is a name every generated enum already uses";
    }
    if (problem != null) {
      check.error(node, trail, "value '" + wire + "' cannot become a Java constant: its name " + problem
          + "; give it a 'java:' name");
      return;
    }
    String other = constants.putIfAbsent(constant, wire);
    if (other != null) {
      check.error(node, trail, other.equals(wire) ? "value '" + wire + "' is listed twice"
          : "values '" + other + "' and '" + wire + "' both become the constant " + constant
              + "; give one a 'java:' name");
      return;
    }
    values.add(new EnumModel.Value(wire, constant, doc));
  }

  private FieldModel field(MapNode.Property property, Scope scope, Trail trail) {
    String wire = property.key();
    Node node = property.value();
    MapNode def = null;
    if (node instanceof MapNode map) {
      def = map;
      check.onlyKeys(def, trail, FIELD_KEYS);
    } else if (!(node instanceof ScalarNode scalar) || scalar.isNull()) {
      check.error(node, trail, "must be a type name (such as string) or a mapping with a 'type', found " + node.describe());
      return null;
    }
    TypeRef type = type(node, wire, "", scope, trail);
    if (def == null) {
      return type == null ? null : new FieldModel(wire, Names.camelCase(wire), null, null, type, false,
          Constraints.NONE, false, null);
    }
    String javaName = check.text(def, "java", trail);
    String doc = docOf(def, trail);
    String example = check.text(def, "example", trail);
    boolean required = check.flag(def, "required", trail, false);
    boolean secret = check.flag(def, "secret", trail, false);
    String deprecation = deprecation(def, trail);
    Constraints constraints = constraints(def, type, trail);
    if (type == null) {
      return null;
    }
    return new FieldModel(wire, javaName != null ? javaName : Names.camelCase(wire), doc, example, type, required,
        constraints, secret, deprecation);
  }

  private boolean claimJavaName(FieldModel field, MapNode.Property property, Map<String, String> taken,
      Trail fieldTrail) {
    String problem = Names.problem(field.javaName());
    if (problem == null && Names.RESERVED_MEMBERS.contains(field.javaName())) {
      problem = "'" + field.javaName() + "' is a name every generated record already uses";
    }
    if (problem != null) {
      check.error(property, fieldTrail, "the Java name " + problem + "; give the field a 'java:' name");
      return false;
    }
    String other = taken.putIfAbsent(field.javaName(), field.wireName());
    if (other != null) {
      check.error(property, fieldTrail, "fields '" + other + "' and '" + field.wireName()
          + "' both take the Java name '" + field.javaName() + "'; give one a 'java:' name");
      return false;
    }
    return true;
  }

  /**
   * The type written at {@code node}: a type name, or a mapping with {@code type} and its details. Inline
   * records and enums are added to {@code scope}, named after the field plus {@code suffix}.
   */
  private TypeRef type(Node node, String wire, String suffix, Scope scope, Trail trail) {
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      String name = scalar.text();
      if (name.equals("object") || name.equals("enum") || CONTAINERS.contains(name)) {
        String needs = name.equals("object") ? "fields" : name.equals("enum") ? "values" : "of";
        check.error(node, trail, "type '" + name + "' needs '" + needs + "': write the field as a mapping");
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
        typeName = "object";
      } else if (def.has("values")) {
        typeName = "enum";
      } else {
        check.error(def, trail, "'type' is missing");
        return null;
      }
    }
    checkApplies(def, "of", CONTAINERS.contains(typeName), "list, csv, map and string-or", trail);
    checkApplies(def, "fields", typeName.equals("object"), "object", trail);
    checkApplies(def, "unknownFields", typeName.equals("object"), "object", trail);
    checkApplies(def, "values", typeName.equals("enum"), "enum", trail);
    checkApplies(def, "name", typeName.equals("object") || typeName.equals("enum"), "object and enum", trail);
    ScalarKind kind = ScalarKind.ofSpecName(typeName);
    checkApplies(def, "format", kind != null && kind.defaultFormat() != null,
        "boolean, date, datetime and timestamp", trail);
    switch (typeName) {
      case "object":
      case "enum": {
        String javaName = check.text(def, "name", trail);
        if (javaName == null) {
          javaName = Names.pascalCase(wire) + suffix;
        }
        if (!claimNestedName(javaName, scope, def, trail)) {
          return null;
        }
        String doc = docOf(def, trail);
        if (typeName.equals("enum")) {
          scope.enums.add(enumeration(javaName, doc, def, trail));
          return new TypeRef.Named(scope.pathTo(javaName), true);
        }
        boolean keepsUnknown = unknownFields(def, trail);
        scope.records.add(record(scope.pathTo(javaName), doc, def.get("fields"), keepsUnknown, trail));
        return new TypeRef.Named(scope.pathTo(javaName), false);
      }
      case "list":
      case "csv":
      case "map":
      case "string-or":
        return container(typeName, def, wire, scope, trail);
      default:
        if (kind != null) {
          return scalar(kind, def, trail);
        }
        return named(typeName, def.get("type"), trail);
    }
  }

  private TypeRef container(String typeName, MapNode def, String wire, Scope scope, Trail trail) {
    Node of = def.get("of");
    if (of == null) {
      check.error(def, trail, "type '" + typeName + "' needs 'of', the type of its "
          + (typeName.equals("map") ? "values" : typeName.equals("string-or") ? "structured value" : "elements"));
      return null;
    }
    if (of instanceof MapNode ofMap) {
      check.onlyKeys(ofMap, trail.then("of"), TYPE_KEYS);
    }
    TypeRef element = type(of, wire, "Item", scope, trail.then("of"));
    if (element == null) {
      return null;
    }
    switch (typeName) {
      case "list":
        return new TypeRef.ListOf(element, false);
      case "map":
        return new TypeRef.MapOf(element);
      case "csv":
        boolean simple = element instanceof TypeRef.Named named ? named.isEnum()
            : element instanceof TypeRef.Scalar scalar && Set.of(ScalarKind.STRING, ScalarKind.INT, ScalarKind.LONG,
                ScalarKind.DECIMAL).contains(scalar.kind());
        if (!simple) {
          check.error(of, trail.then("of"), "a csv list holds strings, numbers or enum values, one comma-joined value");
          return null;
        }
        return new TypeRef.ListOf(element, true);
      default:
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

  /** Whether {@code name} is a type of the spec language itself, which a shared type cannot be named. */
  static boolean isBuiltInType(String name) {
    return ScalarKind.ofSpecName(name) != null || name.equals("object") || name.equals("enum")
        || CONTAINERS.contains(name);
  }

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
    for (ScalarKind scalar : ScalarKind.values()) {
      known.add(scalar.specName());
    }
    known.addAll(List.of("object", "enum", "list", "csv", "map", "string-or"));
    check.error(node, trail, "unknown type '" + name + "'" + Suggestions.didYouMean(name, known));
    return null;
  }

  private boolean claimNestedName(String javaName, Scope scope, MapNode def, Trail trail) {
    String problem = Names.problem(javaName);
    if (problem == null && scope.path.contains(javaName)) {
      problem = "'" + javaName + "' is the name of the type it is declared in";
    }
    if (problem == null && Names.RESERVED_TYPES.contains(javaName)) {
      problem = "'" + javaName + "' is a type name the generated code already uses";
    }
    if (problem == null && scope.nestedNames.containsKey(javaName)) {
      problem = "'" + javaName + "' is taken by another type declared in " + last(scope.path);
    }
    if (problem == null && sharedTypes.containsKey(javaName)) {
      problem = "'" + javaName + "' is also a shared type, which it would hide";
    }
    if (problem != null) {
      check.error(def, trail, nestedNameProblem(problem));
      return false;
    }
    scope.nestedNames.put(javaName, javaName);
    nestedTypes.add(new NestedType(javaName, def, trail));
    return true;
  }

  static String nestedNameProblem(String problem) {
    return "the nested type's name " + problem + "; give it a 'name:'";
  }

  private Constraints constraints(MapNode def, TypeRef type, Trail trail) {
    ScalarKind kind = type instanceof TypeRef.Scalar scalar ? scalar.kind() : null;
    boolean numeric = kind == ScalarKind.INT || kind == ScalarKind.LONG || kind == ScalarKind.DECIMAL;
    boolean text = kind == ScalarKind.STRING;
    BigDecimal min = null;
    BigDecimal max = null;
    if (checkApplies(def, "min", numeric, "int, long and decimal", trail)) {
      min = bound(def, "min", kind, trail);
    }
    if (checkApplies(def, "max", numeric, "int, long and decimal", trail)) {
      max = bound(def, "max", kind, trail);
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      check.error(def.get("min"), trail.then("min"), "min " + min.toPlainString() + " is greater than max "
          + max.toPlainString() + ": no value could pass");
    }
    Integer minLength = null;
    Integer maxLength = null;
    if (checkApplies(def, "length", text, "string (for the number of characters)", trail)) {
      Node length = def.get("length");
      Trail lengthTrail = trail.then("length");
      if (length instanceof MapNode range) {
        check.onlyKeys(range, lengthTrail, List.of("min", "max"));
        minLength = range.has("min") ? check.count(range.get("min"), lengthTrail.then("min")) : null;
        maxLength = range.has("max") ? check.count(range.get("max"), lengthTrail.then("max")) : null;
        if (minLength != null && maxLength != null && minLength > maxLength) {
          check.error(range, lengthTrail, "min " + minLength + " is greater than max " + maxLength
              + ": no value could pass");
        }
      } else {
        minLength = check.count(length, lengthTrail);
        maxLength = minLength;
      }
    }
    String pattern = null;
    if (checkApplies(def, "pattern", text, "string", trail)) {
      pattern = check.text(def, "pattern", trail);
      if (pattern != null) { // otherwise text() has reported it
        try {
          Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
          check.error(def.get("pattern"), trail.then("pattern"), "is not a valid regular expression: "
              + e.getDescription() + " near index " + e.getIndex());
          pattern = null;
        }
      }
    }
    return new Constraints(min, max, minLength, maxLength, pattern);
  }

  private BigDecimal bound(MapNode def, String key, ScalarKind kind, Trail trail) {
    BigDecimal value = check.number(def, key, trail);
    if (value == null) {
      return null;
    }
    value = value.stripTrailingZeros();
    if (Math.max(value.precision() - value.scale(), value.scale()) > MAX_BOUND_DIGITS) {
      check.error(def.get(key), trail.then(key), "is out of range: a bound has at most " + MAX_BOUND_DIGITS
          + " digits before and after the point");
      return null;
    }
    if (kind == ScalarKind.DECIMAL) {
      return value;
    }
    boolean isInt = kind == ScalarKind.INT;
    BigDecimal lowest = BigDecimal.valueOf(isInt ? Integer.MIN_VALUE : Long.MIN_VALUE);
    BigDecimal highest = BigDecimal.valueOf(isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
    if (value.scale() > 0 || value.compareTo(lowest) < 0 || value.compareTo(highest) > 0) {
      check.error(def.get(key), trail.then(key), "must be a whole number that fits a " + kind.specName()
          + ", found " + value.toPlainString());
      return null;
    }
    return value;
  }

  /** Whether {@code key} is present and applies; reports it when it is present but does not apply. */
  private boolean checkApplies(MapNode def, String key, boolean applies, String typesItAppliesTo, Trail trail) {
    if (!def.has(key)) {
      return false;
    }
    if (!applies) {
      check.error(def.property(key), trail, "'" + key + "' applies only to " + typesItAppliesTo);
    }
    return applies;
  }

  String docOf(MapNode def, Trail trail) {
    return check.text(def, "doc", trail);
  }

  boolean unknownFields(MapNode def, Trail trail) {
    String policy = check.text(def, "unknownFields", trail);
    if (policy == null || policy.equals("keep")) {
      return true;
    }
    if (!policy.equals("reject")) {
      check.error(def.get("unknownFields"), trail.then("unknownFields"), "must be keep or reject, found '" + policy + "'"
          + Suggestions.didYouMean(policy, List.of("keep", "reject")));
    }
    return false;
  }

  private String deprecation(MapNode def, Trail trail) {
    Node node = def.get("deprecated");
    if (node == null) {
      return null;
    }
    String text = check.text(def, "deprecated", trail);
    if (text == null || text.equals("false")) {
      return null;
    }
    return text.equals("true") ? "" : text;
  }

  private static String last(List<String> path) {
    return path.get(path.size() - 1);
  }
}
