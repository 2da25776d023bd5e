package dev.specbridge.processor.validate;

import dev.specbridge.processor.diagnostics.Suggestions;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.Node;
import dev.specbridge.processor.load.ScalarNode;
import dev.specbridge.processor.model.Constraints;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.Names;
import dev.specbridge.processor.model.RecordModel;
import dev.specbridge.processor.model.ScalarKind;
import dev.specbridge.processor.model.TypeRef;
import dev.specbridge.processor.validate.NestedNames.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks records and their fields and turns them into the model: a record of the fields a spec declares, or a
 * record wrapping a body that is one value; each field with its Java name, doc, flags and deprecation. A field's
 * type is resolved by a {@link TypeResolver}, which comes back here for the record of an inline object, and its
 * constraints by a {@link ConstraintResolver}.
 */
final class FieldResolver {
  /** The keys a field may have: those of its type, then those of the field itself. */
  private static final List<String> FIELD_KEYS = Stream.concat(TypeResolver.TYPE_KEYS.stream(),
      Stream.of("java", "doc", "example", "required", "min", "max", "length", "pattern", "secret", "deprecated"))
      .toList();

  /**
   * A record takes one constructor parameter per component and javac allows 255 parameter slots (a long takes
   * two); the builder passes them all again.
   */
  private static final int MAX_SLOTS = 254;

  private final NodeCheck check;
  private final TypeResolver typeResolver;
  private final ConstraintResolver constraintResolver;

  FieldResolver(NodeCheck check, Map<String, Boolean> sharedTypes, NestedNames nestedNames, EnumResolver enums) {
    this.check = check;
    this.typeResolver = new TypeResolver(check, sharedTypes, nestedNames, enums, this);
    this.constraintResolver = new ConstraintResolver(check);
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
    return new RecordModel(scope.name(), doc, fields, keepsUnknown, false, scope.records, scope.enums);
  }

  /** A record standing for a body that is one value, not an object of fields (e.g. a list of vehicles). */
  RecordModel wrapper(List<String> path, String bodyName, MapNode.Property body, Trail trail) {
    Scope scope = new Scope(path);
    FieldModel field = field(body, scope, trail);
    String doc = body.value() instanceof MapNode map ? docOf(map, trail) : null;
    List<FieldModel> fields = field != null && claimJavaName(field, body, new HashMap<>(), trail)
        ? List.of(field) : List.of();
    return new RecordModel(scope.name(), doc, fields, false, true, scope.records, scope.enums);
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

  private FieldModel field(MapNode.Property property, Scope scope, Trail trail) {
    String wire = property.key();
    Node node = property.value();
    MapNode def = null;
    if (node instanceof MapNode map) {
      def = map;
      check.onlyKeys(def, trail, FIELD_KEYS);
    } else if (!(node instanceof ScalarNode scalar) || scalar.isNull()) {
      check.error(node, trail, "must be a type name (such as string) or a mapping with a 'type', found "
          + node.describe());
      return null;
    }
    TypeRef type = typeResolver.type(node, wire, scope, trail);
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
    Constraints constraints = constraintResolver.constraints(def, type, trail);
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

  String docOf(MapNode def, Trail trail) {
    return check.text(def, "doc", trail);
  }

  boolean unknownFields(MapNode def, Trail trail) {
    String policy = check.text(def, "unknownFields", trail);
    if (policy == null || policy.equals("keep")) {
      return true;
    }
    if (!policy.equals("reject")) {
      check.error(def.get("unknownFields"), trail.then("unknownFields"), "must be keep or reject, found '" + policy
          + "'" + Suggestions.didYouMean(policy, List.of("keep", "reject")));
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
}
