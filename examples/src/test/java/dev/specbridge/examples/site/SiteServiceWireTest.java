package dev.specbridge.examples.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.form.BatchResult;
import dev.specbridge.runtime.form.CallContext;
import dev.specbridge.runtime.form.FormAuth;
import dev.specbridge.runtime.form.FormAuthenticator;
import dev.specbridge.runtime.form.FormEndpoint;
import dev.specbridge.runtime.form.FormServiceClient;
import dev.specbridge.runtime.http.EmbeddedHttpServer;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.value.StringOr;
import dev.specbridge.runtime.value.UnknownFields;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The site-service spec on the wire: requests with every documented field, as the page's examples fill them,
 * written in the pages' spellings and decoded by the generated server side into the very same records.
 */
class SiteServiceWireTest {
  private static final Address ADDRESS = Address.builder().firstName("test").lastName("test").company("")
      .addressLine1("1 fake street").addressLine2("").city("tampa").region("FL").country("US")
      .postalCode("33771").email("test@example.com").phone("1234567890").build();

  /** Every documented request field, filled with the pages' examples. */
  private static final List<Object> FULL_REQUESTS = List.of(
      CreateCustomerRequest.builder().username("johndoe").firstName("John").lastName("Doe").phone("8005551234")
          .email("john.doe@example.com").company("Doe Enterprises").password("Pass123").accountType("Customer")
          .externalId("abc123").enroller(123).externalEnrollerId("abc123").upline(123).externalUplineId("abc123")
          .payoutMethod("general_csv").dateAdded(LocalDateTime.of(2014, 1, 1, 13, 59)).ownerId(123)
          .govIdType("ssn").govIdNumber("123456789").build(),
      CreateHostedCheckoutRequest.builder().externalId(123).price(new BigDecimal("12.00"))
          .successUrl("https://example.com/receipt_page").callbackUrl("https://example.com/webhook_page")
          .notes(StringOr.text("a note")).build(),
      CreateLeadRequest.builder().firstName("John").lastName("Doe").company("Example Company")
          .address("123 Test Street").address2("123rd Ave").city("Test City").state("Test State").zip("97303")
          .country("Test Country").phone("132-123-1234").cell("321-321-4321").okToText(true).fax("213-213-4231")
          .skype("johnsmith100").ip("123.123.123.123").followupDate(LocalDateTime.of(2010, 1, 1, 12, 0))
          .besttime("Morning").status(1).priority("Warm").customStatus(0).gmtOffset(-5)
          .email("example@example.com").adminNotes("Note text for admins").govtId("100-10-1000")
          .source("example.com").tagAppend(List.of("prospect", "new"))
          .notes(List.of(LeadNote.builder().status("Message").text("test").build(),
              LeadNote.builder().status("Email").text("example@example.com").build()))
          .build(),
      CreateOrderRequest.builder().userId(1001)
          .products(List.of(Product.builder().qty(3).price(BigDecimal.ZERO).title("test0").stockItemId(0)
              .productCode("asdfs0").build()))
          .total(new BigDecimal("10.00")).shipping(new BigDecimal("10.00")).tax(new BigDecimal("10.00"))
          .externalId("1001").adminComments("Lorem Ispn").paymentStatus(CreateOrderRequest.PaymentStatus.REFUND_PARTIAL)
          .dateAdded(LocalDateTime.of(2017, 2, 14, 13, 59)).merchantId(10).billingAddr(ADDRESS)
          .shippingAddr(ADDRESS).build(),
      IssueInvitesRequest.builder().userId(31).externalUserId("sb9").typeName("1").qty(10).build(),
      LeadSetRequest.builder().mode(LeadSetRequest.Mode.UPDATE).leadId("123456").externalId("ABC123456")
          .fullName("John Doe").firstName("John").lastName("Doe").company("Example Company")
          .address("123 Test Street").address2("123rd Ave").city("Test City").state("Test State").zip("97303")
          .country("Test Country").lat(new BigDecimal("45.5231")).lng(new BigDecimal("-122.6765"))
          .phone("132-123-1234").cell("321-321-4321").fax("213-213-4231").skype("johnsmith100")
          .ip("123.123.123.123").okToText(false).followupDate(LocalDateTime.of(2010, 1, 1, 12, 0))
          .besttime("Morning").priority("Warm").status(1).customStatus("0").gmtOffset(-1000)
          .email("example@example.com").source("example.com").adminNotes("Note text for admins")
          .govtId("100-10-1000").subId("10").subId2("11").birthDate("1980-01-31").note("Bla bla").build(),
      LeadsCsvImportRequest.builder().userId(1001).configJson(new RawJson("{\"a\":[1,2]}")).csvFile(",,,")
          .processNow(true).build(),
      LeadsCsvImportStatusRequest.builder().userId(1001).processId(1234).processFilename("imp_200422.csv").build(),
      LeadsGetRequest.builder().userId(1001).searchParams("Received").pageSize(20).pageNumber(1)
          .limitFields(List.of("id", "status")).build(),
      LeadsMergeRequest.builder().mergeToLead(1234).mergeLeadList(List.of(123L, 456L)).userId(123).build(),
      LeadsMultiManageTagsRequest.builder().tagsAdd(List.of("newtag1", "newtag2"))
          .tagsRemove(List.of("oldtag1", "oldtag2")).leadList(List.of(123L, 456L)).userId(123).build(),
      LeadsMultiTransferRequest.builder().toUserId(123).toUsername("bobsmith").toPool("Pool Name")
          .leadList(List.of(123L, 456L)).userId(123).resetLeads(false).build(),
      QueryUsersRequest.builder().userId(123).externalId("123").username("john_smith").company("Smith Inc")
          .firstName("John").lastName("Smith").email("john.smith@example.com").country("United States")
          .accountType("Customer").proximitySearch(true).returnCountOnly(false).personalPhoto("p.jpg")
          .personalBackground("bg").aboutMe("me").enrollerId(7).build(),
      SendSystemEmailRequest.builder().id(12).title("enrollment_order_success").to("recipient@theirsite.com")
          .from("admin@yoursite.com").subject("Yoursite Confirmation Email")
          .vars(Map.of("first_name", "John", "site_url", "www.yoursite.com")).allowHtml(true).build(),
      UpdateOrderRequest.builder().orderId(1001).trackingNum("nfij392").skipShippedEmail(true).build(),
      UpdateUserRequest.builder().userId(123).username("johndoe").externalId("Abc123").password("Pass123")
          .firstName("John").lastName("Doe").phone("8005551234").email("john.doe@example.com")
          .company("Doe Enterprises").accountType("Customer").country("US").isBusiness("True").govIdType("ssn")
          .govIdNumber("123456789").build(),
      UserLoginLinkRequest.builder().externalId("abc123").username("johndoe").password("Pass123")
          .firstName("John").lastName("Doe").phone("8005551234").email("john.doe@example.com")
          .company("Doe Enterprises").accountType("Customer").pairExisting(true)
          .dateAdded(LocalDateTime.of(2014, 1, 1, 13, 59)).build(),
      UserLoginTokenRequest.builder().username("johndoe").password("Pass123").reissue(true)
          .expiration("2018-02-08").build(),
      UserLoginTokenUpdateRequest.builder().aiToken("S09F2092JF09ASDAFDUFAAFDUD_BMX9I").reissue(false)
          .expiration("2018-02-08").build(),
      ValidateUserRequest.builder().username("johndoe").password("Pass123").build());

