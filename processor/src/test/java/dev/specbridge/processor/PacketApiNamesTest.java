package dev.specbridge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Review findings: element names the xml-http spec accepts must give compiling code, or a spec error. */
class PacketApiNamesTest {
  @Test
  void anElementNameWithADashOrADotGivesAHandlerMethodNotAProcessorCrash() {
    // the list's check allows '-' and '.', but the handler's method was named action + element: selectAccount-list,
    // "could not generate the code … this is a bug of the processor"
    Compilation compilation = SpecCompiler.compile("review.dashed", "specs/review/dashed-objects.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("review.dashed.CrmHandler").contentsAsUtf8String()
        .contains("default ItemAnswer selectAccountList(");
    assertThat(compilation).generatedSourceFile("review.dashed.CrmHandler").contentsAsUtf8String()
        .contains("default ItemAnswer selectPhoneList(");
    assertThat(compilation).generatedSourceFile("review.dashed.CrmHandler").contentsAsUtf8String()
        .contains("default ItemAnswer insertPhoneNumber(");
  }

  @Test
  void anObjectNamedAsAnotherObjectsListFormIsASpecErrorNotGeneratedCodeThatDoesNotCompile() {
    // the client's reader switch gets case "accountList" twice: "duplicate case label" in generated code
    Compilation compilation = SpecCompiler.compile("review.clash", "specs/review/clashing-lists.yaml");
    assertThat(compilation).hadErrorContaining("accountList");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("clashing-lists.yaml:8:11: object account › list: 'accountList' is"
        + " also the element of the object 'accountList'");
  }

  @Test
  void anObjectsOrFieldsElementNameIsCheckedAsAListsIs() {
    // 'list: contact list' is a spec error, but an object or a field named so compiled, and every packet with it
    // then failed at run time: WireFormatException "'my account' is not an XML name"
    Compilation compilation = SpecCompiler.compile("review.names", "specs/review/bad-element-names.yaml");
    assertThat(SpecCompiler.errors(compilation)).containsExactly(
        "src/test/resources/specs/review/bad-element-names.yaml:6:5: object my account: must be an XML element name (a"
            + " letter or '_', then letters, digits, '.', '-' or '_'; not starting with 'xml'), found 'my account'",
        "src/test/resources/specs/review/bad-element-names.yaml:10:7: object my account › field first name: must be an"
            + " XML element name (a letter or '_', then letters, digits, '.', '-' or '_'; not starting with 'xml'),"
            + " found 'first name'");
  }
}
