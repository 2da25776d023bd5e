package dev.specbridge.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbridge.processor.diagnostics.Diagnostic;
import dev.specbridge.processor.diagnostics.Diagnostics;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The messages of the field, type, enum, constraint and nested-name checks, each with its place and in the order
 * they are reported: a spec's fields are written from line 7 on, at column 7.
 */
class FieldResolverTest {
  private static List<String> errors(String... fields) {
    String spec = "api: t\n"
        + "protocol: {kind: form-http}\n"
        + "types:\n"
        + "  Color: {values: [red]}\n"
        + "  T:\n"
        + "    fields:\n"
        + "      " + String.join("\n      ", fields) + "\n";
    Diagnostics diagnostics = new Diagnostics();
    MapNode node = (MapNode) YamlReader.read("t.yaml", spec, diagnostics);
    SpecValidator.validate("t.yaml", node, diagnostics);
    return diagnostics.errors().stream().map(Diagnostic::toString).toList();
  }

  @Test
  void aTypeWithContentNeedsAMapping() {
    List<String> errors = errors("a: list", "b: object", "c: enum", "d: {type: map}", "e: {type: string-or}",
        "f: {type: csv}");
    assertEquals(List.of(
        "t.yaml:7:10: type T › field a: type 'list' needs 'of': write the field as a mapping",
        "t.yaml:8:10: type T › field b: type 'object' needs 'fields': write the field as a mapping",
        "t.yaml:9:10: type T › field c: type 'enum' needs 'values': write the field as a mapping",
        "t.yaml:10:10: type T › field d: type 'map' needs 'of', the type of its values",
        "t.yaml:11:10: type T › field e: type 'string-or' needs 'of', the type of its structured value",
        "t.yaml:12:10: type T › field f: type 'csv' needs 'of', the type of its elements"), errors);
  }

  @Test
  void keysApplyOnlyToTheirTypes() {
    List<String> errors = errors(
        "a: {type: string, of: int, fields: {}, values: [], name: X, format: x, unknownFields: keep, min: 1}",
        "b: {type: int, length: 3, pattern: x}");
    assertEquals(List.of(
        "t.yaml:7:25: type T › field a: 'of' applies only to list, csv, map and string-or",
        "t.yaml:7:34: type T › field a: 'fields' applies only to object",
        "t.yaml:7:78: type T › field a: 'unknownFields' applies only to object",
        "t.yaml:7:46: type T › field a: 'values' applies only to enum",
        "t.yaml:7:58: type T › field a: 'name' applies only to object and enum",
        "t.yaml:7:67: type T › field a: 'format' applies only to boolean, date, datetime and timestamp",
        "t.yaml:7:75: type T › field a › format: 'x' cannot write and read back a string (2024-12-31T23:59); write the"
            + " date and the time, such as 'yyyy-MM-dd HH:mm:ss'",
        "t.yaml:7:99: type T › field a: 'min' applies only to int, long and decimal",
        "t.yaml:8:22: type T › field b: 'length' applies only to string (for the number of characters)",
        "t.yaml:8:33: type T › field b: 'pattern' applies only to string"), errors);
  }

  @Test
  void containersHoldTheirKindOfElement() {
    List<String> errors = errors("a: {type: csv, of: {fields: {x: string}}}", "b: {type: string-or, of: int}",
        "c: {type: map, of: {type: int, extra: 1}}", "d: {type: csv, of: Color}");
    assertEquals(List.of(
        "t.yaml:7:26: type T › field a › of: a csv list holds strings, numbers or enum values, one comma-joined value",
        "t.yaml:8:32: type T › field b › of: string-or takes an object type or json as its structured value",
        "t.yaml:9:38: type T › field c › of: unknown key 'extra'; allowed here: type, of, fields, values, name,"
            + " format, unknownFields"), errors);
  }

  @Test
  void scalarFormats() {
    List<String> errors = errors("a: {type: boolean, format: Y/Y}", "b: {type: timestamp, format: epoch-second}",
        "c: {type: date, format: 'HH:mm'}", "d: {type: date, format: 'yyyy-MM-dd{'}");
    assertEquals(List.of(
        "t.yaml:7:34: type T › field a › format: must be two different spellings, true first, such as 'Y/N' or '1/0';"
            + " found 'Y/Y'",
        "t.yaml:8:36: type T › field b › format: must be epoch-seconds or epoch-millis, found 'epoch-second' (did you"
            + " mean 'epoch-seconds'?)",
        "t.yaml:9:31: type T › field c › format: 'HH:mm' cannot write and read back a date (2024-12-31); write the"
            + " year, month and day, such as 'yyyy-MM-dd'",
        "t.yaml:10:31: type T › field d › format: is not a date-time pattern (Pattern includes reserved character:"
            + " '{'); write one such as 'yyyy-MM-dd HH:mm:ss'"), errors);
  }