  @Test
  void everyDocumentedRequestFieldArrivesAsSent() throws IOException {
    Recorder recorder = new Recorder();
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start(SiteServiceClient.PATH,
        new FormEndpoint(SiteServiceHandler.dispatcher(recorder), FormAuthenticator.login("apiuser", "pw")))) {
      SiteServiceClient site = new SiteServiceClient(FormServiceClient.builder(server.url(SiteServiceClient.PATH))
          .allowPlainHttp().auth(FormAuth.login("apiuser", "pw")).build());
      for (Object request : FULL_REQUESTS) {
        send(site, request);
        assertEquals(request, recorder.received, "decoded by the server as sent");
      }
    }
  }

  @Test
  void thePagesSpellingsAreWhatTravels() throws Exception {
    try (MockWebServer peer = new MockWebServer()) {
      peer.start();
      SiteServiceClient site = clientOf(peer);
      peer.enqueue(new MockResponse.Builder().body("status=0").build());
      site.updateUser(UpdateUserRequest.builder().externalId("Abc123").isBusiness("True").build());
      assertEquals("ai_login_id=apiuser&ai_login_password=pw&ai_command=update_user&exteral_id=Abc123"
          + "&is_business=True", body(peer.takeRequest()), "exteral_id, sic");

      peer.enqueue(new MockResponse.Builder().body("status=0&lead_id=1001").build());
      site.createLead(CreateLeadRequest.builder().okToText(true).tagAppend(List.of("prospect", "new")).build());
      String lead = body(peer.takeRequest());
      assertTrue(lead.endsWith("&ok_to_text=Y&tag_append=prospect%2Cnew"), lead);

      peer.enqueue(new MockResponse.Builder().body("status=0").build());
      site.leadSet(LeadSetRequest.builder().mode(LeadSetRequest.Mode.INSERT).okToText(false).build());
      assertTrue(body(peer.takeRequest()).endsWith("&mode=insert&ok_to_text=No"), "Yes/No in lead_set");

      peer.enqueue(new MockResponse.Builder().body("status=0").build());
      site.leadsMultiTransfer(LeadsMultiTransferRequest.builder().leadList(List.of(1L)).resetLeads(true).build());
      assertTrue(body(peer.takeRequest()).endsWith("&lead_list=1&reset_leads=1"), "1/0");

      peer.enqueue(new MockResponse.Builder().body("status=0").build());
      site.sendSystemEmail(SendSystemEmailRequest.builder().to("a@b").allowHtml(false).build());
      assertTrue(body(peer.takeRequest()).endsWith("&to=a%40b&allow_html=false"), "true/false");
    }
  }

  @Test
  void documentedAnswersReadWithTheirQuirks() throws Exception {
    try (MockWebServer peer = new MockWebServer()) {
      peer.start();
      SiteServiceClient site = clientOf(peer);
      // The page's own example status is misspelt, and its summary an empty PHP array.
      peer.enqueue(new MockResponse.Builder().body("status=0&current_status=FINSIHED&rows_percent=92.12"
          + "&d_started=0000-00-00+00%3A00%3A00&d_created=2020-12-31+12%3A15%3A15&used_config=%5B%5D&summary=%5B%5D")
          .build());
      LeadsCsvImportStatusResponse status = site.leadsCsvImportStatus(LeadsCsvImportStatusRequest.builder()
          .processId(1234).build());
      assertFalse(status.currentStatus().isKnown());
      assertEquals("FINSIHED", status.currentStatus().wireValue());
      assertNull(status.dStarted(), "a zero date is absent");
      assertEquals(LocalDateTime.of(2020, 12, 31, 12, 15, 15), status.dCreated());
      assertEquals(ImportSummary.builder().build(), status.summary());

      // user_login_link's answer, with its secrets kept out of toString()
      peer.enqueue(new MockResponse.Builder().body("status=0&user_id=1001&ai_sid=31754&ai_sid_key=i1e9hr978d"
          + "&dashboard_url=http%3A%2F%2Fdomain.com%2Fdashboard%3Fai_sid%3D31754%26ai_sid_key%3Di1e9hr978d").build());
      UserLoginLinkResponse link = site.userLoginLink(UserLoginLinkRequest.builder().externalId("abc123").build());
      assertEquals("http://domain.com/dashboard?ai_sid=31754&ai_sid_key=i1e9hr978d", link.dashboardUrl());
      assertFalse(link.toString().contains("i1e9hr978d"), link.toString());

      // batch: the page's own example answer, one object per command or a bare error string
      peer.enqueue(new MockResponse.Builder().body("status=0&response=" + URLEncoder.encode(
          "[{\"status\":0,\"lead_id\":1003},{\"status\":1,\"status_message\":\"Record does not exist\"},"
              + "\"ERROR: Required parameter \\\"record_id\\\" missing\"]", StandardCharsets.UTF_8))
          .build());
      peer.takeRequest();
      peer.takeRequest();
      var batch = site.newBatch();
      var created = batch.add(CreateLeadRequest.COMMAND, CreateLeadRequest.builder().build());
      var merged = batch.add(LeadsMergeRequest.COMMAND, LeadsMergeRequest.builder().mergeToLead(1)
          .mergeLeadList(List.of(2L)).build());
      var ping = batch.add(PingRequest.COMMAND, PingRequest.builder()
          .unknownFields(UnknownFields.empty().with("bad_param", "1003")).build());
      batch.send();
      assertEquals(1003, created.result().orThrow().leadId());
      assertTrue(merged.result().toString().contains("Record does not exist"), merged.result().toString());
      assertEquals("ERROR: Required parameter \"record_id\" missing",
          ((BatchResult.ErrorText<?>) ping.result()).text());
      String sent = URLDecoder.decode(body(peer.takeRequest()), StandardCharsets.UTF_8);
      assertTrue(sent.contains("{\"ai_command\":\"leads_merge\",\"merge_to_lead\":\"1\",\"merge_lead_list\":\"2\"}"),
          sent);
    }
  }

  private static SiteServiceClient clientOf(MockWebServer peer) {
    return new SiteServiceClient(FormServiceClient.builder(peer.url(SiteServiceClient.PATH).toString())
        .allowPlainHttp().auth(FormAuth.login("apiuser", "pw")).build());
  }

  private static String body(RecordedRequest request) {
    return request.getBody().utf8();
  }

  private static void send(SiteServiceClient site, Object request) {
    Map<Class<?>, Consumer<Object>> calls = Map.ofEntries(
        Map.entry(CreateCustomerRequest.class, r -> site.createCustomer((CreateCustomerRequest) r)),
        Map.entry(CreateHostedCheckoutRequest.class, r -> site.createHostedCheckout((CreateHostedCheckoutRequest) r)),
        Map.entry(CreateLeadRequest.class, r -> site.createLead((CreateLeadRequest) r)),
        Map.entry(CreateOrderRequest.class, r -> site.createOrder((CreateOrderRequest) r)),
        Map.entry(IssueInvitesRequest.class, r -> site.issueInvites((IssueInvitesRequest) r)),
        Map.entry(LeadSetRequest.class, r -> site.leadSet((LeadSetRequest) r)),
        Map.entry(LeadsCsvImportRequest.class, r -> site.leadsCsvImport((LeadsCsvImportRequest) r)),
        Map.entry(LeadsCsvImportStatusRequest.class, r -> site.leadsCsvImportStatus((LeadsCsvImportStatusRequest) r)),
        Map.entry(LeadsGetRequest.class, r -> site.leadsGet((LeadsGetRequest) r)),
        Map.entry(LeadsMergeRequest.class, r -> site.leadsMerge((LeadsMergeRequest) r)),
        Map.entry(LeadsMultiManageTagsRequest.class, r -> site.leadsMultiManageTags((LeadsMultiManageTagsRequest) r)),
        Map.entry(LeadsMultiTransferRequest.class, r -> site.leadsMultiTransfer((LeadsMultiTransferRequest) r)),
        Map.entry(QueryUsersRequest.class, r -> site.queryUsers((QueryUsersRequest) r)),
        Map.entry(SendSystemEmailRequest.class, r -> site.sendSystemEmail((SendSystemEmailRequest) r)),
        Map.entry(UpdateOrderRequest.class, r -> site.updateOrder((UpdateOrderRequest) r)),
        Map.entry(UpdateUserRequest.class, r -> site.updateUser((UpdateUserRequest) r)),
        Map.entry(UserLoginLinkRequest.class, r -> site.userLoginLink((UserLoginLinkRequest) r)),
        Map.entry(UserLoginTokenRequest.class, r -> site.userLoginToken((UserLoginTokenRequest) r)),
        Map.entry(UserLoginTokenUpdateRequest.class, r -> site.userLoginTokenUpdate((UserLoginTokenUpdateRequest) r)),
        Map.entry(ValidateUserRequest.class, r -> site.validateUser((ValidateUserRequest) r)));
    calls.get(request.getClass()).accept(request);
  }

  /** Keeps the last request it decoded and answers with an empty response. */
  private static final class Recorder implements SiteServiceHandler {
    Object received;

    private <R> R keep(Object request, R response) {
      received = request;
      return response;
    }

    @Override
    public CreateCustomerResponse createCustomer(CreateCustomerRequest r, CallContext c) {
      return keep(r, CreateCustomerResponse.builder().build());
    }

    @Override
    public CreateHostedCheckoutResponse createHostedCheckout(CreateHostedCheckoutRequest r, CallContext c) {
      return keep(r, CreateHostedCheckoutResponse.builder().build());
    }

    @Override
    public CreateLeadResponse createLead(CreateLeadRequest r, CallContext c) {
      return keep(r, CreateLeadResponse.builder().build());
    }

    @Override
    public CreateOrderResponse createOrder(CreateOrderRequest r, CallContext c) {
      return keep(r, CreateOrderResponse.builder().build());
    }

    @Override
    public IssueInvitesResponse issueInvites(IssueInvitesRequest r, CallContext c) {
      return keep(r, IssueInvitesResponse.builder().build());
    }

    @Override
    public LeadSetResponse leadSet(LeadSetRequest r, CallContext c) {
      return keep(r, LeadSetResponse.builder().build());
    }

    @Override
    public LeadsCsvImportResponse leadsCsvImport(LeadsCsvImportRequest r, CallContext c) {
      return keep(r, LeadsCsvImportResponse.builder().build());
    }

    @Override
    public LeadsCsvImportStatusResponse leadsCsvImportStatus(LeadsCsvImportStatusRequest r, CallContext c) {
      return keep(r, LeadsCsvImportStatusResponse.builder().build());
    }

    @Override
    public LeadsGetResponse leadsGet(LeadsGetRequest r, CallContext c) {
      return keep(r, LeadsGetResponse.builder().build());
    }

    @Override
    public LeadsMergeResponse leadsMerge(LeadsMergeRequest r, CallContext c) {
      return keep(r, LeadsMergeResponse.builder().build());
    }

    @Override
    public LeadsMultiManageTagsResponse leadsMultiManageTags(LeadsMultiManageTagsRequest r, CallContext c) {
      return keep(r, LeadsMultiManageTagsResponse.builder().build());
    }

    @Override
    public LeadsMultiTransferResponse leadsMultiTransfer(LeadsMultiTransferRequest r, CallContext c) {
      return keep(r, LeadsMultiTransferResponse.builder().build());
    }

    @Override
    public QueryUsersResponse queryUsers(QueryUsersRequest r, CallContext c) {
      return keep(r, QueryUsersResponse.builder().build());
    }

    @Override
    public SendSystemEmailResponse sendSystemEmail(SendSystemEmailRequest r, CallContext c) {
      return keep(r, SendSystemEmailResponse.builder().build());
    }

    @Override
    public UpdateOrderResponse updateOrder(UpdateOrderRequest r, CallContext c) {
      return keep(r, UpdateOrderResponse.builder().build());
    }

    @Override
    public UpdateUserResponse updateUser(UpdateUserRequest r, CallContext c) {
      return keep(r, UpdateUserResponse.builder().build());
    }

    @Override
    public UserLoginLinkResponse userLoginLink(UserLoginLinkRequest r, CallContext c) {
      return keep(r, UserLoginLinkResponse.builder().build());
    }

    @Override
    public UserLoginTokenResponse userLoginToken(UserLoginTokenRequest r, CallContext c) {
      return keep(r, UserLoginTokenResponse.builder().build());
    }

    @Override
    public UserLoginTokenUpdateResponse userLoginTokenUpdate(UserLoginTokenUpdateRequest r, CallContext c) {
      return keep(r, UserLoginTokenUpdateResponse.builder().build());
    }

    @Override
    public ValidateUserResponse validateUser(ValidateUserRequest r, CallContext c) {
      return keep(r, ValidateUserResponse.builder().build());
    }
  }
}
