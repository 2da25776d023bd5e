package dev.specbridge.runtime.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.http.HttpEndpoint;
import dev.specbridge.runtime.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The webhook endpoint as the dealer website's server sees it: the seed's exact requests and answers, the key
 * challenge, and deliveries that are answered OK only once every message was handled.
 */
class NotificationEndpointTest {
  /** The seed's envelope (001, "Notifications"). */
  static final WebhookEnvelope SEED = new WebhookEnvelope("request", "authenticate", "key", "delivery",
      "messages", "type", "data", "status", "OK", "ai_login_id", "ai_login_password");

  /** What the handlers saw, in order: type, then the data as JSON. */
  private final List<String> handled = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> failing = Collections.synchronizedSet(new java.util.HashSet<>());

  private NotificationDispatcher dispatcher() {
    NotificationDispatcher.Handler<String> record = (data, context) -> {
      if (failing.contains(data)) {
        throw new IllegalStateException("the database is down");
      }
      handled.add(context.type() + " " + data);
    };
    return NotificationDispatcher.builder()
        .on("generic", Json::raw, record)
        .on("new_user", Json::raw, record)
        .on("count", parser -> String.valueOf(Json.readInt(parser, "data", false)), record)
        .otherwise((type, data, context) -> handled.add("unknown " + type + " " + data.json()))
        .build();
  }

  private NotificationEndpoint endpoint(NotificationAuth auth) {
    return NotificationEndpoint.builder(SEED, dispatcher()).auth(auth).build();
  }

  private static NotificationEndpoint passive(NotificationDispatcher dispatcher) {
    return NotificationEndpoint.builder(SEED, dispatcher).auth(NotificationAuth.passive()).build();
  }

