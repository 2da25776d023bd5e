package dev.specbridge.processor.validate;

import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.load.ListNode;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.Node;
import dev.specbridge.processor.load.ScalarNode;
import dev.specbridge.processor.model.EnumModel;
import dev.specbridge.processor.model.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@code values:} list or mapping into an open enum, the same for a shared enum and an inline one: each
 * value with its doc, and a Java constant that is a valid name and no other value's.
 */
final class EnumResolver {
  private final NodeCheck check;

  EnumResolver(NodeCheck check) {
    this.check = check;
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
}
