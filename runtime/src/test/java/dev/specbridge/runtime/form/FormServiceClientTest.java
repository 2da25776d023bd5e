package dev.specbridge.runtime.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.error.ApiException;
import dev.specbridge.runtime.error.CommandFailedException;
import dev.specbridge.runtime.error.HttpStatusException;
import dev.specbridge.runtime.error.MalformedResponseException;
import dev.specbridge.runtime.error.TransportException;
import dev.specbridge.runtime.http.CommandTag;
import dev.specbridge.runtime.http.HttpTransport;
import dev.specbridge.runtime.value.UnknownFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted HTTP peer: the exact requests it sends, and every kind of answer. */
class FormServiceClientTest {
  private static final String PASSWORD = "APIuser123";

  /** A command whose request is a map of pairs and whose response is every pair left after the envelope. */
  private static FormCommand<Map<String, String>, UnknownFields> command(String name, boolean idempotent,
      String successStatus) {
    return new FormCommand<>(name, idempotent, successStatus, (sink, request) -> request.forEach(sink::add),
        in -> Map.of(), (sink, response) -> { }, FormReader::rest);
  }

  private static final FormCommand<Map<String, String>, UnknownFields> CREATE_LEAD = command("create_lead", false,
      null);

  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FormServiceClient.Builder client() {
    return FormServiceClient.builder(server.url("/service").toString()).allowPlainHttp();
  }

  private void answer(String body) {
    server.enqueue(new MockResponse.Builder().body(body).build());
  }

  private static Map<String, String> lead() {
    Map<String, String> pairs = new LinkedHashMap<>();
    pairs.put("first_name", "John");
    pairs.put("address", "123 Test Street & Co");
    return pairs;
  }

