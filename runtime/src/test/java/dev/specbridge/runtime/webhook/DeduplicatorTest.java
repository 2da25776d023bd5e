package dev.specbridge.runtime.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.http.HttpEndpoint;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.RawJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A delivery is answered OK only when each of its messages was handled: by it, or by an earlier attempt at the same
 * delivery that has ended; never on the strength of an attempt still running, nor of another delivery. Concurrent
 * cases are ordered with latches, never with sleeps.
 */
@Timeout(30) // a deadlock fails the test instead of hanging the build; no assertion depends on time
class DeduplicatorTest {
  /** What the handlers returned from, in order: the data as JSON. */
  private final List<String> handled = Collections.synchronizedList(new ArrayList<>());
  /** Data whose handler throws, as a database that is down. */
  private final List<String> failing = Collections.synchronizedList(new ArrayList<>());
  /** How often a handler was called for each data, returned or not. */
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  /** The data whose first call waits for {@link #release} after counting down {@link #inside}. */
  private volatile String holds;
  private final CountDownLatch inside = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  private NotificationEndpoint endpoint(Deduplicator deduplicator) {
    NotificationDispatcher dispatcher = NotificationDispatcher.builder()
        .on("generic", parser -> Json.text(parser, "data"), (data, context) -> {
          int call = calls.computeIfAbsent(data, d -> new AtomicInteger()).incrementAndGet();
          if (data.equals(holds) && call == 1) {
            inside.countDown();
            release.await();
          }
          if (failing.remove(data)) {
            throw new IllegalStateException("the database is down");
          }
          handled.add(data);
        })
        .build();
    return NotificationEndpoint.builder(NotificationEndpointTest.SEED, dispatcher)
        .auth(NotificationAuth.passive())
        .deduplicator(deduplicator)
        .build();
  }

  private static String delivery(String... data) {
    StringBuilder json = new StringBuilder("{\"request\":\"delivery\",\"messages\":[");
    for (int i = 0; i < data.length; i++) {
      json.append(i == 0 ? "" : ",").append("{\"type\":\"generic\",\"data\":\"").append(data[i]).append("\"}");
    }
    return json.append("]}").toString();
  }

  private static HttpEndpoint.Answer post(HttpEndpoint endpoint, String json) {
    return endpoint.handle(new HttpEndpoint.Request("POST", Map.of(), json.getBytes(StandardCharsets.UTF_8)));
  }

  private static final String OK = "{\"status\":\"OK\"}";

  /** Posts on a thread of its own (the common pool may have one thread on a small machine). */
  private static Thread async(HttpEndpoint endpoint, String json, CompletableFuture<HttpEndpoint.Answer> answer) {
    Thread thread = new Thread(() -> answer.complete(post(endpoint, json)));
    thread.start();
    return thread;
  }

  @Test
  void anEqualMessageInAnotherDeliveryIsHandledWhileTheFirstDeliveryIsPendingAndThenFails() throws Exception {
    NotificationEndpoint endpoint = endpoint(Deduplicator.inMemory(100));
    holds = "slow";
    failing.add("slow");
    CompletableFuture<HttpEndpoint.Answer> first = new CompletableFuture<>();
    async(endpoint, delivery("same", "slow"), first);
    inside.await(); // the first delivery handled "same" and is still running

    HttpEndpoint.Answer second = post(endpoint, delivery("same"));
    assertEquals(OK, second.bodyText());
    assertEquals(List.of("same", "same"), handled, "the second delivery's own message was handled, not skipped");

    release.countDown();
    assertEquals(500, first.get().status());
    assertEquals(List.of("same", "same"), handled);
  }

  @Test
  void aRedeliveryAfterAFailureSkipsWhatTheFailedAttemptHandled() {
    NotificationEndpoint endpoint = endpoint(Deduplicator.inMemory(100));
    failing.add("second");
    String delivery = delivery("first", "second", "third");
    assertEquals(500, post(endpoint, delivery).status());
    assertEquals(List.of("first"), handled);

    assertEquals(OK, post(endpoint, delivery).bodyText());
    assertEquals(List.of("first", "second", "third"), handled);
    assertEquals(1, calls.get("first").get(), "the redelivery skipped what the first attempt handled");
  }