  private static HttpEndpoint.Answer post(HttpEndpoint endpoint, String json) {
    return endpoint.handle(new HttpEndpoint.Request("POST", Map.of(), json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aDeliveryThatDeclaresAnotherContentTypeIsRefusedWith415() {
    NotificationEndpoint endpoint = NotificationEndpoint.builder(SEED, NotificationDispatcher.builder()
        .otherwise((type, data, context) -> { }).build()).auth(NotificationAuth.passive()).build();
    byte[] body = "{\"request\":\"delivery\",\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
    for (String refused : List.of("application/x-www-form-urlencoded", "text/plain",
        "application/json; charset=ISO-8859-1")) {
      HttpEndpoint.Answer answer = endpoint.handle(new HttpEndpoint.Request("POST", Map.of("Content-Type",
          List.of(refused)), body));
      assertEquals(415, answer.status(), refused);
    }
    for (String read : List.of("application/json", "application/json; charset=UTF-8", "application/vnd.ai+json")) {
      assertEquals(200, endpoint.handle(new HttpEndpoint.Request("POST", Map.of("content-type", List.of(read)), body))
          .status(), read);
    }
    assertEquals(200, endpoint.handle(new HttpEndpoint.Request("POST", Map.of(), body)).status(), "none declared");
  }

  @Test
  void aKeyChallengeIsAnsweredWithTheLoginAndTheMd5OfIdPasswordAndKey() {
    HttpEndpoint.Answer answer = post(endpoint(NotificationAuth.login("apiuser", "APIuser123")),
        "{\"request\":\"authenticate\",\"key\":\"0123456789abcdefg\"}");
    // echo -n "apiuserAPIuser1230123456789abcdefg" | md5sum
    assertEquals(200, answer.status());
    assertEquals("application/json; charset=utf-8", answer.contentType());
    assertEquals("{\"ai_login_id\":\"apiuser\",\"ai_login_password\":\"8f3a4830f39f4ae665d3050123aa59bc\"}",
        answer.bodyText());
  }

  @Test
  void theHashIsLowercaseHexMd5OfTheUtf8Concatenation() {
    // echo -n "apiuserplaintextpassword12345678abcdefgh" | md5sum
    assertEquals("a6d5a991cf68037501ba8c908e49ae9d",
        NotificationAuth.hashedPassword("apiuser", "plaintextpassword", "12345678abcdefgh"));
    // echo -n "ünïcødeP@ss🔑k" | md5sum
    assertEquals("fd09ca9f36013e0df5becba46e655bf1", NotificationAuth.hashedPassword("ünïcøde", "P@ss🔑", "k"));
  }

  @Test
  void aChallengeWithoutAKeyGetsThePlainPasswordOnlyWhenThatIsExplicitlyAllowed() {
    String challenge = "{\"request\":\"authenticate\"}";
    HttpEndpoint.Answer refused = post(endpoint(NotificationAuth.login("apiuser", "plaintextpassword")), challenge);
    assertEquals(403, refused.status());
    assertFalse(refused.bodyText().contains("plaintextpassword"), refused.bodyText());

    HttpEndpoint.Answer plain = post(endpoint(NotificationAuth.loginAllowingPlainPassword("apiuser",
        "plaintextpassword")), challenge);
    assertEquals(200, plain.status());
    assertEquals("{\"ai_login_id\":\"apiuser\",\"ai_login_password\":\"plaintextpassword\"}", plain.bodyText());
  }

  @Test
  void aPassiveEndpointAnswersOkAndLeavesTheLoginToTheAuthenticateNotificationsCommand() {
    HttpEndpoint.Answer answer = post(endpoint(NotificationAuth.passive()),
        "{\"request\":\"authenticate\",\"key\":\"0123456789abcdefg\"}");
    assertEquals(200, answer.status());
    assertEquals("{\"status\":\"OK\"}", answer.bodyText());
  }

  @Test
  void theSeedsDeliveryIsHandledInOrderAndAnsweredOk() {
    HttpEndpoint.Answer answer = post(endpoint(NotificationAuth.passive()), "{\"request\":\"delivery\",\"messages\":"
        + "[{\"type\":\"generic\",\"data\":\"Hello World\"},{\"type\":\"new_user\",\"data\":{\"first_name\":\"John\","
        + "\"last_name\":\"Doe\"}}]}");
    assertEquals(200, answer.status());
    assertEquals("{\"status\":\"OK\"}", answer.bodyText());
    assertEquals(List.of("generic \"Hello World\"", "new_user {\"first_name\":\"John\",\"last_name\":\"Doe\"}"),
        handled);
  }

  @Test
  void aDeliveryWithoutMessagesIsOk() {
    assertEquals("{\"status\":\"OK\"}", post(endpoint(NotificationAuth.passive()),
        "{\"request\":\"delivery\"}").bodyText());
    assertEquals("{\"status\":\"OK\"}", post(endpoint(NotificationAuth.passive()),
        "{\"request\":\"delivery\",\"messages\":[]}").bodyText());
    assertTrue(handled.isEmpty());
  }

  @Test
  void aTypeTheSpecDoesNotListReachesTheUnknownHandlerWhole() {
    HttpEndpoint.Answer answer = post(endpoint(NotificationAuth.passive()), "{\"request\":\"delivery\",\"messages\":"
        + "[{\"type\":\"complex\",\"data\":{\"a\":1,\"b\":[2,3],\"c\":null}}]}");
    assertEquals("{\"status\":\"OK\"}", answer.bodyText());
    assertEquals(List.of("unknown complex {\"a\":1,\"b\":[2,3],\"c\":null}"), handled);
  }

  @Test
  void aHandlerThatThrowsMakesTheDeliveryNotOkAndLaterMessagesWaitForTheRedelivery() {
    failing.add("\"boom\"");
    NotificationEndpoint endpoint = endpoint(NotificationAuth.passive());
    String delivery = "{\"request\":\"delivery\",\"messages\":[{\"type\":\"generic\",\"data\":\"first\"},"
        + "{\"type\":\"generic\",\"data\":\"boom\"},{\"type\":\"generic\",\"data\":\"third\"}]}";
    HttpEndpoint.Answer answer = post(endpoint, delivery);
    assertEquals(500, answer.status());
    assertFalse(answer.bodyText().contains("\"OK\""), answer.bodyText());
    assertTrue(answer.bodyText().contains("message 1 (generic) was not handled"), answer.bodyText());
    assertEquals(List.of("generic \"first\""), handled);

    failing.clear(); // the database is back; the server sends the delivery again
    assertEquals("{\"status\":\"OK\"}", post(endpoint, delivery).bodyText());
    assertEquals(List.of("generic \"first\"", "generic \"first\"", "generic \"boom\"", "generic \"third\""),
        handled);
  }

  @Test
  void withADeduplicatorARedeliveryHandlesOnlyWhatWasNotHandled() {
    failing.add("\"boom\"");
    NotificationEndpoint endpoint = NotificationEndpoint.builder(SEED, dispatcher())
        .auth(NotificationAuth.passive())
        .deduplicator(Deduplicator.inMemory(100))
        .build();
    // two equal messages are two messages, not one delivered twice
    String delivery = "{\"request\":\"delivery\",\"messages\":[{\"type\":\"generic\",\"data\":\"same\"},"
        + "{\"type\":\"generic\",\"data\":\"same\"},{\"type\":\"generic\",\"data\":\"boom\"}]}";
    assertEquals(500, post(endpoint, delivery).status());
    assertEquals(List.of("generic \"same\"", "generic \"same\""), handled);

    failing.clear();
    assertEquals("{\"status\":\"OK\"}", post(endpoint, delivery).bodyText());
    assertEquals(List.of("generic \"same\"", "generic \"same\"", "generic \"boom\""), handled);

    // acknowledged, the delivery is done: the same text sent again later is a new message, not a repeat
    assertEquals("{\"status\":\"OK\"}", post(endpoint, "{\"request\":\"delivery\",\"messages\":"
        + "[{\"type\":\"generic\",\"data\":\"same\"}]}").bodyText());
    assertEquals(4, handled.size(), handled.toString());
  }

  @Test
  void dataThatDoesNotFitItsTypeFailsTheDeliveryBeforeAnyMessageIsHandled() {
    HttpEndpoint.Answer answer = post(endpoint(NotificationAuth.passive()), "{\"request\":\"delivery\",\"messages\":"
        + "[{\"type\":\"generic\",\"data\":\"first\"},{\"type\":\"count\",\"data\":\"many\"}]}");
    assertEquals(422, answer.status());
    assertEquals("{\"status\":\"ERROR\",\"message\":\"message 1 (count) does not fit its type: field 'data' should"
        + " be a whole number (int), found 'many'; nothing of this delivery was handled\"}", answer.bodyText());
    assertTrue(handled.isEmpty());
  }

  @Test
  void aValueThatBreaksAConstraintOrMissesARequiredFieldIs422() {
    NotificationDispatcher strict = NotificationDispatcher.builder()
        .on("count", parser -> {
          int n = Json.readInt(parser, "data", false);
          if (n < 0) {
            throw new IllegalArgumentException("Count.data must be at least 0 (was " + n + ")");
          }
          return n;
        }, (n, context) -> handled.add("count " + n))
        .on("user", parser -> java.util.Objects.requireNonNull(null, "User.id is required"),
            (n, context) -> handled.add("user"))
        .build();
    NotificationEndpoint endpoint = NotificationEndpoint.builder(SEED, strict).auth(NotificationAuth.passive())
        .build();
    HttpEndpoint.Answer negative = post(endpoint, "{\"request\":\"delivery\",\"messages\":"
        + "[{\"type\":\"count\",\"data\":1},{\"type\":\"count\",\"data\":-1}]}");
    assertEquals(422, negative.status());
    assertTrue(negative.bodyText().contains("message 1 (count) does not fit its type: Count.data must be at least 0"),
        negative.bodyText());
    HttpEndpoint.Answer missing = post(endpoint, "{\"request\":\"delivery\",\"messages\":"
        + "[{\"type\":\"user\",\"data\":{}}]}");
    assertEquals(422, missing.status());
    assertTrue(missing.bodyText().contains("User.id is required"), missing.bodyText());
    assertTrue(handled.isEmpty());
  }

  @Test
  void aHandlerThatThrowsAnErrorIsAnsweredNotOkToo() {
    NotificationDispatcher broken = NotificationDispatcher.builder()
        .on("assert", Json::raw, (data, context) -> {
          throw new AssertionError("a bug");
        })
        .on("deep", Json::raw, (data, context) -> {
          throw new StackOverflowError();
        })
        .build();
    NotificationEndpoint endpoint = NotificationEndpoint.builder(SEED, broken).auth(NotificationAuth.passive())
        .build();
    for (String type : List.of("assert", "deep")) {
      HttpEndpoint.Answer answer = post(endpoint, "{\"request\":\"delivery\",\"messages\":[{\"type\":\""
          + type + "\",\"data\":1}]}");
      assertEquals(500, answer.status(), type);
    }
  }

  @Test
  void unknownDataKeepsItsNumbersDigitForDigit() {
    String data = "{\"a\":0.10,\"b\":1.0E+2,\"c\":123456789012345678901234567890.123456789}";
    assertEquals("{\"status\":\"OK\"}", post(endpoint(NotificationAuth.passive()),
        "{\"request\":\"delivery\",\"messages\":[{\"type\":\"complex\",\"data\":" + data + "}]}").bodyText());
    assertEquals(List.of("unknown complex " + data), handled);
  }

  @Test
  void aMemberWrittenTwiceIsRefusedRatherThanOneCopyAcknowledgedUnread() {
    NotificationEndpoint endpoint = endpoint(NotificationAuth.passive());
    assertBadRequest(endpoint, "{\"request\":\"delivery\",\"messages\":[{\"type\":\"generic\",\"data\":\"A\"}],"
        + "\"messages\":[{\"type\":\"generic\",\"data\":\"B\"}]}",
        "not a notification request: member 'messages' is written twice (at messages)");
    assertBadRequest(endpoint, "{\"request\":\"authenticate\",\"request\":\"delivery\"}",
        "member 'request' is written twice (at request)");
    assertBadRequest(endpoint, "{\"request\":\"delivery\",\"messages\":[{\"type\":\"generic\",\"data\":\"A\"},"
        + "{\"type\":\"generic\",\"data\":\"A\",\"data\":\"B\"}]}", "member 'data' is written twice (at messages[1].data)");
    assertBadRequest(endpoint, "{\"request\":\"delivery\",\"messages\":[{\"type\":\"generic\",\"data\":"
        + "{\"user_id\":1,\"user_id\":2}}]}", "member 'user_id' is written twice (at messages[0].data.user_id)");
    assertTrue(handled.isEmpty());
  }

  @Test
  void dataThatComesBeforeItsTypeIsReadTheSame() {
    HttpEndpoint.Answer answer = post(endpoint(NotificationAuth.passive()), "{\"request\":\"delivery\",\"messages\":"
        + "[{\"data\":7,\"type\":\"count\"},{\"data\":{\"a\":0.10,\"b\":1e5},\"type\":\"complex\"},"
        + "{\"type\":\"count\",\"data\":8}]}");
    assertEquals("{\"status\":\"OK\"}", answer.bodyText());
    assertEquals(List.of("count 7", "unknown complex {\"a\":0.10,\"b\":1e5}", "count 8"), handled);
  }

  @Test
  void aHandlerSeesItsMessageAsSentAndEveryMessageOfADeliveryOneIdentity() {
    List<String> seen = new ArrayList<>();
    NotificationEndpoint endpoint = passive(NotificationDispatcher.builder()
        .otherwise((type, data, context) -> seen.add(context.index() + " " + context.message().json() + " "
            + context.delivery()))
        .build());
    String first = "{ \"type\" : \"a\", \"data\": {\"n\": \"M\u00fcller \\u00e9\"}, \"extra\":[1, 2] }";
    String second = "{\"type\":\"b\"}";
    String list = "[ " + first + ",\n" + second + " ]";
    assertEquals("{\"status\":\"OK\"}", post(endpoint, "{\"request\":\"delivery\", \"messages\": " + list
        + "}").bodyText());
    String identity = Digest.hex("SHA-256", list);
    assertEquals(List.of("0 " + first + " " + identity, "1 " + second + " " + identity), seen);
  }

  @Test
  void anEnvelopeErrorAnywhereIsA400EvenAfterDataThatDoesNotFit() {
    NotificationEndpoint endpoint = endpoint(NotificationAuth.passive());
    assertBadRequest(endpoint, "{\"request\":\"delivery\",\"messages\":[{\"type\":\"count\",\"data\":\"many\"},"
        + "{\"type\":\"generic\",\"data\":1,\"extra\":{\"a\":1,\"a\":2}}]}",
        "member 'a' is written twice (at messages[1].extra.a)");
    assertBadRequest(endpoint, "{\"request\":\"delivery\",\"messages\":[{\"type\":\"count\",\"data\":\"many\"},"
        + "{\"type\":\"generic\",\"data\":[1,}]}", "not valid JSON");
    assertBadRequest(endpoint, "{\"request\":\"delivery\",\"messages\":[{\"type\":\"count\",\"data\":\"many\"},"
        + "{\"data\":1}]}", "a message has no 'type' (at messages[1])");
    assertTrue(handled.isEmpty());
  }

  @Test
  void aMemberWrittenTwiceInDataThatAReaderReadsIsA400() {
    NotificationEndpoint endpoint = passive(NotificationDispatcher.builder()
        .on("map", parser -> Json.readMap(parser, "data", value -> Json.readInt(value, "v", false)),
            (map, context) -> handled.add(map.toString()))
        .build());
    assertBadRequest(endpoint, "{\"request\":\"delivery\",\"messages\":[{\"type\":\"map\",\"data\":{\"a\":1}},"
        + "{\"type\":\"map\",\"data\":{\"a\":\"x\",\"a\":2}}]}", "member 'a' is written twice (at messages[1].data.a)");
    assertTrue(handled.isEmpty());
  }

  @Test
  void aReaderThatStopsShortOfItsValueIs422() {
    HttpEndpoint.Answer answer = post(passive(NotificationDispatcher.builder()
        .on("short", parser -> "read nothing", (text, context) -> handled.add(text))
        .build()), "{\"request\":\"delivery\",\"messages\":[{\"type\":\"short\",\"data\":{\"a\":1}}]}");
    assertEquals(422, answer.status());
    assertTrue(answer.bodyText().contains("message 0 (short) does not fit its type: unexpected text after the JSON"
        + " value"), answer.bodyText());
    assertTrue(handled.isEmpty());
  }

  @Test
  void aMalformedRequestNeverEchoesTheInput() {
    HttpEndpoint.Answer answer = post(endpoint(NotificationAuth.passive()), "{\"request\":\"delivery\","
        + "\"messages\":[{\"type\":\"new_user\",\"data\":{\"password\":hunter2}}]}");
    assertEquals(400, answer.status());
    assertEquals("{\"status\":\"ERROR\",\"message\":\"not a notification request: not valid JSON: Unrecognized token:"
        + " was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
        + " (at messages[0].data.password)\"}", answer.bodyText());
    assertTrue(handled.isEmpty());
  }

  @Test
  void aNumberOutOfRangeIs422NamingItsField() {
    HttpEndpoint.Answer answer = post(endpoint(NotificationAuth.passive()), "{\"request\":\"delivery\","
        + "\"messages\":[{\"type\":\"count\",\"data\":99999999999}]}");
    assertEquals(422, answer.status());
    assertEquals("{\"status\":\"ERROR\",\"message\":\"message 0 (count) does not fit its type: field 'data' should be"
        + " a whole number (int) from -2147483648 to 2147483647, found '99999999999'; nothing of this delivery was"
        + " handled\"}", answer.bodyText());
    assertTrue(handled.isEmpty());
  }

  @Test
  void aMessageWithoutATypeIsNamedByItsIndex() {
    assertBadRequest(endpoint(NotificationAuth.passive()), "{\"request\":\"delivery\",\"messages\":"
        + "[{\"type\":\"generic\",\"data\":1},{\"data\":\"no type\"}]}", "a message has no 'type' (at messages[1])");
  }

  @Test
  void aBodyThatIsNotUtf8IsRefusedNotGarbled() {
    byte[] latin1 = "{\"request\":\"delivery\",\"messages\":[{\"type\":\"generic\",\"data\":\"M\u00fcller\"}]}"
        .getBytes(StandardCharsets.ISO_8859_1);
    HttpEndpoint.Answer answer = endpoint(NotificationAuth.passive())
        .handle(new HttpEndpoint.Request("POST", Map.of(), latin1));
    assertEquals(400, answer.status());
    assertTrue(answer.bodyText().contains("the body is not UTF-8"), answer.bodyText());
    assertTrue(handled.isEmpty());
  }

  @Test
  void malformedRequestsAreAnswered400WithWhatIsWrong() {
    NotificationEndpoint endpoint = endpoint(NotificationAuth.passive());
    assertBadRequest(endpoint, "{\"request\":\"delivery\"", "not a notification request: not valid JSON");
    assertBadRequest(endpoint, "<xml/>", "not a notification request: not valid JSON");
    assertBadRequest(endpoint, "", "not a notification request: expected a JSON value, found nothing");
    assertBadRequest(endpoint, "[1]", "not a notification request: the request should start with an object");
    assertBadRequest(endpoint, "{\"key\":\"k\"}", "the request has no 'request'");
    assertBadRequest(endpoint, "{\"request\":\"refund\"}",
        "unknown request 'refund'; expected 'authenticate' or 'delivery'");
    assertBadRequest(endpoint, "{\"request\":{\"a\":1}}", "field 'request' should be a single value");
    assertBadRequest(endpoint, "{\"request\":\"delivery\",\"messages\":{\"type\":\"generic\"}}",
        "field 'messages' should start with an array");
    assertBadRequest(endpoint, "{\"request\":\"delivery\",\"messages\":[{\"data\":\"no type\"}]}",
        "a message has no 'type'");
    assertBadRequest(endpoint, "{\"request\":\"delivery\",\"messages\":[\"Hello\"]}",
        "a message should start with an object");
    assertTrue(handled.isEmpty());
  }

  private static void assertBadRequest(NotificationEndpoint endpoint, String body, String expected) {
    HttpEndpoint.Answer answer = post(endpoint, body);
    assertEquals(400, answer.status(), body);
    assertTrue(answer.bodyText().contains(expected), answer.bodyText());
    assertTrue(answer.bodyText().startsWith("{\"status\":\"ERROR\""), answer.bodyText());
  }

  @Test
  void aBodyOverTheLimitIs413AndAGetIs405() {
    NotificationEndpoint endpoint = NotificationEndpoint.builder(SEED, dispatcher())
        .auth(NotificationAuth.passive()).maxBodyBytes(64).build();
    String big = "{\"request\":\"delivery\",\"messages\":[{\"type\":\"generic\",\"data\":\"" + "x".repeat(64) + "\"}]}";
    assertEquals(413, post(endpoint, big).status());
    assertEquals(405, endpoint.handle(new HttpEndpoint.Request("GET", Map.of(), new byte[0])).status());
    assertTrue(handled.isEmpty());
  }

  @Test
  void theLoginNeverShowsItsPassword() {
    String text = NotificationAuth.login("apiuser", "APIuser123").toString();
    assertTrue(text.contains("apiuser"), text);
    assertFalse(text.contains("APIuser123"), text);
  }
}
