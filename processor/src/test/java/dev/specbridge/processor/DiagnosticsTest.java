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
        "src/test/resources/specs/bad/unknown-type.yaml:8:17: command create_lead › request › field email: "
            + "unknown type 'strng' (did you mean 'string'?)");
  }

  @Test
  void threeMistakesGiveThreeLocatedErrorsInOneCompile() {
    assertThat(errorsOf("specs/bad/three-mistakes.yaml")).containsExactly(
        "src/test/resources/specs/bad/three-mistakes.yaml:7:16: command create_lead › request › field email: "
            + "unknown type 'strng' (did you mean 'string'?)",
        "src/test/resources/specs/bad/three-mistakes.yaml:8:9: command create_lead › request › field class: "
            + "the Java name 'class' is a Java keyword; give the field a 'java:' name",
        "src/test/resources/specs/bad/three-mistakes.yaml:11:16: command create_lead › request › field age › min: "
            + "min 10 is greater than max 5: no value could pass").inOrder();
  }

  @Test
  void errorsAreReportedOnTheAnnotation() {
    Compilation compilation = SpecCompiler.compile("bad", "specs/bad/unknown-type.yaml");
    assertThat(compilation).hadErrorContaining("unknown type 'strng'").inFile(compilation.sourceFiles().get(0))
        .onLine(2); // the annotation, below the package's doc comment
  }

  @Test
  void invalidYamlNamesTheLineAndTheProblem() {
    assertThat(errorsOf("specs/bad/not-yaml.yaml")).containsExactly(
        "src/test/resources/specs/bad/not-yaml.yaml:3:9: not valid YAML: a '{' mapping is not closed before this; expected ',' or"
            + " '}'");
  }

  @Test
  void aYamlMistakeIsReportedWhereItIsInPlainWords() {
    assertThat(errorsOf("specs/bad/tab.yaml")).containsExactly(
        "src/test/resources/specs/bad/tab.yaml:5:1: not valid YAML: a tab; YAML indents with spaces only");
    assertThat(errorsOf("specs/bad/under-indented.yaml")).containsExactly(
        "src/test/resources/specs/bad/under-indented.yaml:6:4: not valid YAML: this line is indented like no key above it; indent it"
            + " like the keys of its mapping");
  }

  @Test
  void duplicateKeysAndDuplicateTypeNamesAreErrors() {
    assertThat(errorsOf("specs/bad/duplicates.yaml")).containsExactly(
        "src/test/resources/specs/bad/duplicates.yaml:8:9: command create_lead › request › fields: duplicate key 'email' (first"
            + " written at line 7)",
        "src/test/resources/specs/bad/duplicates.yaml:9:3: command create-lead: the Java type CreateLeadRequest would be generated"
            + " twice, for command create_lead › request and for command create-lead › request;"
            + " give the entry a 'java:' name",
        "src/test/resources/specs/bad/duplicates.yaml:9:3: command create-lead: the Java type CreateLeadResponse would be generated"
            + " twice, for command create_lead › response and for command create-lead › response;"
            + " give the entry a 'java:' name").inOrder();
  }

  @Test
  void javaNameClashesAreErrors() {
    assertThat(errorsOf("specs/bad/name-clash.yaml")).containsExactly(
        "src/test/resources/specs/bad/name-clash.yaml:8:9: command update_user › request › field firstName: fields 'first_name' and"
            + " 'firstName' both take the Java name 'firstName'; give one a 'java:' name",
        "src/test/resources/specs/bad/name-clash.yaml:9:9: command update_user › request › field builder: the Java name 'builder' is"
            + " a name every generated record already uses; give the field a 'java:' name").inOrder();
  }

  @Test
  void impossibleAndMisplacedConstraintsAreErrors() {
    assertThat(errorsOf("specs/bad/constraints.yaml")).containsExactly(
        "src/test/resources/specs/bad/constraints.yaml:10:11: command create_lead › request › field name: "
            + "'min' applies only to int, long and decimal",
        "src/test/resources/specs/bad/constraints.yaml:9:19: command create_lead › request › field name › length: "
            + "min 10 is greater than max 2: no value could pass",
        "src/test/resources/specs/bad/constraints.yaml:13:20: command create_lead › request › field code › pattern: "
            + "is not a valid regular expression: Unclosed character class near index 3",
        "src/test/resources/specs/bad/constraints.yaml:16:19: command create_lead › request › field when › format: "
            + "is not a date-time pattern (Too many pattern letters: q); write one such as 'yyyy-MM-dd HH:mm:ss'",
        "src/test/resources/specs/bad/constraints.yaml:19:19: command create_lead › request › field flag › format: "
            + "must be two different spellings, true first, such as 'Y/N' or '1/0'; found 'Y/Y'").inOrder();
  }

  @Test
  void anExtensionThatConflictsWithItsBaseIsAnError() {
    assertThat(errorsOf("specs/bad/conflicting-extension.yaml")).containsExactly(
        "src/test/resources/specs/bad/conflicting-extension.yaml:2:1: protocol: an extension takes 'protocol' from its base spec"
            + " (base: specs/bad/base.yaml:2:1)",
        "src/test/resources/specs/bad/conflicting-extension.yaml:5:5: command create_lead › idempotent: an extension can add fields"
            + " to what its base declares, but not set 'idempotent' (base: specs/bad/base.yaml:4:3)",
        "src/test/resources/specs/bad/conflicting-extension.yaml:8:9: command create_lead › request › field email: is already"
            + " declared in the base spec (base: specs/bad/base.yaml:7:9)").inOrder();
  }

  @Test
  void aUnicodeLineSeparatorInATextIsAnErrorNotCodeThatDoesNotCompile() {
    assertThat(errorsOf("specs/bad/line-separator.yaml")).containsExactly(
        "src/test/resources/specs/bad/line-separator.yaml:5:20: type Title › values: the text holds the Unicode line"
            + " separator U+2028 (character 4), which generated code cannot carry; remove it or write a plain line break");
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
        "src/test/resources/specs/bad/missing-base.yaml:1:10: spec file 'specs/bad/nowhere.yaml' not found");
  }

  @Test
  void misspeltKeysAndBadValuesAreErrors() {
    assertThat(errorsOf("specs/bad/structure.yaml")).containsExactly(
        "src/test/resources/specs/bad/structure.yaml:2:1: unknown key 'protocl' (did you mean 'protocol'?); allowed here: spec, api,"
            + " doc, protocol, extends, types, commands, notifications, messages, objects",
        "src/test/resources/specs/bad/structure.yaml:1:1: 'protocol' is missing; write for example 'protocol: {kind: form-http}'",
        "src/test/resources/specs/bad/structure.yaml:5:16: message hello › direction: must be send (client to server) or receive"
            + " (server to client), found 'sideways'").inOrder();
  }

  @Test
  void everyProtocolSettingIsCheckedWithADidYouMean() {
    assertThat(errorsOf("specs/bad/settings.yaml")).containsExactly(
        "src/test/resources/specs/bad/settings.yaml:4:3: protocol: unknown key 'bachCommand' (did you mean 'batchCommand'?); allowed"
            + " here: kind, path, batchCommand, envelope",
        "src/test/resources/specs/bad/settings.yaml:5:9: protocol › path: must start with '/', found 'service'").inOrder();
  }

  @Test
  void aSettingThatNamesACommandMustNameOne() {
    assertThat(errorsOf("specs/bad/batch-names-nothing.yaml")).containsExactly(
        "src/test/resources/specs/bad/batch-names-nothing.yaml:4:17: protocol › batchCommand: names no command of this API: 'bach'"
            + " (did you mean 'batch'?)");
  }

  @Test
  void aProtocolThatTakesNoSettingsRefusesThem() {
    assertThat(errorsOf("specs/bad/websocket-settings.yaml")).containsExactly(
        "src/test/resources/specs/bad/websocket-settings.yaml:4:3: protocol: unknown key 'urll'; allowed here: kind, envelope");
  }

  @Test
  void aSessionsMessagesAndAReplyNameMessagesGoingTheRightWay() {
    assertThat(errorsOf("specs/bad/websocket-session.yaml")).containsExactly(
        "src/test/resources/specs/bad/websocket-session.yaml:12:12: message user/new › reply: must name a message the"
            + " client sends, found 'user/new_reslt' (did you mean 'user/new_result'?)",
        "src/test/resources/specs/bad/websocket-session.yaml:8:3: protocol › envelope › authenticate: 'hello' must"
            + " name a message the client sends, and 'hello' is one the server sends",
        "src/test/resources/specs/bad/websocket-session.yaml:8:3: protocol › envelope › authError: 'login/refused'"
            + " must name a message the server sends, and the spec's messages have none of that name");
  }

  @Test
  void anObjectsActionsAreKnownActionsListedOnce() {
    assertThat(errorsOf("specs/bad/actions.yaml")).containsExactly(
        "src/test/resources/specs/bad/actions.yaml:5:15: object account › actions: unknown value 'insrt' (did you mean 'insert'?);"
            + " " + ACTIONS,
        "src/test/resources/specs/bad/actions.yaml:5:22: object account › actions: unknown value 'frobnicate'; " + ACTIONS,
        "src/test/resources/specs/bad/actions.yaml:5:42: object account › actions: action 'select' is listed twice").inOrder();
  }

  /** The Centric server's thirteen actions, as an unknown action's error lists them. */
  private static final String ACTIONS = "one of insert, update, delete, select, sync, syncStart, syncEnd, syncDelete,"
      + " syncProcessed, getDateTime, getSystemPreferences, getSystemXMLFile, execute";

  @Test
  void anObjectNamesItsListFormToSelectOrSyncAndNamesItAsAnElement() {
    assertThat(errorsOf("specs/bad/list.yaml")).containsExactly(
        "src/test/resources/specs/bad/list.yaml:5:23: object account › actions: the server performs select on an object's"
            + " list form only; name it with 'list:', such as 'list: accountList'",
        "src/test/resources/specs/bad/list.yaml:5:31: object account › actions: the server performs sync on an object's"
            + " list form only; name it with 'list:', such as 'list: accountList'",
        "src/test/resources/specs/bad/list.yaml:8:11: object contact › list: must be an XML element name (a letter or '_', then"
            + " letters, digits, '.', '-' or '_'; not starting with 'xml'), found 'contact list'",
        "src/test/resources/specs/bad/list.yaml:10:11: object ticket › list: must be a single value, found a list",
        "src/test/resources/specs/bad/list.yaml:12:11: object note › list: must be an XML element name (a letter or '_', then"
            + " letters, digits, '.', '-' or '_'; not starting with 'xml'), found 'xmlNotes'");
  }

  @Test
  void aCommandsOwnFieldCannotTakeAnEnvelopeName() {
    assertThat(errorsOf("specs/bad/form-envelope-fields.yaml")).containsExactly(
        "src/test/resources/specs/bad/form-envelope-fields.yaml:7:9: command login_check › request › field"
            + " ai_login_password: 'ai_login_password' is the envelope's password (protocol › envelope › password);"
            + " the request's own field cannot take its name",
        "src/test/resources/specs/bad/form-envelope-fields.yaml:11:9: command login_check › response › field status:"
            + " 'status' is the envelope's status (protocol › envelope › status); the response's own field cannot take"
            + " its name");
  }

  @Test
  void aListsFiltersNeedTheListAndTakeOnlyItsScalarTypes() {
    assertThat(errorsOf("specs/bad/filters.yaml")).containsExactly(
        "src/test/resources/specs/bad/filters.yaml:6:14: object account › filters: filters belong to a list form: name"
            + " it with 'list:', such as 'list: accountList'",
        "src/test/resources/specs/bad/filters.yaml:11:17: object contact › filters › nameLast: unknown value 'strng' (did"
            + " you mean 'string'?); one of string, int, long, decimal, boolean",
        "src/test/resources/specs/bad/filters.yaml:12:19: object contact › filters › bad-name: a filter's name must be"
            + " an XML element name that is also a Java method name (a letter, then letters, digits or '_'), found"
            + " 'bad-name'",
        "src/test/resources/specs/bad/filters.yaml:13:14: object contact › filters › since: unknown value 'datetime';"
            + " one of string, int, long, decimal, boolean");
  }

  @Test
  void aWebhookEnvelopeMustKeepItsRequestsAndAnswersApart() {
    assertThat(errorsOf("specs/bad/webhook-values.yaml")).containsExactly(
        "src/test/resources/specs/bad/webhook-values.yaml:7:9: protocol › envelope › ok: must not be empty",
        "src/test/resources/specs/bad/webhook-values.yaml:4:3: protocol › envelope: 'authenticate' and 'delivery' are values of one"
            + " member and both named 'go'; give them different names",
        "src/test/resources/specs/bad/webhook-values.yaml:4:3: protocol › envelope: 'status' cannot be named 'message': an error"
            + " answer carries its message in that member").inOrder();
  }

  /**
   * HTTP header names are case-insensitive and tokens: X-Op and x-op are one header (OkHttp's header() keeps the
   * last, so a signed request lost its command), a header named Authorization replaces the signature, and a name
   * or scheme with a space or ':' fails only when the first signed request is built, or splits wrongly on the
   * server. Each is the spec's mistake, to be told where it is written.
   */
  @Test
  void aFormEnvelopesHeadersAreDistinctTokensWhateverTheirCase() {
    assertThat(errorsOf("specs/bad/form-envelope-headers.yaml")).containsExactly(
        "src/test/resources/specs/bad/form-envelope-headers.yaml:5:20: protocol › envelope › authorization: must be an"
            + " HTTP token (letters, digits and !#$%&'*+-.^_`|~), found 'Sig:v1'",
        "src/test/resources/specs/bad/form-envelope-headers.yaml:4:3: protocol › envelope: 'commandHeader' and"
            + " 'nonceHeader' are headers of one request and both named 'x-op' (header names ignore case); give them"
            + " different names").inOrder();
    assertThat(errorsOf("specs/bad/form-envelope-authorization.yaml")).containsExactly(
        "src/test/resources/specs/bad/form-envelope-authorization.yaml:6:18: protocol › envelope › nonceHeader: must be"
            + " an HTTP token (letters, digits and !#$%&'*+-.^_`|~), found 'X-Once Value'",
        "src/test/resources/specs/bad/form-envelope-authorization.yaml:4:3: protocol › envelope: 'commandHeader' is"
            + " named 'Authorization', the header of a signed request's signature; give it another name").inOrder();
  }

  @Test
  void aFormEnvelopeNamesOnlyItsPartsAndKeepsEachRequestsAndAnswersPairsApart() {
    assertThat(errorsOf("specs/bad/form-envelope.yaml")).containsExactly(
        "src/test/resources/specs/bad/form-envelope.yaml:6:5: protocol › envelope: unknown key 'pasword' (did you mean"
            + " 'password'?); allowed here: command, loginId, password, sitecomToken, userToken, status, statusMessage,"
            + " success, authorization, commandHeader, nonceHeader, batchRequests, batchResponse",
        "src/test/resources/specs/bad/form-envelope.yaml:8:14: protocol › envelope › success: must not be empty",
        "src/test/resources/specs/bad/form-envelope.yaml:4:3: protocol › envelope: 'command' and 'loginId' are pairs of one"
            + " request and both named 'user'; give them different names",
        "src/test/resources/specs/bad/form-envelope.yaml:4:3: protocol › envelope: 'status' and 'statusMessage' are pairs of"
            + " one answer and both named 'rc'; give them different names").inOrder();
  }

  @Test
  void generatedConstantsNeverCollide() {
    assertThat(SpecCompiler.compile("clash", "specs/edge/constant-clash.yaml")).succeededWithoutWarnings();
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
        "src/test/resources/specs/bad/wrong-section.yaml:3:1: commands belong to a form-http API, but this API's protocol is"
            + " json-websocket; its entries go under 'messages'");
  }

  @Test
  void limitsOfNamesBoundsPatternsAndFormatsAreErrors() {
    assertThat(errorsOf("specs/bad/limits.yaml")).containsExactly(
        "src/test/resources/specs/bad/limits.yaml:4:3: type json: 'json' is a built-in type; rename the shared type",
        "src/test/resources/specs/bad/limits.yaml:5:23: type Color › value a: value 'a' cannot become a Java constant: its name 'KNOWN'"
            + " is a name every generated enum already uses; give it a 'java:' name",
        "src/test/resources/specs/bad/limits.yaml:5:41: type Color › value b: value 'b' cannot become a Java constant: its name"
            + " 'wireValue' is a name every generated enum already uses; give it a 'java:' name",
        "src/test/resources/specs/bad/limits.yaml:10:47: command limits › request › field empty_pattern › pattern: must be a single"
            + " value, found null",
        "src/test/resources/specs/bad/limits.yaml:11:36: command limits › request › field huge › max: is out of range: a bound has at"
            + " most 100 digits before and after the point",
        "src/test/resources/specs/bad/limits.yaml:12:33: command limits › request › field half › max: must be a whole number that fits"
            + " a long, found 5.5",
        "src/test/resources/specs/bad/limits.yaml:13:36: command limits › request › field hour › format: 'HH:mm' cannot write and read"
            + " back a date (2024-12-31); write the year, month and day, such as 'yyyy-MM-dd'",
        "src/test/resources/specs/bad/limits.yaml:14:39: command limits › request › field day › format: 'yyyy-MM-dd' cannot write and"
            + " read back a datetime (2024-12-31T23:59); write the date and the time, such as 'yyyy-MM-dd HH:mm:ss'",
        "src/test/resources/specs/bad/limits.yaml:17:5: command hidden › response: an entry marked 'documented: false' keeps what its"
            + " fields are not known to be; remove 'unknownFields: reject'").inOrder();
  }

  @Test
  void aNestedTypeMayNotHideAnotherGeneratedType() {
    assertThat(errorsOf("specs/bad/nested-names.yaml")).containsExactly(
        "src/test/resources/specs/bad/nested-names.yaml:10:18: command move › request › field address: the nested type's name"
            + " 'Address' is also a shared type, which it would hide; give it a 'name:'",
        "src/test/resources/specs/bad/nested-names.yaml:11:18: command move › request › field confirm: the nested type's name"
            + " 'MoveResponse' is also the name of the type generated for command move › response, which it would"
            + " hide; give it a 'name:'").inOrder();
  }

  @Test
  void danglingAliasesBadMergeKeysAndSecondDocumentsAreErrors() {
    assertThat(errorsOf("specs/bad/yaml-features.yaml")).containsAtLeast(
        "src/test/resources/specs/bad/yaml-features.yaml:7:12: command a › request › field x: alias '*nowhere' names no anchor"
            + " written before it",
        "src/test/resources/specs/bad/yaml-features.yaml:9:16: command a › request › field y › <<: a merge key takes a mapping"
            + " (such as '<<: *common'), found a scalar",
        "src/test/resources/specs/bad/yaml-features.yaml:12:1: a spec file holds one YAML document; this second one would be ignored"
            + " (put it in a file of its own)").inOrder();
  }

  @Test
  void aRecordTooWideForJavaIsAnError() {
    assertThat(errorsOf("specs/bad/too-many-fields.yaml")).containsExactly(
        "src/test/resources/specs/bad/too-many-fields.yaml:7:9: command wide › request › fields: has 130 fields taking 261 parameter"
            + " slots (a required long takes two), more than the 254 a Java record can take; group some into a"
            + " nested object");
  }

  @Test
  void anExtensionMustAddFieldsAsAMapping() {
    assertThat(errorsOf("specs/bad/ext-fields-list.yaml")).containsExactly(
        "src/test/resources/specs/bad/ext-fields-list.yaml:5:7: command status › request › fields: must be a mapping of field names"
            + " to types, found a list (base: specs/ext-base.yaml:8:7)");
  }

  @Test
  void webhookEnvelopeMistakesAClashWithTheSealedFamilyAndAKeywordMethodAreLocated() {
    assertThat(errorsOf("specs/bad/webhook.yaml")).containsExactly(
        "src/test/resources/specs/bad/webhook.yaml:6:5: protocol › envelope: unknown key 'mesages' (did you mean 'messages'?);"
            + " allowed here: request, authenticate, key, delivery, messages, type, data, status, ok, loginId,"
            + " password",
        "src/test/resources/specs/bad/webhook.yaml:7:9: protocol › envelope › ok: must be a single value, found a mapping",
        "src/test/resources/specs/bad/webhook.yaml:4:3: protocol › envelope: 'type' and 'data' are members of one object and both"
            + " named 'data'; give them different names",
        "src/test/resources/specs/bad/webhook.yaml:10:3: type SiteNotification: the Java type SiteNotification would be generated"
            + " twice, for the API and for type SiteNotification; rename the type",
        "src/test/resources/specs/bad/webhook.yaml:16:3: notification new: the Java method name 'new' is a Java keyword; give the"
            + " entry a 'java:' name").inOrder();
  }
}