  @Test
  void equalMessagesInOneDeliveryStayTwo() {
    NotificationEndpoint endpoint = endpoint(Deduplicator.inMemory(100));
    assertEquals(OK, post(endpoint, delivery("same", "same")).bodyText());
    assertEquals(List.of("same", "same"), handled);

    failing.add("boom");
    String delivery = delivery("again", "again", "boom");
    assertEquals(500, post(endpoint, delivery).status());
    assertEquals(OK, post(endpoint, delivery).bodyText());
    assertEquals(List.of("same", "same", "again", "again", "boom"), handled,
        "both equal messages were handled once, and the redelivery skipped both");
  }

  @Test
  void aDeliveryAnsweredOkIsForgottenSoAnIdenticalOneLaterIsHandledWhole() {
    NotificationEndpoint endpoint = endpoint(Deduplicator.inMemory(100));
    assertEquals(OK, post(endpoint, delivery("blocked")).bodyText());
    assertEquals(OK, post(endpoint, delivery("blocked")).bodyText()); // the same event again tomorrow
    assertEquals(List.of("blocked", "blocked"), handled);
  }

  @Test
  void twoConcurrentCopiesOfOneDeliveryNeverAcknowledgeUnhandledMessages() throws Exception {
    CountDownLatch secondBegins = new CountDownLatch(1);
    AtomicReference<Thread> secondThread = new AtomicReference<>();
    Deduplicator inMemory = Deduplicator.inMemory(100);
    Deduplicator watched = delivery -> {
      if (Thread.currentThread() == secondThread.get()) {
        secondBegins.countDown();
      }
      return inMemory.begin(delivery);
    };
    NotificationEndpoint endpoint = endpoint(watched);
    String delivery = delivery("first", "second");
    holds = "first";
    failing.add("second");

    CompletableFuture<HttpEndpoint.Answer> copy1 = new CompletableFuture<>();
    async(endpoint, delivery, copy1);
    inside.await(); // copy 1 is inside the handler of "first", which has not returned

    CompletableFuture<HttpEndpoint.Answer> copy2 = new CompletableFuture<>();
    Thread thread2 = new Thread(() -> copy2.complete(post(endpoint, delivery)));
    secondThread.set(thread2);
    thread2.start();
    secondBegins.await();
    while (thread2.isAlive() && thread2.getState() != Thread.State.WAITING) {
      Thread.onSpinWait(); // copy 2 waits for copy 1's attempt to end
    }
    assertFalse(copy2.isDone(), "copy 2 was answered while copy 1 was still running");

    release.countDown(); // "first" returns; "second" fails: copy 1 is answered not OK
    assertEquals(500, copy1.get().status());
    assertEquals(OK, copy2.get().bodyText());
    assertEquals(List.of("first", "second"), handled, "copy 2 skipped what copy 1 handled, and handled the rest");
    assertEquals(1, calls.get("first").get());

    // copy 2's OK made the delivery forgotten: nothing copy 1 marked outlives it
    assertEquals(OK, post(endpoint, delivery).bodyText()); // the same events again, later
    assertEquals(List.of("first", "second", "first", "second"), handled);
  }

  @Test
  void aCopyThatWaitedForAnAcknowledgedCopyHandlesItAllAgain() throws Exception {
    NotificationEndpoint endpoint = endpoint(Deduplicator.inMemory(100));
    String delivery = delivery("first", "second");
    holds = "first";
    CompletableFuture<HttpEndpoint.Answer> copy1 = new CompletableFuture<>();
    async(endpoint, delivery, copy1);
    inside.await();
    CompletableFuture<HttpEndpoint.Answer> copy2 = new CompletableFuture<>();
    async(endpoint, delivery, copy2);
    release.countDown();
    assertEquals(OK, copy1.get().bodyText());
    assertEquals(OK, copy2.get().bodyText());
    assertEquals(List.of("first", "second", "first", "second"), handled, "at least once: twice, never lost");
  }

