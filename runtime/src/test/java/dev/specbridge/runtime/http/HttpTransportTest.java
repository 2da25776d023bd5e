package dev.specbridge.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.error.HttpStatusException;
import dev.specbridge.runtime.error.MalformedResponseException;
import dev.specbridge.runtime.error.TransportException;
import dev.specbridge.runtime.value.Redaction;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport against a scripted peer: deadlines, caps, retries, cancellation and what listeners see. */
class HttpTransportTest {
  private MockWebServer server;
  private final LinkedBlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A call that posts {@code body} and reads the answer's text, hiding {@code pin} wherever it shows. */
  private HttpCall<String> call(String name, boolean idempotent, String body, Function<HttpAnswer, String> read) {
    return new HttpCall<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean idempotent() {
        return idempotent;
      }

      @Override
      public Request request() {
        return new Request.Builder().url(server.url("/service"))
            .post(RequestBody.create(body, MediaType.get("text/plain; charset=utf-8"))).build();
      }

      @Override
      public String read(HttpAnswer answer) {
        return read.apply(answer);
      }

      @Override
      public String shown(String text) {
        return Redaction.hidden(text, List.of("pin"));
      }
    };
  }

  private HttpCall<String> text(String name, boolean idempotent) {
    return call(name, idempotent, "pin=4321&q=1", HttpAnswer::text);
  }

  private HttpTransport.Builder transport() {
    return HttpTransport.builder().listener(events::add);
  }

  private void answer(String body) {
    server.enqueue(new MockResponse.Builder().body(body).build());
  }

  @Test
  void theListenerSeesEachCallOnceWithSizesAttemptsAndSecretsHidden() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").body("busy").build());
    answer("ok&pin=4321&ai_login_password=hunter2");
    HttpTransport transport = transport().retries(1).build();
    assertEquals("ok&pin=4321&ai_login_password=hunter2", transport.send(text("ping", true)));
    CallEvent event = events.take();
    assertEquals("ping", event.name());
    assertEquals(CallEvent.Outcome.OK, event.outcome());
    assertEquals(2, server.getRequestCount());
    assertEquals(2, event.attempts(), event.toString());
    assertEquals(200, event.httpStatus());
    assertEquals(12, event.requestBytes());
    assertEquals(37, event.answerBytes());
    assertEquals("pin=\u2588\u2588&q=1", event.request());
    assertEquals("ok&pin=\u2588\u2588&ai_login_password=\u2588\u2588", event.answer());
    assertFalse(event.toString().contains("4321"), event.toString());
    assertTrue(event.toString().startsWith("ping OK (HTTP 200) in "), event.toString());
    assertTrue(events.isEmpty(), "one event per call, not per attempt");
  }

  @Test
  void theListenerSeesFailuresByKindAndItsOwnFailureChangesNothing() throws Exception {
    List<CallEvent> seen = new CopyOnWriteArrayList<>();
    HttpTransport transport = HttpTransport.builder().listener(event -> {
      seen.add(event);
      throw new IllegalStateException("a broken listener");
    }).build();
    server.enqueue(new MockResponse.Builder().code(500).body("down").build());
    assertThrows(HttpStatusException.class, () -> transport.send(text("ping", true)));
    answer("x");
    assertThrows(MalformedResponseException.class, () -> transport.send(call("ping", true, "", answer -> {
      throw new MalformedResponseException("no", answer.raw(), null);
    })));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    assertThrows(TransportException.class, () -> transport.send(text("ping", false)));
    answer("fine");
    assertEquals("fine", transport.send(text("ping", true)), "the listener's failure is not the call's");
    assertEquals(List.of(CallEvent.Outcome.HTTP_STATUS, CallEvent.Outcome.MALFORMED, CallEvent.Outcome.NO_ANSWER,
        CallEvent.Outcome.OK), seen.stream().map(CallEvent::outcome).toList());
    assertEquals(-1, seen.get(2).httpStatus());
    assertEquals(-1, seen.get(2).answerBytes());
    assertEquals("", seen.get(2).answer());
  }

  @Test
  void aCallThatMayNotBeRepeatedIsSentOnceEvenWhenA503AsksForAnImmediateRetry() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").body("busy").build());
    answer("sent twice");
    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> transport().retries(3).build().send(text("create_lead", false)));
    assertEquals(503, e.httpStatus());
    assertEquals(Duration.ZERO, e.retryAfter().orElseThrow(), "the wait the server asked for is kept");
    assertEquals(1, server.getRequestCount(), "OkHttp does not retry it behind the policy's back");
  }

  @Test
  void everyRequestIsTaggedWithItsCallsName() {
    List<String> tags = new CopyOnWriteArrayList<>();
    okhttp3.OkHttpClient mine = new okhttp3.OkHttpClient.Builder().addInterceptor(chain -> {
      tags.add(chain.request().tag(CommandTag.class).command());
      return chain.proceed(chain.request());
    }).build();
    answer("ok");
    HttpTransport.builder().httpClient(mine).build().send(text("create_lead", false));
    assertEquals(List.of("create_lead"), tags);
  }

  @Test
  void aTricklingServerIsCutOffAtTheDeadline() {
    server.enqueue(new MockResponse.Builder().body("x".repeat(1_000)).throttleBody(1, 1, TimeUnit.SECONDS).build());
    HttpTransport transport = transport().callTimeout(Duration.ofMillis(300)).build();
    TransportException e = assertThrows(TransportException.class, () -> transport.send(text("ping", true)));
    assertTrue(e.getMessage().startsWith("ping: "), e.getMessage());
  }

  @Test
  void noRetryStartsWhoseWaitWouldPassTheWholeCallsDeadline() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "30").body("busy").build());
    answer("too late");
    HttpTransport transport = transport().retries(3).deadline(Duration.ofSeconds(5)).build();
    HttpStatusException e = assertThrows(HttpStatusException.class, () -> transport.send(text("ping", true)));
    assertEquals(503, e.httpStatus(), "the last failure, not a wait of 30 s past a deadline of 5");
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void theDeadlineCutsOffAnAttemptThatTheCallTimeoutWouldStillAllow() {
    server.enqueue(new MockResponse.Builder().body("x".repeat(1_000)).throttleBody(1, 1, TimeUnit.SECONDS).build());
    HttpTransport transport = transport().callTimeout(Duration.ofMinutes(5)).deadline(Duration.ofMillis(300)).build();
    assertThrows(TransportException.class, () -> transport.send(text("ping", true)));
  }

  @Test
  void aListenerThatThrowsAnErrorDoesNotFailACallThatSucceeded() {
    answer("fine");
    HttpTransport transport = HttpTransport.builder().listener(event -> {
      throw new AssertionError("a broken listener");
    }).build();
    assertEquals("fine", transport.send(text("ping", true)));
  }

  @Test
  void aRedirectIsNotFollowedAndShowsNoQuery() {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/login?session=s3cr3t").build());
    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> transport().build().send(text("ping", true)));
    assertEquals(302, e.httpStatus());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void anErrorStatusKeepsABodyThatIsNotTextByteForByte() {
    server.enqueue(new MockResponse.Builder().code(500).setHeader("Content-Type", "text/plain; charset=utf-8")
        .body(new okio.Buffer().write(new byte[] {'a', (byte) 0xC3, 'b'})).build());
    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> transport().build().send(text("ping", true)));
    assertEquals("a\u00C3b", e.rawBody(), "each byte one character, none replaced by U+FFFD");
  }

  @Test
  void anAsyncCallRetriesAsABlockingOneDoesAndTellsTheListenerOnce() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0").build());
    answer("third time");
    HttpTransport transport = transport().retries(2).backoff(Duration.ZERO, Duration.ZERO).build();
    assertEquals("third time", transport.sendAsync(text("ping", true)).get(10, TimeUnit.SECONDS));
    CallEvent event = events.take();
    assertEquals(3, event.attempts());
    assertEquals(CallEvent.Outcome.OK, event.outcome());
    assertTrue(events.isEmpty());
  }

  @Test
  void cancellingAnAsyncCallCancelsItsRequestAndSaysSo() throws Exception {
    CountDownLatch cancelled = new CountDownLatch(1);
    okhttp3.OkHttpClient mine = new okhttp3.OkHttpClient.Builder().eventListener(new okhttp3.EventListener() {
      @Override
      public void canceled(okhttp3.Call call) {
        cancelled.countDown();
      }
    }).build();
    server.enqueue(new MockResponse.Builder().body("late").headersDelay(1, TimeUnit.HOURS).build());
    CompletableFuture<String> future = transport().httpClient(mine).build().sendAsync(text("ping", true));
    server.takeRequest(); // the request is on the wire
    future.cancel(true);
    CallEvent event = events.take();
    assertEquals(CallEvent.Outcome.CANCELLED, event.outcome());
    assertInstanceOf(java.util.concurrent.CancellationException.class, event.failure());
    assertTrue(cancelled.await(10, TimeUnit.SECONDS), "the OkHttp call is cancelled too");
  }

  @Test
  void anErrorWhileReadingAnAsyncAnswerStillCompletesTheFuture() throws Exception {
    answer("x");
    CompletableFuture<String> future = transport().build().sendAsync(call("ping", true, "", answer -> {
      throw new StackOverflowError();
    }));
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    assertInstanceOf(StackOverflowError.class, e.getCause());
    assertEquals(CallEvent.Outcome.ERROR, events.take().outcome());
  }

  /** The logging and metrics listeners of runtime/README.md, as written there. */
  @Test
  void theReadmesLoggingAndMetricsListenersSeeCallsAndNoSecret() {
    List<String> logged = new CopyOnWriteArrayList<>();
    System.Logger log = new System.Logger() { // records what a logging backend would print
      @Override
      public String getName() {
        return "site.calls";
      }

      @Override
      public boolean isLoggable(Level level) {
        return true;
      }

      @Override
      public void log(Level level, java.util.ResourceBundle bundle, String message, Throwable thrown) {
        logged.add(level + " " + message);
      }

      @Override
      public void log(Level level, java.util.ResourceBundle bundle, String format, Object... params) {
        logged.add(level + " " + format);
      }
    };
    CallListener logging = event -> {
      log.log(event.outcome() == CallEvent.Outcome.OK ? Level.DEBUG : Level.WARNING, event.toString());
      log.log(Level.TRACE, () -> "request " + event.request() + "\nanswer " + event.answer());
    };
    Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    Map<String, LongAdder> millis = new ConcurrentHashMap<>();
    CallListener metrics = event -> {
      calls.computeIfAbsent(event.name() + " " + event.outcome(), key -> new LongAdder()).increment();
      millis.computeIfAbsent(event.name(), key -> new LongAdder()).add(event.duration().toMillis());
    };
    HttpTransport transport = HttpTransport.builder().listener(event -> {
      logging.onCall(event);
      metrics.onCall(event);
    }).build();
    answer("ok&pin=4321");
    server.enqueue(new MockResponse.Builder().code(500).body("pin=4321").build());
    transport.send(text("ping", true));
    assertThrows(HttpStatusException.class, () -> transport.send(text("ping", true)));
    assertEquals(1, calls.get("ping OK").sum());
    assertEquals(1, calls.get("ping HTTP_STATUS").sum());
    assertTrue(millis.containsKey("ping"));
    assertEquals(4, logged.size(), logged.toString());
    assertTrue(logged.get(0).startsWith("DEBUG ping OK (HTTP 200)"), logged.get(0));
    assertTrue(logged.get(2).startsWith("WARNING ping HTTP_STATUS (HTTP 500)"), logged.get(2));
    assertTrue(logged.stream().noneMatch(line -> line.contains("4321")), logged.toString());
  }

  @Test
  void retryAfterReadsSecondsOrAnHttpDate() {
    assertEquals(Duration.ofSeconds(7), HttpTransport.retryAfter(" 7 "));
    assertEquals(Duration.ZERO, HttpTransport.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), "past");
    Duration ahead = HttpTransport.retryAfter(DateTimeFormatter.RFC_1123_DATE_TIME
        .format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1)));
    assertTrue(ahead.compareTo(Duration.ofMinutes(50)) > 0, ahead.toString());
    assertNull(HttpTransport.retryAfter("soon"));
    assertNull(HttpTransport.retryAfter(null));
  }

  @Test
  void hiddenNamesCoverPairsMembersIndexesAndEscapedEchoesButNotLongerNames() {
    String shown = Redaction.hidden("pin=1&pin[0]=2&spin=3&x=a%26pin%3D4&j={\"pin\":\"5\"}", List.of("pin"));
    assertEquals("pin=\u2588\u2588&pin[0]=\u2588\u2588&spin=3&x=a%26pin%3D\u2588\u2588&j={\"pin\":\"\u2588\u2588\"}",
        shown);
  }

  /**
   * The reason phrase, a redirect's target and a peer's broken status line are the server's text, and reach the
   * exception's message: a credential they echo is hidden, and they are cut.
   */
  @Test
  void noHttpFailureMessageHoldsAnEchoedCredentialOrGrowsWithoutBound() {
    server.enqueue(new MockResponse.Builder().status("HTTP/1.1 401 bad ai_token=t0k3n " + "x".repeat(50_000))
        .build());
    HttpStatusException status = assertThrows(HttpStatusException.class,
        () -> transport().build().send(text("ping", false)));
    assertFalse(status.getMessage().contains("t0k3n"), status.getMessage());
    assertTrue(status.getMessage().length() < 1_100, "bounded: " + status.getMessage().length());

    server.enqueue(new MockResponse.Builder().code(302)
        .setHeader("Location", "https://apiuser:hunter2@elsewhere.example/login#sid=abc123").build());
    HttpStatusException redirect = assertThrows(HttpStatusException.class,
        () -> transport().build().send(text("ping", false)));
    assertFalse(redirect.getMessage().contains("hunter2"), redirect.getMessage());
    assertFalse(redirect.getMessage().contains("abc123"), redirect.getMessage());

    server.enqueue(new MockResponse.Builder().status("ai_login_password=hunter2&" + "y".repeat(50_000)).build());
    TransportException lost = assertThrows(TransportException.class,
        () -> transport().build().send(text("ping", false)));
    assertFalse(lost.getMessage().contains("hunter2"), lost.getMessage());
    assertTrue(lost.getMessage().length() < 1_100, "bounded: " + lost.getMessage().length());
  }

  /** close() says "calls already made complete; new ones fail": a blocking call too, and on a given client. */
  @Test
  void aClosedTransportSendsNothingMore() {
    answer("sent after close");
    answer("sent after close");
    HttpTransport own = transport().build();
    own.close();
    assertThrows(IllegalStateException.class, () -> own.send(text("ping", true)));
    HttpTransport onMine = transport().httpClient(new okhttp3.OkHttpClient()).build();
    onMine.close();
    assertThrows(IllegalStateException.class, () -> onMine.send(text("ping", true)));
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> onMine.sendAsync(text("ping", true)).get(10, TimeUnit.SECONDS));
    assertInstanceOf(IllegalStateException.class, async.getCause());
    assertEquals(0, server.getRequestCount());
  }
}
