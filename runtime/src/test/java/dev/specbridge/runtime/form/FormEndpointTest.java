package dev.specbridge.runtime.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.error.CommandFailedException;
import dev.specbridge.runtime.http.EmbeddedHttpServer;
import dev.specbridge.runtime.http.HttpEndpoint;
import dev.specbridge.runtime.value.UnknownFields;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server side over real loopback HTTP, driven by the client. */
class FormEndpointTest {
  /** Echo: answers the request's pairs back; the principal comes back as {@code who}. */
  private static final FormCommand<UnknownFields, UnknownFields> ECHO = new FormCommand<>("echo", true, null,
      (sink, request) -> request.entries().forEach(e -> sink.add(e.name(), e.raw())), FormReader::rest,
      (sink, response) -> response.entries().forEach(e -> sink.add(e.name(), e.raw())), FormReader::rest);
  /** Succeeds with the text status its spec names, as issue_invites does. */
  private static final FormCommand<UnknownFields, UnknownFields> INVITE = new FormCommand<>("invite", false,
      "SUCCESS", (sink, request) -> { }, FormReader::rest, (sink, response) -> { }, FormReader::rest);
  private static final FormCommand<UnknownFields, UnknownFields> REFUSE = new FormCommand<>("refuse", false, null,
      ECHO.writeRequest(), ECHO.readRequest(), ECHO.writeResponse(), ECHO.readResponse());

  private EmbeddedHttpServer server;