  @Test
  void anAsyncCallWhoseDecodingThrowsAnErrorStillCompletesAndTheClientLivesOn() throws Exception {
    FormCommand<Map<String, String>, UnknownFields> deep = new FormCommand<>("deep", false, null,
        (sink, request) -> { }, in -> Map.of(), (sink, response) -> { }, in -> {
          throw new StackOverflowError("a decoder that recursed too far");
        });
    answer("status=0");
    answer("status=0&lead_id=1001");
    FormServiceClient client = client().build();
    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> client.callAsync(deep, Map.of()).get(10, java.util.concurrent.TimeUnit.SECONDS));
    assertInstanceOf(StackOverflowError.class, failed.getCause());
    assertEquals("1001", client.callAsync(CREATE_LEAD, lead()).get(10, java.util.concurrent.TimeUnit.SECONDS)
        .get("lead_id"), "OkHttp's dispatcher thread survived");
  }

  @Test
  void anAnswerWithTwoStatusesIsMalformedWhicheverComesFirst() {
    FormServiceClient client = client().build();
    for (String body : List.of("status=0&status=1&lead_id=1", "status=1&status=0&lead_id=1")) {
      answer(body);
      MalformedResponseException e = assertThrows(MalformedResponseException.class,
          () -> client.call(CREATE_LEAD, lead()));
      assertTrue(e.getMessage().contains("more than one status"), e.getMessage());
      assertEquals(body, e.rawBody());
    }
  }

  @Test
  void rawBytesThatAreNotTextInTheDeclaredCharsetAreATypedErrorNeverReplaced() {
    FormServiceClient client = client().build();
    server.enqueue(new MockResponse.Builder().body(new okio.Buffer().writeUtf8("status=0&name=")
        .writeByte(0xff).writeUtf8("x")).build());
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> client.call(CREATE_LEAD, lead()));
    assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/plain; charset=ISO-8859-1")
        .body(new okio.Buffer().writeUtf8("status=0&name=Jos").writeByte(0xe9)).build());
    assertEquals("Jos\u00e9", client.call(CREATE_LEAD, lead()).get("name"), "a declared charset is honoured");
  }

  @Test
  void aBracketKeyNestedTenThousandDeepIsAPairNotAStackOverflow() {
    answer("status=0&leads[0]" + "[b]".repeat(10_000) + "=x&lead_id=1");
    UnknownFields rest = client().build().call(CREATE_LEAD, lead());
    assertEquals("1", rest.get("lead_id"));
    assertEquals("x", rest.get("leads[0]" + "[b]".repeat(10_000)));
  }

  @Test
  void aServerThatEchoesTheRequestNeverPutsTheCredentialInAMessageAndLongMessagesAreCut() {
    answer("status=1&status_message[0]=Invalid+request%3A+ai_login_id%3Dapiuser%26ai_login_password%3D"
        + PASSWORD + "&status_message[1]=" + "x".repeat(100_000));
    CommandFailedException e = assertThrows(CommandFailedException.class,
        () -> client().auth(FormAuth.login("apiuser", PASSWORD)).build().call(CREATE_LEAD, lead()));
    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    assertTrue(e.getMessage().contains("ai_login_password=██"), e.getMessage());
    assertTrue(e.getMessage().length() < 1_100, "bounded: " + e.getMessage().length());
    assertTrue(e.messages().get(0).contains(PASSWORD), "the data stays whole on the exception");
    assertEquals(100_000, e.messages().get(1).length());
  }

  @Test
  void aPasswordInTheServiceUrlIsNeverPrinted() {
    String shown = FormServiceClient.builder("https://apiuser:" + PASSWORD + "@example.com/service?key=k").build()
        .toString();
    assertFalse(shown.contains(PASSWORD) || shown.contains("key=k"), shown);
    assertTrue(shown.contains("https://██@example.com/service"), shown);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FormServiceClient.builder("htps://apiuser:" + PASSWORD + "@example.com/service"));
    assertFalse(e.getMessage().contains(PASSWORD), "a URL with a typo in its scheme: " + e.getMessage());
  }

  @Test
  void aClientForASitePostsToTheSpecsPathBelowIt() throws Exception {
    for (String site : List.of(server.url("/").toString(), server.url("/shop/").toString())) {
      answer("status=0&lead_id=1");
      FormServiceClient.builder(site, "/service").allowPlainHttp().build().call(CREATE_LEAD, lead());
      assertEquals(site.endsWith("/shop/") ? "/shop/service" : "/service", server.takeRequest().getTarget());
    }
    assertThrows(IllegalArgumentException.class, () -> FormServiceClient.builder("https://a.example/?k=v", "/s"));
  }

  @Test
  void anAnswerOverTheCapIsATypedErrorAndIsNotReadWhole() {
    answer("status=0&blob=" + "x".repeat(5_000));
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> client().transport(HttpTransport.builder().maxAnswerBytes(1_024).build()).build().call(CREATE_LEAD, lead()));
    assertTrue(e.getMessage().contains("larger than 1024 bytes"), e.getMessage());
    assertEquals(1_000, e.rawBody().length(), "its start is kept");
    answer("status=0&lead_id=1");
    assertEquals("1", client().transport(HttpTransport.builder().maxAnswerBytes(1_024).build()).build().call(CREATE_LEAD, lead()).get("lead_id"));
  }

  @Test
  void everyRequestIsTaggedWithItsCommandForInterceptors() {
    List<String> seen = new java.util.ArrayList<>();
    okhttp3.OkHttpClient mine = new okhttp3.OkHttpClient.Builder().addInterceptor(chain -> {
      seen.add(chain.request().tag(CommandTag.class).command());
      return chain.proceed(chain.request());
    }).build();
    answer("status=0&lead_id=1");
    client().transport(HttpTransport.builder().httpClient(mine).build()).build().call(CREATE_LEAD, lead());
    assertEquals(List.of("create_lead"), seen);
  }

  @Test
  void aClientHasADeadlineByDefaultAndClosesOnlyWhatItMade() {
    FormServiceClient own = client().build();
    assertEquals(30_000, own.transport().http().callTimeoutMillis(), "a trickling server cannot hold a call");
    own.close();
    assertTrue(own.transport().http().dispatcher().executorService().isShutdown());
    okhttp3.OkHttpClient mine = new okhttp3.OkHttpClient();
    HttpTransport transport = HttpTransport.builder().httpClient(mine).build();
    client().transport(transport).build().close();
    assertFalse(transport.http().dispatcher().executorService().isShutdown(), "a given transport is not closed");
    transport.close();
    assertFalse(mine.dispatcher().executorService().isShutdown(), "the given client is its owner's to close");
  }

  @Test
  void loginModeSendsIdPasswordAndCommandFirst() throws Exception {
    answer("status=0&status_message=Lead+Creation+Successful&lead_id=1001");
    FormReply<UnknownFields> reply = client().auth(FormAuth.login("apiuser", PASSWORD)).build()
        .exchange(CREATE_LEAD, lead());
    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/service", request.getTarget());
    assertEquals("application/x-www-form-urlencoded; charset=utf-8", request.getHeaders().get("Content-Type"));
    assertEquals("ai_login_id=apiuser&ai_login_password=APIuser123&ai_command=create_lead&first_name=John"
        + "&address=123+Test+Street+%26+Co", request.getBody().utf8());
    assertEquals("1001", reply.response().get("lead_id"));
    assertEquals(List.of("Lead Creation Successful"), reply.messages());
  }

  @Test
  void sitecomTokenModeSendsOnlyTheToken() throws Exception {
    answer("status=0");
    client().auth(FormAuth.sitecomToken("A20ZPutYormM9S8AXjMGqTvmLEbx8FS_2lQCvBwinbA")).build()
        .call(CREATE_LEAD, Map.of());
    assertEquals("ai_sitecom_token=A20ZPutYormM9S8AXjMGqTvmLEbx8FS_2lQCvBwinbA&ai_command=create_lead",
        server.takeRequest().getBody().utf8());
  }

  @Test
  void userTokenModeSendsAiToken() throws Exception {
    answer("status=0");
    client().auth(FormAuth.userToken("S09F2092JF09ASDAFDUFAAFDUD_BMX9I")).build().call(CREATE_LEAD, Map.of());
    assertEquals("ai_token=S09F2092JF09ASDAFDUFAAFDUD_BMX9I&ai_command=create_lead",
        server.takeRequest().getBody().utf8());
  }

  @Test
  void signedModeSendsHeadersAndACredentialFreeBody() throws Exception {
    answer("status=0");
    RequestSigner signer = input -> input.user() + "|" + input.command() + "|" + input.nonce() + "|"
        + new String(input.body(), java.nio.charset.StandardCharsets.US_ASCII);
    client().auth(FormAuth.signed("johnsmith", signer)).nonces(() -> "5e0c6da0").build()
        .call(command("ping", true, null), Map.of("foo", "ABC012", "bar", "xyz789"));
    RecordedRequest request = server.takeRequest();
    String body = request.getBody().utf8();
    assertFalse(body.contains("ai_"), body);
    assertEquals("AI johnsmith:johnsmith|ping|5e0c6da0|" + body, request.getHeaders().get("Authorization"));
    assertEquals("ping", request.getHeaders().get("X-AI-Command"));
    assertEquals("5e0c6da0", request.getHeaders().get("X-AI-Nonce"));
  }

  @Test
  void aRequestCarryingItsOwnAiTokenIsNotSentTheClientsToo() throws Exception {
    answer("status=0");
    client().auth(FormAuth.userToken("T1")).build()
        .call(command("user_login_token_update", false, null), Map.of("ai_token", "T2"));
    assertEquals("ai_command=user_login_token_update&ai_token=T2", server.takeRequest().getBody().utf8());
  }

  @Test
  void aRetriedSignedRequestIsSignedAgainWithANewNonce() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
    answer("status=0");
    java.util.concurrent.atomic.AtomicInteger nonces = new java.util.concurrent.atomic.AtomicInteger();
    RequestSigner signer = input -> input.command() + "|" + input.nonce();
    client().auth(FormAuth.signed("johnsmith", signer)).nonces(() -> "n" + nonces.incrementAndGet()).transport(HttpTransport.builder()
        .retries(1).build()).build().call(command("ping", true, null), Map.of());
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertEquals("n1", first.getHeaders().get("X-AI-Nonce"));
    assertEquals("n2", second.getHeaders().get("X-AI-Nonce"));
    assertEquals("AI johnsmith:ping|n2", second.getHeaders().get("Authorization"));
    assertEquals("Signed[user=johnsmith, signer=██]", FormAuth.signed("johnsmith", signer).toString());
  }

  @Test
  void aNonZeroStatusIsATypedErrorWithEveryMessage() {
    String body = "status=1&status_message%5B0%5D=Error+Occurred&status_message%5B1%5D=lead_list+is+required";
    answer(body);
    CommandFailedException e = assertThrows(CommandFailedException.class,
        () -> client().auth(FormAuth.login("apiuser", PASSWORD)).build().call(CREATE_LEAD, lead()));
    assertEquals(1, e.status());
    assertEquals(List.of("Error Occurred", "lead_list is required"), e.messages());
    assertEquals(body, e.rawBody());
    assertFalse(e.getMessage().contains(PASSWORD));
  }

  @Test
  void aCommandsOwnSuccessStatusIsSuccessAndOthersKeepTheirRawStatus() {
    answer("status=SUCCESS");
    assertEquals(UnknownFields.empty(), client().build().call(command("issue_invites", false, "SUCCESS"), Map.of()));
    answer("status=FAILED&status_message=no+invites+left");
    CommandFailedException e = assertThrows(CommandFailedException.class,
        () -> client().build().call(command("issue_invites", false, "SUCCESS"), Map.of()));
    assertNull(e.status());
    assertEquals("FAILED", e.rawStatus());
  }

  @Test
  void aJsonAnswerIsReadToo() {
    answer("{\"status\":0,\"num_results\":1,\"leads\":[{\"id\":7}]}");
    UnknownFields rest = client().build().call(command("leads_get", true, null), Map.of());
    assertEquals("1", rest.get("num_results"));
    assertEquals("[{\"id\":7}]", rest.get("leads"));
  }

  @Test
  void malformedAnswersAreTypedErrorsWithTheRawBody() {
    FormServiceClient client = client().auth(FormAuth.login("apiuser", PASSWORD)).build();
    String html = "<html><body>Fatal error</body></html>";
    server.enqueue(new MockResponse.Builder().body(html).setHeader("Content-Type", "text/html").build());
    MalformedResponseException page = assertThrows(MalformedResponseException.class,
        () -> client.call(CREATE_LEAD, lead()));
    assertEquals(html, page.rawBody());
    assertTrue(page.getMessage().contains("HTML"), page.getMessage());

    answer("");
    assertTrue(assertThrows(MalformedResponseException.class, () -> client.call(CREATE_LEAD, lead()))
        .getMessage().contains("empty"));

    answer("lead_id=1001");
    MalformedResponseException noStatus = assertThrows(MalformedResponseException.class,
        () -> client.call(CREATE_LEAD, lead()));
    assertTrue(noStatus.getMessage().contains("no status"), noStatus.getMessage());
    assertEquals("lead_id=1001", noStatus.rawBody());

    answer("status=0&name=%E0%A4");
    assertTrue(assertThrows(MalformedResponseException.class, () -> client.call(CREATE_LEAD, lead()))
        .getMessage().contains("not URL-encoded"));

    server.enqueue(new MockResponse.Builder().code(500).body("Internal Server Error").build());
    HttpStatusException http = assertThrows(HttpStatusException.class, () -> client.call(CREATE_LEAD, lead()));
    assertEquals(500, http.httpStatus());
    assertEquals("Internal Server Error", http.rawBody());

    server.enqueue(new MockResponse.Builder().code(302)
        .setHeader("Location", "https://example.com/?status=0&ai_sid_key=i1e9hr978d").build());
    HttpStatusException redirect = assertThrows(HttpStatusException.class, () -> client.call(CREATE_LEAD, lead()));
    assertEquals(302, redirect.httpStatus());
    assertFalse(redirect.getMessage().contains("i1e9hr978d"), "the query may carry session keys");

    for (ApiException e : List.<ApiException>of(page, noStatus, http, redirect)) {
      assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }
  }

  @Test
  void onlyIdempotentCommandsAreRetried() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().body("status=0&n=1").build());
    FormServiceClient client = client().transport(HttpTransport.builder().retries(2).build()).build();
    assertEquals("1", client.call(command("ping", true, null), Map.of()).get("n"));
    assertEquals(2, server.getRequestCount());

    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().body("status=0").build());
    assertThrows(TransportException.class, () -> client.call(CREATE_LEAD, lead()));
    assertEquals(3, server.getRequestCount(), "create_lead is not idempotent: sent once");
  }

  @Test
  void aBusyServerIsRetriedAfterTheWaitItAsksForBlockingAndAsyncAlike() throws Exception {
    FormServiceClient client = client().transport(HttpTransport.builder().retries(2)
        .backoff(java.time.Duration.ZERO, java.time.Duration.ZERO).build()).build();
    FormCommand<Map<String, String>, UnknownFields> ping = command("ping", true, null);
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").body("busy").build());
    server.enqueue(new MockResponse.Builder().code(429).body("slow down").build());
    answer("status=0&n=1");
    assertEquals("1", client.call(ping, Map.of()).get("n"));
    assertEquals(3, server.getRequestCount());
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").body("busy").build());
    answer("status=0&n=2");
    assertEquals("2", client.callAsync(ping, Map.of()).get(10, java.util.concurrent.TimeUnit.SECONDS).get("n"));
    assertEquals(5, server.getRequestCount());
    server.enqueue(new MockResponse.Builder().code(429).body("slow down").build());
    HttpStatusException once = assertThrows(HttpStatusException.class, () -> client.call(CREATE_LEAD, lead()));
    assertEquals(429, once.httpStatus(), "create_lead is not idempotent: sent once");
    assertEquals(6, server.getRequestCount());
  }

  @Test
  void asyncCallsCompleteWithTheResponseOrTheSameErrors() throws Exception {
    FormServiceClient client = client().build();
    answer("status=0&lead_id=7");
    assertEquals("7", client.callAsync(CREATE_LEAD, lead()).get().get("lead_id"));
    answer("status=2&status_message=nope");
    ExecutionException e = assertThrows(ExecutionException.class, () -> client.callAsync(CREATE_LEAD, lead()).get());
    assertInstanceOf(CommandFailedException.class, e.getCause());
  }

  @Test
  void plainHttpMustBeAllowedExplicitlyAndSecretsNeverPrint() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> FormServiceClient.builder("http://example.com/service").build());
    assertTrue(e.getMessage().contains("not HTTPS"));
    FormServiceClient client = FormServiceClient.builder("https://example.com/service")
        .auth(FormAuth.login("apiuser", PASSWORD)).build();
    assertFalse(client.toString().contains(PASSWORD), client.toString());
    assertFalse(FormAuth.userToken("tok123").toString().contains("tok123"));
    assertFalse(FormAuth.sitecomToken("tok123").toString().contains("tok123"));
  }

  @Test
  void aBatchMapsEachAnswerBackToItsCommand() throws Exception {
    answer("status=0&response=" + FormEncoding.encode("[{\"status\":0,\"record_id\":1003},"
        + "{\"status\":1,\"status_message\":\"Record does not exist\"},"
        + "\"ERROR: Required parameter \\\"record_id\\\" missing\"]"));
    FormCommand<Map<String, String>, UnknownFields> remove = command("remove_volume", false, null);
    FormBatch batch = client().auth(FormAuth.login("apiuser", PASSWORD)).build().batch("batch");
    FormBatch.Item<Map<String, String>, UnknownFields> first = batch.add(remove, Map.of("record_id", "1001"));
    FormBatch.Item<Map<String, String>, UnknownFields> second = batch.add(remove, Map.of("record_id", "1002"));
    FormBatch.Item<Map<String, String>, UnknownFields> third = batch.add(remove, Map.of("bad_param", "1003"));
    assertEquals(3, batch.send().size());

    String body = server.takeRequest().getBody().utf8();
    assertEquals("ai_login_id=apiuser&ai_login_password=APIuser123&ai_command=batch&json="
        + FormEncoding.encode("[{\"ai_command\":\"remove_volume\",\"record_id\":\"1001\"},"
            + "{\"ai_command\":\"remove_volume\",\"record_id\":\"1002\"},"
            + "{\"ai_command\":\"remove_volume\",\"bad_param\":\"1003\"}]"), body);
    assertEquals("1003", first.result().orThrow().get("record_id"));
    BatchResult.Failed<?> failed = assertInstanceOf(BatchResult.Failed.class, second.result());
    assertEquals(List.of("Record does not exist"), ((CommandFailedException) failed.error()).messages());
    assertEquals(new BatchResult.ErrorText<>("ERROR: Required parameter \"record_id\" missing"), third.result());
  }

  /** A command like {@code command(…)} whose spec marks {@code card_pin} secret. */
  private static FormCommand<Map<String, String>, UnknownFields> secretPin(String name) {
    return new FormCommand<>(name, false, null, java.util.Set.of("card_pin"),
        (sink, request) -> request.forEach(sink::add), in -> Map.of(), (sink, response) -> { }, FormReader::rest);
  }

  private static HttpTransport listening(List<dev.specbridge.runtime.http.CallEvent> events) {
    return HttpTransport.builder().listener(events::add).build();
  }

  @Test
  void aBatchHidesTheSecretFieldsOfTheCommandsItCarries() {
    answer("status=0&response=" + FormEncoding.encode("[{\"status\":0}]"));
    List<dev.specbridge.runtime.http.CallEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    FormBatch batch = client().transport(listening(events)).build().batch("batch");
    batch.add(secretPin("charge"), Map.of("amount", "5", "card_pin", "9876"));
    batch.send();
    String shown = events.get(0).request();
    assertFalse(shown.contains("9876"), "the spec marks card_pin secret: " + shown);
  }

  @Test
  void aSecretFieldTheServerEchoesInAStatusMessageIsHiddenInTheMessageAndTheLogLine() {
    answer("status=1&status_message=" + FormEncoding.encode("card_pin=9876 is wrong"));
    List<dev.specbridge.runtime.http.CallEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    FormServiceClient client = client().transport(listening(events)).build();
    CommandFailedException e = assertThrows(CommandFailedException.class,
        () -> client.call(secretPin("charge"), Map.of("card_pin", "9876")));
    assertFalse(e.getMessage().contains("9876"), e.getMessage());
    assertFalse(events.get(0).toString().contains("9876"), events.get(0).toString());
    assertEquals(List.of("card_pin=9876 is wrong"), e.messages(), "the data stays whole on the exception");
  }

  @Test
  void aRenamedCredentialTheServerEchoesNeverReachesARecordsToString() {
    FormEnvelope renamed = new FormEnvelope("op", "user", "pass", "site_key", "session", "rc", "why", "OK", "Sig",
        "X-Op", "X-Once", "ops", "results");
    answer("rc=OK&session=t0k3n&pass=hunter2&receipt=r-1");
    UnknownFields rest = client().envelope(renamed).auth(FormAuth.userToken("t0k3n")).build()
        .call(CREATE_LEAD, lead());
    assertEquals("r-1", rest.get("receipt"));
    assertFalse(rest.toString().contains("t0k3n") || rest.toString().contains("hunter2"), rest.toString());
  }

  /** FormServiceClient.close(): "calls already made complete; new ones fail", also on a shared transport. */
  @Test
  void aClosedClientSendsNothingMoreEvenOnASharedTransport() {
    answer("status=0&lead_id=1");
    HttpTransport shared = HttpTransport.defaults();
    FormServiceClient client = client().transport(shared).build();
    client.close();
    assertThrows(IllegalStateException.class, () -> client.call(CREATE_LEAD, lead()));
    assertEquals(0, server.getRequestCount());
  }

  /** A value that does not fit its field is quoted in the message: cut, and with what it echoes hidden. */
  @Test
  void anAnswerThatDoesNotFitTheSpecGivesABoundedMessage() {
    FormCommand<Map<String, String>, Integer> count = new FormCommand<>("count", false, null,
        (sink, request) -> { }, in -> Map.of(), (sink, response) -> { },
        in -> Integer.valueOf(in.take("count")));
    answer("status=0&count=ai_token%3Dt0k3n+" + "9".repeat(100_000) + "x");
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> client().build().call(count, Map.of()));
    assertTrue(e.getMessage().length() < 1_100, "bounded: " + e.getMessage().length());
    assertFalse(e.getMessage().contains("t0k3n"), e.getMessage().substring(0, 200));
  }
}
