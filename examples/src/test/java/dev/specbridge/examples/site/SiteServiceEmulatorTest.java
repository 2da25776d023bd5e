package dev.specbridge.examples.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.error.CommandFailedException;
import dev.specbridge.runtime.form.BatchResult;
import dev.specbridge.runtime.form.FormAuth;
import dev.specbridge.runtime.form.FormBatch;
import dev.specbridge.runtime.form.FormReply;
import dev.specbridge.runtime.form.FormServiceClient;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.value.StringOr;
import dev.specbridge.runtime.value.UnknownFields;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every documented command, through the generated client, over real HTTP to the emulator (which decodes with
 * the generated server side), and back: what the server received and what the client read are both checked.
 */
class SiteServiceEmulatorTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

  private SiteServiceEmulator emulator;
  private SiteServiceClient site;

  @BeforeEach
  void start() throws IOException {
    emulator = SiteServiceEmulator.start(NOW, new StandInSigner(SiteServiceEmulator.PASSWORD));
    site = client(FormAuth.login(SiteServiceEmulator.LOGIN_ID, SiteServiceEmulator.PASSWORD));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private SiteServiceClient client(FormAuth auth) {
    return new SiteServiceClient(FormServiceClient.builder(emulator.url()).allowPlainHttp().auth(auth).build());
  }

  // ---- auth modes -----------------------------------------------------------------------------------------

  @Test
  void everyAuthModeIsAcceptedAndAWrongOneRefusedWithoutTheSecret() {
    assertNotNull(site.ping());
    assertNotNull(client(FormAuth.sitecomToken(SiteServiceEmulator.SITECOM_TOKEN)).ping());
    assertNotNull(client(FormAuth.signed(SiteServiceEmulator.LOGIN_ID,
        new StandInSigner(SiteServiceEmulator.PASSWORD))).ping());
    String token = userToken();
    assertNotNull(client(FormAuth.userToken(token)).ping());

    CommandFailedException wrongSigner = assertThrows(CommandFailedException.class, () -> client(
        FormAuth.signed(SiteServiceEmulator.LOGIN_ID, new StandInSigner("guess"))).ping());
    assertEquals(List.of("Authentication failed"), wrongSigner.messages());
    CommandFailedException wrongPassword = assertThrows(CommandFailedException.class,
        () -> client(FormAuth.login(SiteServiceEmulator.LOGIN_ID, "hunter2-secret")).ping());
    assertEquals(1, wrongPassword.status());
    assertFalse(wrongPassword.getMessage().contains("hunter2-secret"));
    assertFalse(wrongPassword.rawBody().contains("hunter2-secret"));
    CommandFailedException noCredentials = assertThrows(CommandFailedException.class,
        () -> client(FormAuth.none()).ping());
    assertEquals("command ping failed with status 1: Authentication failed", noCredentials.getMessage());
  }

  @Test
  void aSignedRequestCannotBeReplayedWithTheSameNonce() {
    SiteServiceClient fixedNonce = new SiteServiceClient(FormServiceClient.builder(emulator.url())
        .allowPlainHttp()
        .auth(FormAuth.signed(SiteServiceEmulator.LOGIN_ID, new StandInSigner(SiteServiceEmulator.PASSWORD)))
        .nonces(() -> "5e0c6da0")
        .build());
    fixedNonce.ping();
    CommandFailedException replay = assertThrows(CommandFailedException.class, fixedNonce::ping);
    assertEquals(List.of("Nonce already used"), replay.messages());
  }

  // ---- users and tokens -----------------------------------------------------------------------------------

  @Test
  void validateUserAnswersSuccessWithTheUserIdOrFail() {
    ValidateUserResponse ok = site.validateUser(ValidateUserRequest.builder()
        .username(SiteServiceEmulator.SEEDED_USER).password("Pass1234").build());
    assertEquals(ValidateUserResponse.Validation.SUCCESS, ok.validation());
    assertEquals(1001, ok.userId());
    ValidateUserResponse bad = site.validateUser(ValidateUserRequest.builder()
        .username(SiteServiceEmulator.SEEDED_USER).password("wrong").build());
    assertEquals(ValidateUserResponse.Validation.FAIL, bad.validation());
    assertNull(bad.userId());
  }

  @Test
  void userLoginTokenIssuesATokenThatReissueReplaces() {
    String first = userToken();
    assertEquals(first, userToken()); // persistent
    String second = client(FormAuth.none()).userLoginToken(UserLoginTokenRequest.builder()
        .username(SiteServiceEmulator.SEEDED_USER).password("Pass1234").reissue(true).build()).aiToken();
    assertNotEquals(first, second);
    CommandFailedException old = assertThrows(CommandFailedException.class,
        () -> client(FormAuth.userToken(first)).ping());
    assertEquals(List.of("Invalid or expired ai_token"), old.messages());
  }

  @Test
  void userLoginTokenUpdateReissuesOnlyWhenAskedAndThenTakesTheNewExpiration() {
    String token = userToken();
    UserLoginTokenUpdateResponse same = site.userLoginTokenUpdate(UserLoginTokenUpdateRequest.builder()
        .aiToken(token).expiration("2027-02-08").build());
    assertEquals(token, same.aiToken(), "without reissue the token stays");
    assertEquals(LocalDateTime.of(2026, 12, 25, 10, 0), same.aiExpiration(), "and so does its expiration");

    // authenticated by the token itself, which is also the request's field
    UserLoginTokenUpdateResponse updated = client(FormAuth.userToken(token)).userLoginTokenUpdate(
        UserLoginTokenUpdateRequest.builder().aiToken(token).reissue(true).expiration("2027-02-08").build());
    assertNotEquals(token, updated.aiToken());
    assertEquals(LocalDateTime.of(2027, 2, 8, 0, 0), updated.aiExpiration());
    assertFalse(updated.toString().contains(updated.aiToken()));
    assertTrue(updated.unknownFields().isEmpty());
  }

  @Test
  void userLoginLinkCreatesAMissingUserAndReturnsSessionKeys() {
    UserLoginLinkResponse link = site.userLoginLink(UserLoginLinkRequest.builder()
        .externalId("crm-42").username("test9999").firstName("API").lastName("TEST").phone("4093334444")
        .email("test@example.com").password("Secret123").dateAdded(LocalDateTime.of(2014, 1, 1, 13, 59))
        .build());
    assertEquals(1002, link.userId());
    assertEquals(31754, link.aiSid());
    assertTrue(link.dashboardUrl().endsWith("/dashboard?ai_sid=31754&ai_sid_key=" + link.aiSidKey()));
    assertFalse(link.toString().contains(link.aiSidKey()));
    QueryUsersResponse found = site.queryUsers(QueryUsersRequest.builder().externalId("crm-42").build());
    assertEquals("test9999", found.unknownFields().get("1002[username]"));

    UserLoginLinkResponse again = site.userLoginLink(UserLoginLinkRequest.builder().externalId("crm-42").build());
    assertEquals(1002, again.userId());
    assertEquals(31755, again.aiSid());
  }

  @Test
  void userLoginLinkPairsAnExistingUsernameOnlyWhenAsked() {
    UserLoginLinkRequest clash = UserLoginLinkRequest.builder().externalId("crm-7")
        .username(SiteServiceEmulator.SEEDED_USER).email("john.doe@example.com").build();
    CommandFailedException refused = assertThrows(CommandFailedException.class, () -> site.userLoginLink(clash));
    assertEquals(List.of("Username already exists"), refused.messages());
    assertEquals(1001, site.userLoginLink(clash.toBuilder().pairExisting(true).build()).userId());
  }

  @Test
  void createCustomerThenUpdateUserByItsMisspeltExternalIdThenQueryUsers() {
    CreateCustomerResponse created = site.createCustomer(CreateCustomerRequest.builder()
        .username("jane-roe").firstName("Jane").lastName("Roe").phone("8005550000").email("jane@example.com")
        .externalId("abc123").accountType("Customer").govIdType("ssn").govIdNumber("012345678").build());
    assertEquals(1002, created.userId());

    site.updateUser(UpdateUserRequest.builder().externalId("abc123").company("Roe Inc").isBusiness("True")
        .build());
    QueryUsersResponse byCompany = site.queryUsers(QueryUsersRequest.builder().company("roe")
        .proximitySearch(true).build());
    assertEquals("jane-roe", byCompany.unknownFields().get("1002[username]"));
    assertEquals("Roe Inc", byCompany.unknownFields().get("1002[company]"));
    assertEquals(6, byCompany.unknownFields().size()); // one user, six documented fields
    assertNull(byCompany.numResults());
    assertEquals(2, site.queryUsers(QueryUsersRequest.builder().returnCountOnly(true).build()).numResults());

    CommandFailedException duplicate = assertThrows(CommandFailedException.class, () -> site.createCustomer(
        CreateCustomerRequest.builder().username("jane-roe").firstName("J").lastName("R").phone("1")
            .email("j@example.com").build()));
    assertEquals(List.of("Username already exists"), duplicate.messages());
    CommandFailedException missing = assertThrows(CommandFailedException.class,
        () -> site.updateUser(UpdateUserRequest.builder().userId(77).build()));
    assertTrue(missing.getMessage().contains("No such user"));
  }

  @Test
  void issueInvitesAnswersTheTextSuccessWhichItsSpecReadsAsSuccess() {
    FormReply<IssueInvitesResponse> reply = site.formClient().exchange(IssueInvitesRequest.COMMAND,
        IssueInvitesRequest.builder().externalUserId("ext-1001").typeName("1").qty(3).build());
    assertEquals("SUCCESS", reply.status());
    assertEquals(3, emulator.invites(1001));
    site.issueInvites(IssueInvitesRequest.builder().userId(1001).typeName("1").build());
    assertEquals(4, emulator.invites(1001));
  }

  @Test
  void sendSystemEmailCarriesItsVariablesAsOneJsonObject() {
    SendSystemEmailRequest email = SendSystemEmailRequest.builder()
        .id(12).to("somebody@mailhost.com").from("nobody@yourcompany.com").subject("Yoursite Confirmation Email")
        .vars(Map.of("first_name", "John", "order_details", "Thank you & welcome = 100%"))
        .allowHtml(true)
        .build();
    site.sendSystemEmail(email);
    assertEquals(List.of(email), emulator.sentEmails());

    CommandFailedException both = assertThrows(CommandFailedException.class,
        () -> site.sendSystemEmail(email.toBuilder().title("enrollment_order_success").build()));
    assertTrue(both.getMessage().contains("both is not allowed"));
  }

  // ---- leads ----------------------------------------------------------------------------------------------

  @Test
  void createLeadSendsEveryKindOfFieldAndLeadsGetReturnsThemAsTheWireHadThem() {
    int id = site.createLead(CreateLeadRequest.builder()
        .firstName("John").lastName("Doe").address("123 Test Street").zip("01234").okToText(true)
        .followupDate(LocalDateTime.of(2010, 1, 1, 12, 0)).status(1).email("example@example.com")
        .govtId("100-10-1000").tagAppend(List.of("prospect", "new"))
        .notes(List.of(LeadNote.builder().status("Message").text("test").build()))
        .build()).leadId();
    LeadsGetResponse got = site.leadsGet(LeadsGetRequest.builder().searchParams("tag=prospect").build());
    assertEquals(1, got.totalResults());
    assertEquals("{\"id\":\"" + id + "\",\"user_id\":\"1001\",\"first_name\":\"John\",\"last_name\":\"Doe\","
        + "\"address\":\"123 Test Street\",\"zip\":\"01234\",\"ok_to_text\":\"Y\","
        + "\"followup_date\":\"2010-01-01 12:00:00\",\"status\":\"1\",\"email\":\"example@example.com\","
        + "\"govt_id\":\"100-10-1000\",\"notes\":\"[{\\\"status\\\":\\\"Message\\\",\\\"Notes\\\":\\\"test\\\"}]\","
        + "\"tags\":\"prospect,new\"}", got.leads().get(0).json());
  }

  @Test
  void leadSetInsertsAndUpdatesWithItsOwnSpellings() {
    site.leadSet(LeadSetRequest.builder().mode(LeadSetRequest.Mode.INSERT).externalId("ABC1").fullName("Ann Lee")
        .okToText(false).birthDate("1980-01-31").lat(new BigDecimal("45.5231")).build());
    site.leadSet(LeadSetRequest.builder().mode(LeadSetRequest.Mode.UPDATE).externalId("ABC1")
        .priority("Warm").customStatus("Hot lead").build());
    LeadsGetResponse got = site.leadsGet(LeadsGetRequest.builder()
        .limitFields(List.of("external_id", "ok_to_text", "birth_date", "lat", "priority", "custom_status"))
        .build());
    assertEquals(new RawJson("{\"external_id\":\"ABC1\",\"lat\":\"45.5231\",\"ok_to_text\":\"No\","
        + "\"birth_date\":\"1980-01-31\",\"priority\":\"Warm\",\"custom_status\":\"Hot lead\"}"),
        got.leads().get(0));

    CommandFailedException noLead = assertThrows(CommandFailedException.class, () -> site.leadSet(
        LeadSetRequest.builder().mode(LeadSetRequest.Mode.UPDATE).leadId("424242").build()));
    assertTrue(noLead.getMessage().contains("lead_id or external_id"));
    CommandFailedException badMode = assertThrows(CommandFailedException.class,
        () -> site.leadSet(LeadSetRequest.builder().mode(LeadSetRequest.Mode.of("upsert")).build()));
    assertEquals(List.of("Mode must be 'insert' or 'update'"), badMode.messages());
  }

  @Test
  void leadsGetPagesAndFiltersByTheTokensUser() {
    for (int i = 0; i < 5; i++) {
      site.createLead(CreateLeadRequest.builder().firstName("Lead" + i).build());
    }
    LeadsGetResponse page = site.leadsGet(LeadsGetRequest.builder().pageSize(2).pageNumber(3)
        .limitFields(List.of("first_name")).build());
    assertEquals(1, page.numResults());
    assertEquals(5, page.totalResults());
    assertEquals(List.of(new RawJson("{\"first_name\":\"Lead4\"}")), page.leads());

    CreateCustomerResponse other = site.createCustomer(CreateCustomerRequest.builder().username("bob")
        .firstName("Bob").lastName("Smith").phone("1").email("bob@example.com").password("Pass9999").build());
    String bobsToken = client(FormAuth.none()).userLoginToken(UserLoginTokenRequest.builder().username("bob")
        .password("Pass9999").build()).aiToken();
    SiteServiceClient asBob = client(FormAuth.userToken(bobsToken));
    asBob.createLead(CreateLeadRequest.builder().firstName("Bob's lead").build());
    LeadsGetResponse bobs = asBob.leadsGet();
    assertEquals(1, bobs.totalResults());
    assertTrue(bobs.leads().get(0).json().contains("\"user_id\":\"" + other.userId() + "\""));
  }

  @Test
  void leadsMergeKeepsTheFirstNonEmptyValuesAndCountsTheMerged() {
    int keep = site.createLead(CreateLeadRequest.builder().firstName("Keep").build()).leadId();
    int a = site.createLead(CreateLeadRequest.builder().firstName("A").phone("111").build()).leadId();
    int b = site.createLead(CreateLeadRequest.builder().firstName("B").phone("222").city("Tampa").build()).leadId();
    LeadsMergeResponse merged = site.leadsMerge(LeadsMergeRequest.builder().mergeToLead(keep)
        .mergeLeadList(List.of((long) a, (long) b)).build());
    assertEquals(new RawJson("{\"merged\":2}"), merged.resultTotals());
    LeadsGetResponse left = site.leadsGet(LeadsGetRequest.builder()
        .limitFields(List.of("first_name", "phone", "city")).build());
    assertEquals(List.of(new RawJson("{\"first_name\":\"Keep\",\"phone\":\"111\",\"city\":\"Tampa\"}")),
        left.leads());

    CommandFailedException missing = assertThrows(CommandFailedException.class, () -> site.leadsMerge(
        LeadsMergeRequest.builder().mergeToLead(keep).mergeLeadList(List.of(9L)).build()));
    assertEquals(List.of("Error Occurred", "Lead 9 does not exist"), missing.messages()); // status_message[n]
  }

  @Test
  void aMergeWithAMissingLeadChangesNothing() {
    int keep = site.createLead(CreateLeadRequest.builder().firstName("Keep").build()).leadId();
    int a = site.createLead(CreateLeadRequest.builder().phone("111").build()).leadId();
    assertThrows(CommandFailedException.class, () -> site.leadsMerge(LeadsMergeRequest.builder().mergeToLead(keep)
        .mergeLeadList(List.of((long) a, 4_294_968_297L)).build()));
    assertEquals(2, site.leadsGet().totalResults(), "a long id does not wrap onto an existing lead");
  }

  @Test
  void leadsMultiManageTagsAndTransferChangeEveryListedLead() {
    int a = site.createLead(CreateLeadRequest.builder().tagAppend(List.of("old", "keep")).build()).leadId();
    int b = site.createLead(CreateLeadRequest.builder().build()).leadId();
    LeadsMultiManageTagsResponse tagged = site.leadsMultiManageTags(LeadsMultiManageTagsRequest.builder()
        .leadList(List.of((long) a, (long) b)).tagsAdd(List.of("new1", "new2")).tagsRemove(List.of("old"))
        .build());
    assertEquals(new RawJson("{\"updated\":2}"), tagged.resultTotals());
    assertEquals(2, site.leadsGet(LeadsGetRequest.builder().searchParams("tag=new2").build()).totalResults());
    assertEquals(0, site.leadsGet(LeadsGetRequest.builder().searchParams("tag=old").build()).totalResults());

    int bob = site.createCustomer(CreateCustomerRequest.builder().username("bobsmith").firstName("Bob")
        .lastName("Smith").phone("1").email("bob@example.com").build()).userId();
    LeadsMultiTransferResponse moved = site.leadsMultiTransfer(LeadsMultiTransferRequest.builder()
        .toUsername("bobsmith").leadList(List.of((long) a, (long) b)).resetLeads(true).build());
    assertEquals(new RawJson("{\"transferred\":2}"), moved.resultTotals());
    assertEquals(2, site.leadsGet(LeadsGetRequest.builder().userId(bob).build()).totalResults());

    CommandFailedException nowhere = assertThrows(CommandFailedException.class, () -> site.leadsMultiTransfer(
        LeadsMultiTransferRequest.builder().leadList(List.of((long) a)).build()));
    assertEquals(List.of("Provide to_userid, to_username or to_pool"), nowhere.messages());
  }

  @Test
  void leadsCsvImportNowAnswersTheSummaryAndQueuedAnswersItsStatusLater() {
    String csv = "first_name,last_name,email\nAnn,Lee,ann@example.com\nBen,Ray,ben@example.com\nbroken\n";
    RawJson config = new RawJson("{\"columns\":[\"first_name\",\"last_name\",\"email\"]}");
    LeadsCsvImportResponse now = site.leadsCsvImport(LeadsCsvImportRequest.builder().configJson(config)
        .csvFile(csv).processNow(true).build());
    assertNull(now.processId());
    assertEquals(2, now.summary().insertCount());
    assertEquals(1, now.summary().totalSkipped());
    assertEquals("imp_1.csv", now.summary().fileBasename());

    LeadsCsvImportResponse queued = site.leadsCsvImport(LeadsCsvImportRequest.builder().configJson(config)
        .csvFile(csv).build());
    assertEquals(2, queued.processId());
    assertNull(queued.summary());
    LeadsCsvImportStatusResponse status = site.leadsCsvImportStatus(LeadsCsvImportStatusRequest.builder()
        .processId(queued.processId()).build());
    assertEquals(LeadsCsvImportStatusResponse.CurrentStatus.FINISHED, status.currentStatus());
    assertEquals(new BigDecimal("100.00"), status.rowsPercent());
    assertEquals(LocalDateTime.of(2026, 11, 25, 10, 0), status.dCreated());
    assertEquals(config, status.usedConfig());
    assertEquals("uploads/imp_2.csv", status.usedFile());
    assertEquals(2, status.summary().insertCount());
    assertEquals(status, site.leadsCsvImportStatus(LeadsCsvImportStatusRequest.builder()
        .processFilename("imp_2.csv").build()));
    assertEquals(2, site.leadsGet(LeadsGetRequest.builder().searchParams("last_name=Lee").build())
        .totalResults()); // Ann Lee, once per import
  }

  // ---- orders ---------------------------------------------------------------------------------------------

  @Test
  void createOrderCarriesProductsAndAddressesAsJsonAndUpdateOrderFindsIt() {
    Address billing = Address.builder().firstName("test").lastName("test").addressLine1("1 fake street").city("tampa")
        .region("FL").country("US").postalCode("33771").email("test@example.com").phone("1234567890").build();
    CreateOrderRequest sent = CreateOrderRequest.builder().userId(1001)
        .products(List.of(
            Product.builder().qty(3).price(BigDecimal.ZERO).title("test0").stockItemId(0).productCode("asdfs0")
                .build(),
            Product.builder().qty(2).price(new BigDecimal("2")).title("test1").stockItemId(1)
                .productCode("asdfs1").build()))
        .total(new BigDecimal("10.00")).shipping(new BigDecimal("10.00")).tax(new BigDecimal("10.00"))
        .paymentStatus(CreateOrderRequest.PaymentStatus.AUTH_CAPTURE).billingAddr(billing).shippingAddr(billing)
        .dateAdded(LocalDateTime.of(2017, 2, 14, 13, 59)).build();
    CreateOrderResponse order = site.createOrder(sent);
    String orderId = order.unknownFields().get("order_id"); // the emulator's own pair, kept as unknown
    assertEquals(sent, emulator.order(Integer.parseInt(orderId)), "products and addresses arrive whole");

    site.updateOrder(UpdateOrderRequest.builder().orderId(Integer.parseInt(orderId)).trackingNum("nfij392")
        .skipShippedEmail(true).build());
    assertEquals("nfij392", emulator.trackingNumber(Integer.parseInt(orderId)));

    CommandFailedException noOrder = assertThrows(CommandFailedException.class,
        () -> site.updateOrder(UpdateOrderRequest.builder().orderId(5).build()));
    assertEquals(List.of("Fail", "No order 5"), noOrder.messages());
    CommandFailedException noProducts = assertThrows(CommandFailedException.class, () -> site.createOrder(
        CreateOrderRequest.builder().userId(1001).products(List.of()).total(BigDecimal.ONE).shipping(BigDecimal.ZERO)
            .tax(BigDecimal.ZERO).build()));
    assertTrue(noProducts.getMessage().contains("at least one product"));
  }

  @Test
  void createHostedCheckoutTakesNotesAsTextOrJson() {
    CreateHostedCheckoutRequest text = CreateHostedCheckoutRequest.builder().externalId(123)
        .price(new BigDecimal("12.00")).successUrl("https://example.com/receipt_page")
        .callbackUrl("https://example.com/webhook_page").notes(StringOr.text("a note")).build();
    CreateHostedCheckoutRequest json = text.toBuilder().notes(StringOr.value(new RawJson("{\"gift\":true}"))).build();
    site.createHostedCheckout(text);
    site.createHostedCheckout(json);
    assertEquals(List.of(text, json), emulator.checkouts());
  }

  // ---- batch, undocumented commands, async ----------------------------------------------------------------

  @Test
  void aBatchMapsEachAnswerBackToItsCommand() {
    FormBatch batch = site.newBatch();
    var lead = batch.add(CreateLeadRequest.COMMAND, CreateLeadRequest.builder().firstName("In batch").build());
    var check = batch.add(ValidateUserRequest.COMMAND, ValidateUserRequest.builder().username("nobody")
        .password("x").build());
    var unsupported = batch.add(EventsGetRequest.COMMAND, EventsGetRequest.builder().build());
    var invites = batch.add(IssueInvitesRequest.COMMAND, IssueInvitesRequest.builder().userId(1001)
        .typeName("1").build());
    List<BatchResult<?>> results = batch.send();

    assertEquals(4, results.size());
    assertEquals(1002, lead.result().orThrow().leadId());
    assertEquals(ValidateUserResponse.Validation.FAIL, check.result().orThrow().validation());
    BatchResult.Failed<?> failed = assertInstanceOf(BatchResult.Failed.class, unsupported.result());
    assertEquals("command events_get failed with status 1: Command events_get is not supported by this server",
        failed.error().getMessage());
    BatchResult.Done<?> done = assertInstanceOf(BatchResult.Done.class, invites.result());
    assertEquals("SUCCESS", done.status());
  }

  @Test
  void anUndocumentedCommandTakesExtraParametersAndKeepsEveryPairOfItsAnswer() {
    PingResponse echoed = site.ping(PingRequest.builder()
        .unknownFields(UnknownFields.empty().with("echo", "a&b=c d").with("name[k]", "ü")).build());
    assertEquals(UnknownFields.empty().with("echo", "a&b=c d").with("name[k]", "ü"), echoed.unknownFields());

    CommandFailedException notServed = assertThrows(CommandFailedException.class, () -> site.userGet());
    assertEquals(List.of("Command user_get is not supported by this server"), notServed.messages());
  }

  @Test
  void asyncCallsCompleteWithTheTypedResponseOrTheTypedError() throws Exception {
    assertEquals(1002, site.createLeadAsync(CreateLeadRequest.builder().firstName("Async").build()).get()
        .leadId());
    ExecutionException failed = assertThrows(ExecutionException.class, () -> site.leadsMergeAsync(
        LeadsMergeRequest.builder().mergeToLead(1).mergeLeadList(List.of(2L)).build()).get());
    assertInstanceOf(CommandFailedException.class, failed.getCause());
  }

  private String userToken() {
    return client(FormAuth.none()).userLoginToken(UserLoginTokenRequest.builder()
        .username(SiteServiceEmulator.SEEDED_USER).password("Pass1234").build()).aiToken();
  }
}
