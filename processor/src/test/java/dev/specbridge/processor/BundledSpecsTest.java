package dev.specbridge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.specbridge.processor.diagnostics.Diagnostics;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.SpecLoader;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.protocol.Protocols;
import dev.specbridge.processor.protocol.xmlhttp.ObjectOptions;
import dev.specbridge.processor.validate.SpecValidator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The specs bundled in api-spec, a user's extension of a spec, and a spec of every entry kind compile cleanly
 * from the class path.
 */
class BundledSpecsTest {
  /**
   * A project whose only source is the annotated package-info compiles under every lint, processing included, as
   * errors: the processor claims the {@code @Generated} its own output carries, which javac would otherwise
   * report as unclaimed ({@link SpecCompiler} compiles every spec so).
   */
  @Test
  void aPackageInfoAloneCompilesUnderEveryLintAsErrors() {
    for (String spec : java.util.List.of("apispec/site-service.yaml", "apispec/site-notifications.yaml",
        "apispec/citytrips.yaml", "apispec/centric-crm.yaml")) {
      assertThat(SpecCompiler.compile("strict", spec)).succeededWithoutWarnings();
    }
  }

  @Test
  void cityTripsSpecCompilesWithoutWarnings() {
    Compilation compilation = SpecCompiler.compile("bundled.citytrips", "apispec/citytrips.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles().stream()
            .map(f -> f.getName().substring(f.getName().lastIndexOf('/') + 1))
            .collect(Collectors.toSet()))
        .containsAtLeast("AuthenticateMessage.java", "VehicleFullMessage.java", "NewUserMessage.java",
            "AuthSuccessfulMessage.java", "Vehicle.java", "Country.java");
  }