  @Test
  void theIdentityOfADeliveryIsItsWholeMessageList() {
    List<String> identities = Collections.synchronizedList(new ArrayList<>());
    NotificationEndpoint endpoint = NotificationEndpoint.builder(NotificationEndpointTest.SEED,
            NotificationDispatcher.builder()
                .otherwise((type, data, context) -> identities.add(context.index() + " " + context.delivery()))
                .build())
        .auth(NotificationAuth.passive())
        .build();
    post(endpoint, delivery("a", "b"));
    post(endpoint, delivery("a", "b"));
    post(endpoint, delivery("a", "c"));
    assertEquals(6, identities.size());
    assertEquals(identities.get(0).substring(2), identities.get(1).substring(2), "one delivery, one identity");
    assertEquals(identities.subList(0, 2), identities.subList(2, 4), "the same list sent again");
    assertNotEquals(identities.get(0).substring(2), identities.get(4).substring(2), "another list");
    assertTrue(identities.get(0).matches("0 [0-9a-f]{64}"), identities.get(0));
  }

  @Test
  void theInMemoryDeduplicatorForgetsWhatWasAcknowledged() throws Exception {
    Deduplicator pending = Deduplicator.inMemory(10);
    Deduplicator.Attempt first = pending.begin(identified("d"));
    first.handled(context("d", 0));
    first.end(false);
    Deduplicator.Attempt again = pending.begin(identified("d"));
    assertTrue(again.handledBefore(context("d", 0)));
    assertFalse(again.handledBefore(context("d", 1)), "another index is another message");
    assertFalse(pending.begin(identified("e")).handledBefore(context("e", 0)), "another delivery is another message");
    again.end(true);
    assertFalse(pending.begin(identified("d")).handledBefore(context("d", 0)));
  }

  @Test
  void theInMemoryDeduplicatorForgetsTheLeastRecentlyAttemptedFirst() throws Exception {
    Deduplicator recent = Deduplicator.inMemory(2);
    for (String delivery : List.of("a", "b", "c")) {
      Deduplicator.Attempt attempt = recent.begin(identified(delivery));
      attempt.handled(context(delivery, 0));
      attempt.end(false);
    }
    for (String delivery : List.of("a", "b", "c")) {
      Deduplicator.Attempt attempt = recent.begin(identified(delivery));
      assertEquals(!delivery.equals("a"), attempt.handledBefore(context(delivery, 0)), delivery);
      attempt.end(false);
    }
  }

  @Test
  void theInMemoryDeduplicatorMakesAnIdentityOnlyWhenADeliveryOfTheSameLengthIsAround() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    class Counted implements Deduplicator.Delivery {
      private final String identity;
      private final int length;

      Counted(String identity, int length) {
        this.identity = identity;
        this.length = length;
      }

      @Override
      public String identity() {
        asked.incrementAndGet();
        return identity;
      }

      @Override
      public int length() {
        return length;
      }
    }
    Deduplicator deduplicator = Deduplicator.inMemory(10);
    Deduplicator.Attempt first = deduplicator.begin(new Counted("a", 100));
    first.handled(context("a", 0));
    Deduplicator.Attempt other = deduplicator.begin(new Counted("b", 200)); // another length, at the same time
    other.end(true);
    first.end(true);
    assertEquals(0, asked.get(), "nothing of the same length around: no digest made");

    Deduplicator.Attempt failed = deduplicator.begin(new Counted("c", 100));
    failed.handled(context("c", 0));
    failed.end(false); // its marks are kept by identity
    int made = asked.get();
    deduplicator.begin(new Counted("d", 300)).end(true);
    assertEquals(made, asked.get(), "another length is another delivery");

    Deduplicator.Attempt sameLength = deduplicator.begin(new Counted("e", 100));
    assertFalse(sameLength.handledBefore(context("e", 0)), "the same length, another identity");
    sameLength.end(true);
    Deduplicator.Attempt redelivery = deduplicator.begin(new Counted("c", 100));
    assertTrue(redelivery.handledBefore(context("c", 0)));
    redelivery.end(true);
  }

  /** A delivery known only by its identity, as a deduplicator on a shared store may be given one. */
  private record Identified(String identity, int length) implements Deduplicator.Delivery {}

  private static Deduplicator.Delivery identified(String identity) {
    return new Identified(identity, -1);
  }

  private static NotificationContext context(String delivery, int index) {
    return new NotificationContext(delivery, index, "generic", new RawJson("{\"type\":\"generic\",\"data\":1}"));
  }
}
