package dev.specbridge.runtime.webhook;

import static dev.specbridge.runtime.webhook.NotificationEndpointTest.SEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.http.EmbeddedHttpServer;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.RawJson;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The sender plays the dealer website: its requests are the seed's, byte for byte, over real HTTP. */
class NotificationSenderTest {
  @Test
  void theSenderWritesTheSeedsRequestsByteForByte() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder()
          .body("{\"ai_login_id\":\"apiuser\",\"ai_login_password\":\"8f3a4830f39f4ae665d3050123aa59bc\"}").build());
      server.enqueue(new MockResponse.Builder().body("{\"status\":\"OK\"}").build());
      NotificationSender sender = new NotificationSender(server.url("/notify").toString(), SEED);

      NotificationSender.Reply login = sender.authenticate("0123456789abcdefg");
      RecordedRequest challenge = server.takeRequest();
      assertEquals("POST", challenge.getMethod());
      assertEquals("{\"request\":\"authenticate\",\"key\":\"0123456789abcdefg\"}", challenge.getBody().utf8());
      assertTrue(challenge.getHeaders().get("Content-Type").startsWith("application/json"));
      assertTrue(login.proves("apiuser", "APIuser123", "0123456789abcdefg"));
      assertFalse(login.proves("apiuser", "wrong", "0123456789abcdefg"));
      assertFalse(login.toString().contains("8f3a4830"), login.toString());

      NotificationSender.Reply delivered = sender.deliver(List.of(
          new WebhookMessage("generic", new RawJson("\"Hello World\"")),
          new WebhookMessage("new_user", new RawJson("{\"first_name\":\"John\",\"last_name\":\"Doe\"}"))));
      assertEquals("{\"request\":\"delivery\",\"messages\":[{\"type\":\"generic\",\"data\":\"Hello World\"},"
          + "{\"type\":\"new_user\",\"data\":{\"first_name\":\"John\",\"last_name\":\"Doe\"}}]}",
          server.takeRequest().getBody().utf8());
      assertTrue(delivered.ok());
    }
  }

  @Test
  void anAnswerThatIsNotAJsonObjectWithStatusOkIsNotOk() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().body("<html>OK</html>").build());
      server.enqueue(new MockResponse.Builder().body("{\"status\":\"ok\"}").build());
      server.enqueue(new MockResponse.Builder().code(500).body("{\"status\":\"ERROR\"}").build());
      NotificationSender sender = new NotificationSender(server.url("/notify").toString(), SEED);
      for (int i = 0; i < 3; i++) {
        NotificationSender.Reply reply = sender.deliver(List.of());
        assertFalse(reply.ok(), reply.body());
      }
    }
  }

  @Test
  void aChallengeWithoutAKeyHasNoKeyMember() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().body("{\"status\":\"OK\"}").build());
      new NotificationSender(server.url("/notify").toString(), SEED).authenticate(null);
      assertEquals("{\"request\":\"authenticate\"}", server.takeRequest().getBody().utf8());
    }
  }

  @Test
  void manyConcurrentDeliveriesAreEachHandledOnceAndAnsweredOk() throws Exception {
    Set<String> handled = ConcurrentHashMap.newKeySet();
    NotificationDispatcher dispatcher = NotificationDispatcher.builder()
        .on("generic", Json::raw, (data, context) -> {
          if (!handled.add(data)) {
            throw new AssertionError("handled twice: " + data);
          }
        })
        .build();
    NotificationEndpoint endpoint = NotificationEndpoint.builder(SEED, dispatcher)
        .auth(NotificationAuth.passive()).build();
    int deliveries = 200;
    int perDelivery = 5;
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/notify", endpoint, endpoint.maxBodyBytes())) {
      NotificationSender sender = new NotificationSender(server.url("/notify"), SEED);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<NotificationSender.Reply>> replies = new ArrayList<>();
        for (int d = 0; d < deliveries; d++) {
          int delivery = d;
          replies.add(pool.submit(() -> {
            List<WebhookMessage> messages = new ArrayList<>();
            for (int m = 0; m < perDelivery; m++) {
              messages.add(new WebhookMessage("generic", new RawJson("\"" + delivery + "." + m + "\"")));
            }
            return sender.deliver(messages);
          }));
        }
        for (Future<NotificationSender.Reply> reply : replies) {
          assertTrue(reply.get().ok(), reply.get().toString());
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertEquals(deliveries * perDelivery, handled.size());
  }

  @Test
  void theEmbeddedServerAnswers413ToABodyOverItsLimit() throws Exception {
    NotificationEndpoint endpoint = NotificationEndpoint.builder(SEED, NotificationDispatcher.builder().build())
        .auth(NotificationAuth.passive()).build();
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/notify", endpoint, 100)) {
      NotificationSender sender = new NotificationSender(server.url("/notify"), SEED);
      NotificationSender.Reply reply = sender.deliver(List.of(
          new WebhookMessage("generic", new RawJson("\"" + "x".repeat(200) + "\""))));
      assertEquals(413, reply.httpStatus());
      assertFalse(reply.ok());
    }
  }
}