  @BeforeEach
  void start() throws Exception {
    FormDispatcher dispatcher = FormDispatcher.builder()
        .on(ECHO, (request, context) -> request.with("who", context.principal()))
        .on(INVITE, (request, context) -> UnknownFields.empty())
        .on(REFUSE, (request, context) -> {
          throw new CommandRefusedException(3, "first reason", "second reason");
        })
        .batch("batch")
        .build();
    server = EmbeddedHttpServer.start("/service",
        new FormEndpoint(dispatcher, FormAuthenticator.login("apiuser", "APIuser123")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FormServiceClient client(FormAuth auth) {
    return FormServiceClient.builder(server.url("/service")).allowPlainHttp().auth(auth).build();
  }

  @Test
  void aHandlerThatThrowsIsAnswered500WithNothingOfItsData() {
    FormDispatcher broken = FormDispatcher.builder()
        .on(ECHO, (request, context) -> {
          throw new IllegalStateException("the database password is hunter2");
        })
        .build();
    HttpEndpoint.Answer answer = new FormEndpoint(broken, FormAuthenticator.login("apiuser", "APIuser123"))
        .handle(new HttpEndpoint.Request("POST", java.util.Map.of(),
            "ai_login_id=apiuser&ai_login_password=APIuser123&ai_command=echo".getBytes(StandardCharsets.UTF_8)));
    assertEquals(500, answer.status());
    assertEquals("internal error", answer.bodyText());
  }

  @Test
  void aBodyThatIsNotUtf8IsRefusedNeverReplaced() {
    HttpEndpoint.Answer answer = new FormEndpoint(FormDispatcher.builder().build(), FormAuthenticator.login("a",
        "b")).handle(new HttpEndpoint.Request("POST", java.util.Map.of(), new byte[] {'a', '=', (byte) 0xff}));
    assertEquals(400, answer.status());
    assertTrue(answer.bodyText().contains("not UTF-8"), answer.bodyText());
  }

  @Test
  void aCommandRoundTripsWithItsPrincipal() {
    UnknownFields answer = client(FormAuth.login("apiuser", "APIuser123"))
        .call(ECHO, UnknownFields.empty().with("name", "Zoë & co").with("name", "again"));
    assertEquals(List.of("Zoë & co", "again"), answer.getAll("name"));
    assertEquals("apiuser", answer.get("who"));
  }

  @Test
  void wrongCredentialsUnknownCommandsAndRefusalsAnswerWithAStatus() {
    CommandFailedException denied = assertThrows(CommandFailedException.class,
        () -> client(FormAuth.login("apiuser", "wrong")).call(ECHO, UnknownFields.empty()));
    assertEquals(List.of("Authentication failed"), denied.messages());

    FormCommand<UnknownFields, UnknownFields> unknown = new FormCommand<>("nope", false, null, ECHO.writeRequest(),
        ECHO.readRequest(), ECHO.writeResponse(), ECHO.readResponse());
    assertEquals(List.of("Unknown command: nope"), assertThrows(CommandFailedException.class,
        () -> client(FormAuth.login("apiuser", "APIuser123")).call(unknown, UnknownFields.empty())).messages());

    CommandFailedException refused = assertThrows(CommandFailedException.class,
        () -> client(FormAuth.login("apiuser", "APIuser123")).call(REFUSE, UnknownFields.empty()));
    assertEquals(3, refused.status());
    assertEquals(List.of("first reason", "second reason"), refused.messages());
  }

  @Test
  void aBatchElementKeepsJsonLookingTextAsTextAndNeverSeesCredentials() {
    FormBatch batch = client(FormAuth.login("apiuser", "APIuser123")).batch("batch");
    FormBatch.Item<UnknownFields, UnknownFields> echo = batch.add(ECHO, UnknownFields.empty()
        .with("note", "[urgent").with("evil", "{}, \"status\":\"9\"").with("ai_token", "T-secret")
        .with("ai_login_password", "again"));
    batch.send();
    assertEquals(UnknownFields.empty().with("note", "[urgent").with("evil", "{}, \"status\":\"9\"")
        .with("who", "apiuser"), echo.result().orThrow());
  }

  @Test
  void aCommandWithItsOwnSuccessStatusIsAnsweredWithIt() {
    FormReply<UnknownFields> reply = client(FormAuth.login("apiuser", "APIuser123"))
        .exchange(INVITE, UnknownFields.empty());
    assertEquals("SUCCESS", reply.status());
  }

  @Test
  void aUserTokenNeverBecomesAnUnknownFieldOfTheRequest() {
    FormEndpoint endpoint = new FormEndpoint(FormDispatcher.builder()
        .on(ECHO, (request, context) -> request.with("who", context.principal())).build(),
        credentials -> credentials.userToken().equals("T-secret") ? "user:7" : "nobody");
    try (EmbeddedHttpServer tokenServer = EmbeddedHttpServer.start("/service", endpoint)) {
      UnknownFields answer = FormServiceClient.builder(tokenServer.url("/service")).allowPlainHttp()
          .auth(FormAuth.userToken("T-secret")).build()
          .call(ECHO, UnknownFields.empty().with("n", "1"));
      assertEquals(UnknownFields.empty().with("n", "1").with("who", "user:7"), answer);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aBatchIsAnsweredElementByElement() {
    FormBatch batch = client(FormAuth.login("apiuser", "APIuser123")).batch("batch");
    FormBatch.Item<UnknownFields, UnknownFields> echo = batch.add(ECHO, UnknownFields.empty().with("n", "1"));
    FormBatch.Item<UnknownFields, UnknownFields> refuse = batch.add(REFUSE, UnknownFields.empty());
    batch.send();
    assertEquals("1", echo.result().orThrow().get("n"));
    assertInstanceOf(BatchResult.Failed.class, refuse.result());
  }

  @Test
  void aBodyThatIsNotAFormIsHttp400AndOtherMethods405() {
    FormEndpoint endpoint = new FormEndpoint(FormDispatcher.builder().build(), credentials -> "anyone");
    HttpEndpoint.Answer bad = endpoint.handle(new HttpEndpoint.Request("POST", Map.of(),
        "a=%zz".getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, bad.status());
    assertEquals(405, endpoint.handle(new HttpEndpoint.Request("GET", Map.of(), new byte[0])).status());
    HttpEndpoint.Answer noCommand = endpoint.handle(new HttpEndpoint.Request("POST", Map.of(), new byte[0]));
    assertEquals("status=1&status_message=Required+parameter+%22ai_command%22+missing", noCommand.bodyText());
  }
}