  @Test
  void siteServiceSpecGivesEveryCommandOfTheSeedATypedClientMethodAndAHandlerMethod() {
    Compilation compilation = SpecCompiler.compile("bundled.site", "apispec/site-service.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    String client = contents(compilation, "bundled.site.SiteServiceClient");
    String handler = contents(compilation, "bundled.site.SiteServiceHandler");
    for (String command : SEED_COMMANDS) {
      String method = lowerCamel(command);
      assertThat(client).contains(" " + method + "(");
      assertThat(client).contains(" " + method + "Async(");
      String request = contents(compilation, "bundled.site." + Character.toUpperCase(method.charAt(0))
          + method.substring(1) + "Request");
      assertThat(request).contains("new FormCommand<>(\"" + command + "\"");
      if (!command.equals("batch")) {
        assertThat(handler).contains(" " + method + "(");
      }
    }
    // batch is answered by the dispatcher from the other methods, and built typed on the client
    assertThat(handler).doesNotContain(" batch(");
    assertThat(handler).contains(".batch(\"batch\")");
    assertThat(client).contains("public FormBatch newBatch()");
    assertThat(client).contains("return FormServiceClient.builder(siteUrl, PATH).envelope(ENVELOPE);"); // posts below the site
    // wire quirks of the pages: a typo kept on the wire, four boolean spellings, a text success status
    assertThat(contents(compilation, "bundled.site.UpdateUserRequest"))
        .contains("out.add(\"exteral_id\", value.externalId())");
    assertThat(contents(compilation, "bundled.site.UpdateUserRequest")).contains("String externalId");
    assertThat(contents(compilation, "bundled.site.IssueInvitesRequest")).contains("\"issue_invites\", false, \"SUCCESS\"");
    assertThat(contents(compilation, "bundled.site.LeadsGetRequest")).contains("\"leads_get\", true, null");
    // a command without a public page is callable with unknown fields only
    assertThat(contents(compilation, "bundled.site.PolicySetRequest"))
        .contains("public record PolicySetRequest(UnknownFields unknownFields)");
  }

  @Test
  void siteNotificationsSpecGivesEachNotificationTypeOfTheSeedARecord() {
    Compilation compilation = SpecCompiler.compile("bundled.notices", "apispec/site-notifications.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(contents(compilation, "bundled.notices.GenericNotification"))
        .contains("public record GenericNotification(@Nullable StringOr<RawJson> data)");
    String membership = contents(compilation, "bundled.notices.MembershipNotification").replaceAll("\\s+", " ");
    assertThat(membership).contains("@Nullable Boolean expires, @Nullable LocalDateTime expDate, @Nullable Boolean blocked,");
    assertThat(membership).contains("public static final Status UNBLOCKED = new Status(\"unblocked\")");
    assertThat(contents(compilation, "bundled.notices.NewUserNotification").replaceAll("\\s+", " "))
        .contains("@Nullable MailingAddress billingAddress, @Nullable MailingAddress shippingAddress,");
    assertThat(contents(compilation, "bundled.notices.SiteNotification").replaceAll("\\s+", " "))
        .contains("public sealed interface SiteNotification permits GenericNotification, MembershipNotification,"
            + " NewUserNotification, UnknownSiteNotification");
    assertThat(contents(compilation, "bundled.notices.SiteNotification").replaceAll("\\s+", " "))
        .contains("new WebhookEnvelope(\"request\", \"authenticate\", \"key\", \"delivery\", \"messages\","
            + " \"type\", \"data\", \"status\", \"OK\", \"ai_login_id\", \"ai_login_password\")");
    String handler = contents(compilation, "bundled.notices.SiteNotificationsHandler");
    for (String method : java.util.List.of("generic(GenericNotification", "membership(MembershipNotification",
        "newUser(NewUserNotification", "unknown(UnknownSiteNotification")) {
      assertThat(handler).contains("void " + method + " notification, NotificationContext context)");
    }
  }

  /**
   * Every element of the Centric server's object map is an object of centric-crm.yaml, read from the map itself
   * (its element names, classes and tables, in src/test/resources/centric), so that the spec cannot drift from it:
   * each with its list form where the map has one whose class exists, and each lookup with the table it must name.
   */
  @Test
  void centricSpecHasEveryElementOfTheServersObjectMap() throws Exception {
    Compilation compilation = SpecCompiler.compile("bundled.centric", "apispec/centric-crm.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    java.util.Map<String, EntryModel> objects = new java.util.LinkedHashMap<>();
    centricModel().entries().forEach(entry -> objects.put(entry.wireName(), entry));
    java.util.List<org.w3c.dom.Element> map = centricMap();
    assertThat(map).hasSize(259);

    java.util.List<String> problems = new java.util.ArrayList<>();
    java.util.Set<String> lists = new java.util.HashSet<>();
    java.util.Set<String> unseen = new java.util.LinkedHashSet<>(objects.keySet());
    for (org.w3c.dom.Element element : map) {
      String name = element.getAttribute("id");
      EntryModel object = objects.get(name);
      if (!unseen.remove(name)) {
        problems.add(name + " is not an object");
        continue;
      }
      String list = NO_LIST_FORM.contains(name) ? null : name + "List";
      String declared = object.options(ObjectOptions.class).list();
      if (!java.util.Objects.equals(declared, list)) {
        problems.add(name + " has the list form " + declared + ", not " + list);
      } else if (list != null && !lists.add(list)) {
        problems.add(list + " is the list form of two objects");
      }
      if (element.getAttribute("class").endsWith("LookupList")) { // LookupList, CustomLookupList
        String table = object.body(EntryModel.SELF).fields().stream()
            .filter(field -> field.wireName().equals("tableName")).map(FieldModel::example).findFirst().orElse(null);
        if (!element.getAttribute("table").equals(table)) {
          problems.add(name + " names the table " + table + ", not " + element.getAttribute("table"));
        }
      }
    }
    unseen.forEach(name -> problems.add(name + " is not in the map"));
    lists.stream().filter(objects::containsKey).forEach(list -> problems.add(list + " is also an object"));
    assertThat(problems).isEmpty();

    // what the real server cannot do is said: it has no delete for an account (recorded exchange 08)
    assertThat(objects.get("account").options(ObjectOptions.class).actions())
        .containsExactly("insert", "update", "select", "sync").inOrder();
    assertThat(contents(compilation, "bundled.centric.Account").replaceAll("\\s+\\* ?|\\s+", " "))
        .contains("The real server cannot delete an account over this API");
  }

  /**
   * The map's elements without a list form: four it gives no list row, five whose list class does not exist
   * (research notes, 7.1).
   */
  private static final java.util.Set<String> NO_LIST_FORM = java.util.Set.of("projectFilesThumbnail",
      "instantCampaign", "compileSyncData", "processSyncPackageDownload", "actions", "actionItem", "actionContact",
      "databaseVersion", "taskCategory");

  private static ApiModel centricModel() {
    Diagnostics diagnostics = new Diagnostics();
    String path = "apispec/centric-crm.yaml";
    MapNode spec = new SpecLoader(file -> {
      try (java.io.InputStream in = BundledSpecsTest.class.getClassLoader().getResourceAsStream(file)) {
        return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }, diagnostics, Protocols.mergeRules()).load(path);
    ApiModel model = SpecValidator.validate(path, spec, diagnostics);
    assertThat(diagnostics.errors()).isEmpty();
    return model;
  }

  private static java.util.List<org.w3c.dom.Element> centricMap() throws Exception {
    org.w3c.dom.Document document;
    try (java.io.InputStream in = BundledSpecsTest.class.getResourceAsStream("/centric/map-elements.xml")) {
      document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    org.w3c.dom.NodeList maps = document.getElementsByTagName("map");
    java.util.List<org.w3c.dom.Element> elements = new java.util.ArrayList<>();
    for (int i = 0; i < maps.getLength(); i++) {
      elements.add((org.w3c.dom.Element) maps.item(i));
    }
    return elements;
  }

  /** The 34 commands of seed 000's list, in its order. */
  private static final java.util.List<String> SEED_COMMANDS = java.util.List.of("authenticate_notifications",
      "autos_remote_data_sync", "autostrada_sync", "batch", "command_center_receive_command",
      "command_center_sync", "create_customer", "create_hosted_checkout", "create_lead", "create_order",
      "event_set", "events_get", "issue_invites", "lead_set", "leads_csv_import", "leads_csv_import_status",
      "leads_get", "leads_get_user_tags", "leads_merge", "leads_multi_manage_tags", "leads_multi_transfer", "ping",
      "policy_set", "query_users", "receive_import_file", "send_system_email", "update_lead", "update_order",
      "update_user", "user_get", "user_login_link", "user_login_token", "user_login_token_update",
      "validate_user");

  private static String lowerCamel(String wireName) {
    StringBuilder name = new StringBuilder();
    for (String part : wireName.split("_")) {
      name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return name.toString();
  }

  @Test
  void anExtensionAddsFieldsAndEntriesToItsBase() {
    Compilation compilation = SpecCompiler.compile("extended", "specs/extension.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("extended.CreateLeadRequest").contentsAsUtf8String()
        .contains("String dealerCode");
    assertThat(compilation).generatedSourceFile("extended.CreateLeadRequest").contentsAsUtf8String()
        .contains("String email");
    assertThat(compilation).generatedSourceFile("extended.LeadsPurgeRequest").contentsAsUtf8String()
        .contains("LocalDate olderThan");
  }

  @Test
  void notificationTypesBecomeNotificationRecords() {
    Compilation compilation = SpecCompiler.compile("kinds.notices", "specs/kinds/notifications.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("kinds.notices.GenericNotification").contentsAsUtf8String()
        .contains("public record GenericNotification(@Nullable StringOr<RawJson> data)");
    assertThat(compilation).generatedSourceFile("kinds.notices.NewUserNotification").contentsAsUtf8String()
        .contains("public record NewUserNotification(int userId, @Nullable LocalDateTime dateAdded,");
  }

  @Test
  void crmObjectsBecomeRecordsNamedAfterTheObject() {
    Compilation compilation = SpecCompiler.compile("kinds.crm", "specs/kinds/objects.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("kinds.crm.Account").contentsAsUtf8String()
        .contains("The CRM object {@code account}. A company or person the CRM tracks.");
  }

  @Test
  void cornersOfTheLanguageCompileCleanly() {
    Compilation compilation = SpecCompiler.compile("edge.corners", "specs/edge/corners.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    String request = contents(compilation, "edge.corners.AliasedRequest");
    // an alias and a merge key copy the anchored definition; the merge keeps the field's own doc
    assertThat(request).contains("SECOND_PATTERN = Pattern.compile(\"[a-z]+\")");
    assertThat(request).contains("@param third Merged, with its own doc.");
    // userID and user_id both give USER_ID: the second constant is numbered
    assertThat(request).contains("USER_ID_PATTERN = Pattern.compile(\"[0-9]+\")");
    assertThat(request).contains("USER_ID_PATTERN_2 = Pattern.compile(\"[0-9]{2}\")");
    assertThat(request).contains("lowest < -9223372036854775808L");
    assertThat(request).contains("lowest > 1L");
    assertThat(contents(compilation, "edge.corners.Code")).contains("&#64;deprecated is not a tag here");
  }

  @Test
  void anExtensionFillsEntriesItsBaseLeftEmpty() {
    Compilation compilation = SpecCompiler.compile("edge.filled", "specs/ext-fill.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(contents(compilation, "edge.filled.PingRequest")).contains("String echo");
    assertThat(contents(compilation, "edge.filled.StatusRequest")).contains("Boolean verbose");
  }

  private static String contents(Compilation compilation, String typeName) {
    try {
      return compilation.generatedSourceFile(typeName).orElseThrow().getCharContent(false).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