  @Test
  void anUnknownTypeSuggestsABuiltInOrSharedName() {
    List<String> errors = errors("a: strng", "b: Colr", "c: {type: lst}", "d: {}");
    assertEquals(List.of(
        "t.yaml:7:10: type T › field a: unknown type 'strng' (did you mean 'string'?)",
        "t.yaml:8:10: type T › field b: unknown type 'Colr' (did you mean 'Color'?)",
        "t.yaml:9:17: type T › field c: unknown type 'lst' (did you mean 'list'?)",
        "t.yaml:10:10: type T › field d: 'type' is missing"), errors);
  }

  @Test
  void enumValues() {
    List<String> errors = errors("a: {values: [red, red, Red]}", "b: {values: []}",
        "c: {values: {x: {java: class}, w: {java: wireValue}, y: [1]}}");
    assertEquals(List.of(
        "t.yaml:7:25: type T › field a: value 'red' is listed twice",
        "t.yaml:7:30: type T › field a: values 'red' and 'Red' both become the constant RED; give one a 'java:' name",
        "t.yaml:8:19: type T › field b › values: an enum needs at least one value",
        "t.yaml:9:23: type T › field c › value x: value 'x' cannot become a Java constant: its name 'class' is a Java"
            + " keyword; give it a 'java:' name",
        "t.yaml:9:41: type T › field c › value w: value 'w' cannot become a Java constant: its name 'wireValue' is a"
            + " name every generated enum already uses; give it a 'java:' name",
        "t.yaml:9:63: type T › field c › value y: must be a mapping of keys, found a list"), errors);
  }

  @Test
  void constraints() {
    List<String> errors = errors("a: {type: int, min: 5, max: 1}", "b: {type: long, min: 1.5, max: 1e200}",
        "c: {type: string, length: {min: 5, max: 1}}", "d: {type: string, pattern: '['}");
    assertEquals(List.of(
        "t.yaml:7:27: type T › field a › min: min 5 is greater than max 1: no value could pass",
        "t.yaml:8:28: type T › field b › min: must be a whole number that fits a long, found 1.5",
        "t.yaml:8:38: type T › field b › max: is out of range: a bound has at most 100 digits before and after the"
            + " point",
        "t.yaml:9:33: type T › field c › length: min 5 is greater than max 1: no value could pass",
        "t.yaml:10:34: type T › field d › pattern: is not a valid regular expression: Unclosed character class near"
            + " index 0"), errors);
  }

  @Test
  void nestedNames() {
    List<String> errors = errors("a: {fields: {}, name: T}", "b: {fields: {}, name: Color}",
        "c: {fields: {}, name: Record}", "d: {fields: {}, name: D}", "e: {values: [x], name: D}",
        "f: {fields: {}, name: TClient}");
    assertEquals(List.of(
        "t.yaml:7:10: type T › field a: the nested type's name 'T' is the name of the type it is declared in; give it"
            + " a 'name:'",
        "t.yaml:8:10: type T › field b: the nested type's name 'Color' is also a shared type, which it would hide;"
            + " give it a 'name:'",
        "t.yaml:9:10: type T › field c: the nested type's name 'Record' is a type name the generated code already"
            + " uses; give it a 'name:'",
        "t.yaml:11:10: type T › field e: the nested type's name 'D' is taken by another type declared in T; give it a"
            + " 'name:'",
        "t.yaml:12:10: type T › field f: the nested type's name 'TClient' is also the name of the type generated for the"
            + " API, which it would hide; give it a 'name:'"), errors);
  }

  @Test
  void javaNamesOfFields() {
    List<String> errors = errors("a: {type: string, java: class}", "b: {type: string, java: c}", "c: string",
        "d: [1]");
    assertEquals(List.of(
        "t.yaml:7:7: type T › field a: the Java name 'class' is a Java keyword; give the field a 'java:' name",
        "t.yaml:9:7: type T › field c: fields 'b' and 'c' both take the Java name 'c'; give one a 'java:' name",
        "t.yaml:10:10: type T › field d: must be a type name (such as string) or a mapping with a 'type', found a"
            + " list"), errors);
  }
}
