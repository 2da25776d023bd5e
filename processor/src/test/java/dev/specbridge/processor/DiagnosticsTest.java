package dev.specbridge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of spec mistake fails the compile with an error that names the file, line, column and path. */
class DiagnosticsTest {
  private static List<String> errorsOf(String spec) {
    Compilation compilation = SpecCompiler.compile("bad", spec);
    assertThat(compilation).failed();
    return SpecCompiler.errors(compilation);
  }

  @Test
  void unknownTypeIsLocatedAndSuggestsTheNearestType() {
    assertThat(errorsOf("specs/bad/unknown-type.yaml")).containsExactly(
        "specs/bad/unknown-type.yaml:8:17: command create_lead › request › field email: "
            + "unknown type 'strng' (did you mean 'string'?)");
  }

  @Test
  void threeMistakesGiveThreeLocatedErrorsInOneCompile() {
    assertThat(errorsOf("specs/bad/three-mistakes.yaml")).containsExactly(
        "specs/bad/three-mistakes.yaml:7:16: command create_lead › request › field email: "
            + "unknown type 'strng' (did you mean 'string'?)",
        "specs/bad/three-mistakes.yaml:8:9: command create_lead › request › field class: "
            + "the Java name 'class' is a Java keyword; give the field a 'java:' name",
        "specs/bad/three-mistakes.yaml:11:16: command create_lead › request › field age › min: "
            + "min 10 is greater than max 5: no value could pass").inOrder();
  }

  @Test
  void errorsAreReportedOnTheAnnotation() {
    Compilation compilation = SpecCompiler.compile("bad", "specs/bad/unknown-type.yaml");
    assertThat(compilation).hadErrorContaining("unknown type 'strng'").inFile(compilation.sourceFiles().get(0))
        .onLine(1);
  }

  @Test
  void invalidYamlNamesTheLineAndTheProblem() {
    assertThat(errorsOf("specs/bad/not-yaml.yaml")).containsExactly(
        "specs/bad/not-yaml.yaml:3:9: not valid YAML: while parsing a flow mapping; expected ',' or '}', but got :");
  }

  @Test
  void duplicateKeysAndDuplicateTypeNamesAreErrors() {
    assertThat(errorsOf("specs/bad/duplicates.yaml")).containsExactly(
        "specs/bad/duplicates.yaml:8:9: duplicate key 'email' (first written at line 7)",
        "specs/bad/duplicates.yaml:9:3: command create-lead: the Java type CreateLeadRequest would be generated"
            + " twice, for command create_lead › request and for command create-lead › request;"
            + " give the entry a 'java:' name",
        "specs/bad/duplicates.yaml:9:3: command create-lead: the Java type CreateLeadResponse would be generated"
            + " twice, for command create_lead › response and for command create-lead › response;"
            + " give the entry a 'java:' name").inOrder();
  }

  @Test
  void javaNameClashesAreErrors() {
    assertThat(errorsOf("specs/bad/name-clash.yaml")).containsExactly(
        "specs/bad/name-clash.yaml:8:9: command update_user › request › field firstName: fields 'first_name' and"
            + " 'firstName' both take the Java name 'firstName'; give one a 'java:' name",
        "specs/bad/name-clash.yaml:9:9: command update_user › request › field builder: the Java name 'builder' is"
            + " a name every generated record already uses; give the field a 'java:' name").inOrder();
  }

  @Test
  void impossibleAndMisplacedConstraintsAreErrors() {
    assertThat(errorsOf("specs/bad/constraints.yaml")).containsExactly(
        "specs/bad/constraints.yaml:10:11: command create_lead › request › field name: "
            + "'min' applies only to int, long and decimal",
        "specs/bad/constraints.yaml:9:19: command create_lead › request › field name › length: "
            + "min 10 is greater than max 2: no value could pass",
        "specs/bad/constraints.yaml:13:20: command create_lead › request › field code › pattern: "
            + "is not a valid regular expression: Unclosed character class near index 3",
        "specs/bad/constraints.yaml:16:19: command create_lead › request › field when › format: "
            + "is not a date-time pattern (Too many pattern letters: q); write one such as 'yyyy-MM-dd HH:mm:ss'",
        "specs/bad/constraints.yaml:19:19: command create_lead › request › field flag › format: "
            + "must be two different spellings, true first, such as 'Y/N' or '1/0'; found 'Y/Y'").inOrder();
  }

  @Test
  void anExtensionThatConflictsWithItsBaseIsAnError() {
    assertThat(errorsOf("specs/bad/conflicting-extension.yaml")).containsExactly(
        "specs/bad/conflicting-extension.yaml:2:1: protocol: an extension takes 'protocol' from its base spec"
            + " (base: specs/bad/base.yaml:2:1)",
        "specs/bad/conflicting-extension.yaml:5:5: command create_lead › idempotent: an extension can add fields"
            + " to what its base declares, but not set 'idempotent' (base: specs/bad/base.yaml:4:3)",
        "specs/bad/conflicting-extension.yaml:8:9: command create_lead › request › field email: is already"
            + " declared in the base spec (base: specs/bad/base.yaml:7:9)").inOrder();
  }

  @Test
  void aMissingSpecFileIsAnError() {
    List<String> errors = errorsOf("specs/none.yaml");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("specs/none.yaml:1:1: spec file 'specs/none.yaml' not found on the class"
        + " path, the source path or among the compiled resources");
  }

  @Test
  void aMissingBaseSpecIsReportedWhereItIsNamed() {
    List<String> errors = errorsOf("specs/bad/missing-base.yaml");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith(
        "specs/bad/missing-base.yaml:1:10: spec file 'specs/bad/nowhere.yaml' not found");
  }

  @Test
  void misspeltKeysAndBadValuesAreErrors() {
    assertThat(errorsOf("specs/bad/structure.yaml")).containsExactly(
        "specs/bad/structure.yaml:2:1: unknown key 'protocl' (did you mean 'protocol'?); allowed here: spec, api,"
            + " doc, protocol, extends, types, commands, notifications, objects, messages",
        "specs/bad/structure.yaml:1:1: 'protocol' is missing; write for example 'protocol: {kind: form-http}'",
        "specs/bad/structure.yaml:5:16: message hello › direction: must be send (client to server) or receive"
            + " (server to client), found 'sideways'").inOrder();
  }

  @Test
  void twoSpecsGeneratingTheSameTypeInOnePackageAreAnError() {
    Compilation compilation = SpecCompiler.compile("twice", "specs/bad/base.yaml", "specs/bad/base.yaml");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("specs specs/bad/base.yaml and specs/bad/base.yaml both generate"
        + " twice.CreateLeadRequest");
  }

  @Test
  void entriesMustMatchTheProtocol() {
    assertThat(errorsOf("specs/bad/wrong-section.yaml")).containsExactly(
        "specs/bad/wrong-section.yaml:3:1: commands belong to a form-http API, but this API's protocol is"
            + " json-websocket; its entries go under 'messages'");
  }
}
