package dev.specbridge.runtime.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.wire.WireFormatException;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocketSessionTest {
  private static final String AUTH = "{\"clientId\":\"c-1\",\"apiKey\":\"hunter2\"}";
  private static final String AUTHENTICATE = "{\"command\":\"s_ext/authenticate\",\"payload\":" + AUTH + "}";
  private static final String AUTH_OK = "{\"command\":\"s_ext/auth_succesful\",\"payload\":\"\"}";

  private MockWebServer server;
  private final Server peer = new Server();
  private final Recorder events = new Recorder();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The server's side of each upgraded connection: what it received, and the sockets to answer on. */
  static final class Server extends WebSocketListener {
    final BlockingQueue<WebSocket> opened = new LinkedBlockingQueue<>();
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @Override
    public void onOpen(WebSocket webSocket, okhttp3.Response response) {
      opened.add(webSocket);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      received.add(text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
    }

    WebSocket nextSocket() throws InterruptedException {
      return assertNotNull(opened.poll(10, TimeUnit.SECONDS), "no connection came");
    }

    String next() throws InterruptedException {
      return assertNotNull(received.poll(10, TimeUnit.SECONDS), "no message came");
    }
  }

  private static <T> T assertNotNull(T value, String message) {
    org.junit.jupiter.api.Assertions.assertNotNull(value, message);
    return value;
  }

  /** Every callback as one line, in order; handler failures on the command "boom". */
  static final class Recorder implements SocketListener {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(String command, RawJson payload) {
      if (command.equals("boom")) {
        throw new IllegalStateException("the handler broke");
      }
      events.add("message " + command + " " + payload.json());
    }

    @Override
    public void onAuthenticated() {
      events.add("authenticated");
    }

    @Override
    public void onAuthError(RawJson payload) {
      events.add("authError " + payload.json());
    }

    @Override
    public void onServerError(RawJson payload) {
      events.add("serverError " + payload.json());
    }

    @Override
    public void onMalformed(String frame, String reason) {
      events.add("malformed " + frame + " | " + reason);
    }

    @Override
    public void onHandlerFailure(String command, Throwable failure) {
      failures.add(failure);
      events.add("handlerFailure " + command + " " + failure.getMessage());
    }

    @Override
    public void onDisconnected(String reason, Throwable failure) {
      events.add("disconnected " + reason);
    }

    @Override
    public void onReconnecting(int attempt, Duration delay) {
      events.add("reconnecting " + attempt);
    }

    @Override
    public void onGaveUp(int attempts) {
      events.add("gaveUp " + attempts);
    }

    /** The next event that starts with {@code prefix}, passing over others (disconnections and retries). */
    String await(String prefix) throws InterruptedException {
      while (true) {
        String event = events.poll(10, TimeUnit.SECONDS);
        org.junit.jupiter.api.Assertions.assertNotNull(event, "no event '" + prefix + "…' came");
        if (event.startsWith(prefix)) {
          return event;
        }
      }
    }
  }

  private SocketSession.Builder session(String url) {
    return SocketSession.builder(url).allowPlainHttp()
        .authenticator(() -> new RawJson(AUTH))
        .listener(events)
        .backoff(Duration.ofMillis(10), Duration.ofMillis(50));
  }

  private String url() {
    return server.url("/v1").toString().replaceFirst("^http", "ws");
  }

  private void upgrades(int count) {
    for (int i = 0; i < count; i++) {
      server.enqueue(new MockResponse.Builder().webSocketUpgrade(peer).build());
    }
  }

  /** Connects, answers the authentication, and returns the server's socket. */
  private WebSocket authenticated(SocketSession session) throws InterruptedException {
    WebSocket socket = peer.nextSocket();
    assertEquals(AUTHENTICATE, peer.next());
    socket.send(AUTH_OK);
    assertEquals("authenticated", events.await("authenticated"));
    assertTrue(session.isAuthenticated());
    return socket;
  }

  @Test
  void authenticatesRightAfterConnectingAndHandsMessagesOnRaw() throws Exception {
    upgrades(1);
    try (SocketSession session = session(url()).connect()) {
      WebSocket socket = authenticated(session);
      session.send("s_vehicle/full", "[{\"id\":\"v1\",\"battery\":80}]");
      assertEquals("{\"command\":\"s_vehicle/full\",\"payload\":[{\"id\":\"v1\",\"battery\":80}]}", peer.next());
      socket.send("{\"extra\":[1],\"payload\":{\"a\":1e5,\"b\":0.10},\"command\":\"s_user/new\"}");
      assertEquals("message s_user/new {\"a\":1e5,\"b\":0.10}", events.await("message"));
      socket.send("{\"command\":\"s_vehicle/full_request\"}");
      assertEquals("message s_vehicle/full_request null", events.await("message"));
      socket.send("{\"command\":\"s_ext/error\",\"payload\":{\"reason\":\"down\"}}");
      assertEquals("serverError {\"reason\":\"down\"}", events.await("serverError"));
    }
  }

  @Test
  void anApiWithoutALoginSendsAsSoonAsConnectedAndSendsNoLoginWhenAsked() throws Exception {
    upgrades(1);
    try (SocketSession session = SocketSession.builder(url()).allowPlainHttp().listener(events).connect()) {
      WebSocket socket = peer.nextSocket();
      assertEquals("authenticated", events.await("authenticated"));
      session.send("s_vehicle/full", "[]");
      assertEquals("{\"command\":\"s_vehicle/full\",\"payload\":[]}", peer.next(), "no login went first");
      socket.send("{\"command\":\"s_ext/must_authenticate\",\"payload\":null}");
      session.send("a", "1");
      assertEquals("{\"command\":\"a\",\"payload\":1}", peer.next(), "nothing to log in with: nothing waits");
    }
  }

  @Test
  void anAuthErrorIsSurfacedAndMessagesWait() throws Exception {
    upgrades(1);
    try (SocketSession session = session(url()).connect()) {
      WebSocket socket = peer.nextSocket();
      assertEquals(AUTHENTICATE, peer.next());
      socket.send("{\"command\":\"s_ext/auth_error\",\"payload\":{\"reason\":\"bad key\"}}");
      assertEquals("authError {\"reason\":\"bad key\"}", events.await("authError"));
      assertFalse(session.isAuthenticated());
      session.send("s_vehicle/full", "[]");
      assertEquals(1, session.queued());
    }
  }

  @Test
  void mustAuthenticateMidSessionAuthenticatesAgainAndHoldsMessagesUntilThen() throws Exception {
    upgrades(1);
    try (SocketSession session = session(url()).connect()) {
      WebSocket socket = authenticated(session);
      socket.send("{\"command\":\"s_ext/must_authenticate\",\"payload\":{\"reason\":\"expired\"}}");
      assertEquals(AUTHENTICATE, peer.next());
      session.send("a", "1"); // the session is not authenticated since it sent the authenticate message
      assertEquals(1, session.queued());
      socket.send(AUTH_OK);
      assertEquals("{\"command\":\"a\",\"payload\":1}", peer.next());
      assertEquals("authenticated", events.await("authenticated"));
      assertEquals(0, session.queued());
    }
  }

  @Test
  void aDropReconnectsAuthenticatesAndSendsWhatWaitedInOrderOnce() throws Exception {
    upgrades(2);
    try (SocketSession session = session(url()).connect()) {
      WebSocket first = authenticated(session);
      session.send("m", "0");
      assertEquals("{\"command\":\"m\",\"payload\":0}", peer.next());
      first.close(1012, "restarting"); // the server drops the connection (its WebSocket has no call to cancel)
      events.await("disconnected");
      for (int i = 1; i <= 3; i++) {
        session.send("m", Integer.toString(i));
      }
      WebSocket second = peer.nextSocket();
      assertEquals(AUTHENTICATE, peer.next());
      assertEquals(3, session.queued());
      second.send(AUTH_OK);
      events.await("authenticated");
      session.send("m", "4");
      for (int i = 1; i <= 4; i++) {
        assertEquals("{\"command\":\"m\",\"payload\":" + i + "}", peer.next());
      }
      session.send("m", "5"); // nothing came twice between 4 and 5
      assertEquals("{\"command\":\"m\",\"payload\":5}", peer.next());
      assertTrue(peer.received.isEmpty());
    }
  }

  @Test
  void aFullQueueThrowsAndKeepsWhatItHolds() throws Exception {
    upgrades(1);
    try (SocketSession session = session(url()).queueCapacity(2).connect()) {
      assertEquals(AUTHENTICATE, peer.next()); // never answered
      session.send("a", "1");
      session.send("b", "2");
      SocketQueueFullException full = assertThrows(SocketQueueFullException.class, () -> session.send("c", "3"));
      assertEquals("c", full.command());
      assertEquals(2, full.capacity());
      assertEquals(2, session.queued());
    }
  }

  @Test
  void malformedFramesAreReportedAndTheSessionStaysUp() throws Exception {
    upgrades(1);
    try (SocketSession session = session(url()).connect()) {
      WebSocket socket = authenticated(session);
      socket.send("not json hunter2");
      String notJson = events.await("malformed");
      assertTrue(notJson.startsWith("malformed not json hunter2 | "), notJson);
      assertFalse(notJson.substring(notJson.indexOf('|')).contains("hunter2"), notJson); // the reason quotes nothing
      socket.send("{\"payload\":{}}");
      assertEquals("malformed {\"payload\":{}} | the message has no member 'command'", events.await("malformed"));
      socket.send("{\"command\":1}");
      assertTrue(events.await("malformed").contains("should be a string"));
      socket.send("{\"command\":\"a\",\"command\":\"b\"}");
      assertTrue(events.await("malformed").contains("written twice"));
      socket.send("[1]");
      events.await("malformed");
      socket.send(okio.ByteString.encodeUtf8("{}"));
      assertTrue(events.await("malformed").contains("binary frame"));
      socket.send("{\"command\":\"ok\",\"payload\":[1]}");
      assertEquals("message ok [1]", events.await("message"));
      assertTrue(session.isAuthenticated());
    }
  }

  @Test
  void aThrowingHandlerIsReportedAndTheSessionStaysUp() throws Exception {
    upgrades(1);
    try (SocketSession session = session(url()).connect()) {
      WebSocket socket = authenticated(session);
      socket.send("{\"command\":\"boom\",\"payload\":{}}");
      assertEquals("handlerFailure boom the handler broke", events.await("handlerFailure"));
      assertInstanceOf(IllegalStateException.class, events.failures.take());
      socket.send("{\"command\":\"ok\",\"payload\":{}}");
      assertEquals("message ok {}", events.await("message"));
      session.send("after", "true");
      assertEquals("{\"command\":\"after\",\"payload\":true}", peer.next());
    }
  }

  @Test
  void aPayloadOfTheWrongShapeReachesOnMalformedWithTheFrameAndTheSessionStaysUp() throws Exception {
    MessageDispatcher dispatcher = MessageDispatcher.builder()
        .on("count", parser -> dev.specbridge.runtime.json.Json.readInt(parser, "count", false),
            (Integer count, MessageContext context) -> events.events.add("count " + count))
        .build();
    upgrades(1);
    try (SocketSession session = SocketSession.builder(url()).allowPlainHttp()
        .authenticator(() -> new RawJson(AUTH)).listener(dispatcher.listener(events)).connect()) {
      WebSocket socket = peer.nextSocket();
      assertEquals(AUTHENTICATE, peer.next());
      socket.send(AUTH_OK);
      events.await("authenticated");
      String wrong = "{\"command\":\"count\",\"payload\":{\"not\":\"a number\"}}";
      socket.send(wrong);
      String event = events.await("malformed");
      assertTrue(event.startsWith("malformed " + wrong + " | "), event); // the raw text, not a handler failure
      socket.send("{\"command\":\"count\",\"payload\":3}");
      assertEquals("count 3", events.await("count"));
      assertTrue(session.isAuthenticated());
    }
  }

  @Test
  void closeDuringReconnectionStopsEverything() throws Exception {
    SocketSession session = session("ws://127.0.0.1:" + unusedPort() + "/v1").connect();
    events.await("reconnecting 2"); // the first connection and a reconnection failed
    session.close();
    assertTrue(session.isClosed());
    assertFalse(reconnectThreadAlive(), "a reconnection thread outlived close()");
    assertThrows(IllegalStateException.class, () -> session.send("a", "1"));
    session.close(); // twice is harmless
  }

  @Test
  void givesUpAfterItsMaximumAttempts() throws Exception {
    SocketSession session = session("ws://127.0.0.1:" + unusedPort() + "/v1").maxAttempts(1).connect();
    assertEquals("gaveUp 1", events.await("gaveUp"));
    assertTrue(session.isClosed());
    assertFalse(reconnectThreadAlive());
    session.close();
  }

  @Test
  void credentialsNeverShow() throws Exception {
    upgrades(1);
    try (SocketSession session = session(url()).connect()) {
      assertFalse(session.toString().contains("hunter2"), session.toString());
      authenticated(session);
      assertFalse(session.toString().contains("hunter2"), session.toString());
      assertTrue(session.toString().contains("authenticated"), session.toString());
    }
    upgrades(1);
    try (SocketSession broken = SocketSession.builder(url()).allowPlainHttp().listener(events)
        .authenticator(() -> new RawJson("{\"apiKey\":hunter2}")).connect()) {
      Throwable failure = events.failures.poll(10, TimeUnit.SECONDS);
      assertInstanceOf(WireFormatException.class, failure);
      assertFalse(failure.getMessage().contains("hunter2"), failure.getMessage());
      assertFalse(broken.toString().contains("hunter2"));
    }
  }

  @Test
  void refusesPlainWebSocketsUnlessAllowed() {
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SocketSession
        .builder("ws://user:hunter2@example.com/v1").authenticator(() -> new RawJson(AUTH)).listener(events)
        .connect());
    assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
  }

  @Test
  void aServerThatStopsAnsweringPingsIsDroppedAndReconnected() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread upgrader = new Thread(() -> upgradeThenKeepSilent(silent), "silent server");
      upgrader.start();
      try (SocketSession session = session("ws://127.0.0.1:" + silent.getLocalPort() + "/v1")
          .pingInterval(Duration.ofMillis(100)).connect()) {
        assertEquals("disconnected the connection failed: SocketTimeoutException", events.await("disconnected"));
        events.await("reconnecting 1");
      }
      silent.close();
      upgrader.join();
    }
  }

  /** Accepts one WebSocket upgrade, then reads and never answers, pings included, until the socket closes. */
  private static void upgradeThenKeepSilent(ServerSocket listening) {
    try (Socket socket = listening.accept()) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.ISO_8859_1));
      String key = null;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:")) {
          key = line.substring(line.indexOf(':') + 1).trim();
        }
      }
      String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
          .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1)));
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      while (in.read() >= 0) {
        // silence
      }
    } catch (Exception e) {
      // the test closed the server socket, or the client went away
    }
  }

  @Test
  void theEnvelopeKnowsTheSessionsCommands() {
    SocketEnvelope citytrips = SocketEnvelope.CITYTRIPS;
    assertEquals("s_ext/auth_succesful", citytrips.authSuccessful()); // the seed's spelling
    assertTrue(citytrips.isSessionCommand("s_ext/must_authenticate"));
    assertTrue(citytrips.isSessionCommand("s_ext/error"));
    assertFalse(citytrips.isSessionCommand("s_ext/authenticate")); // sent, not received
    assertFalse(citytrips.isSessionCommand("s_user/new"));
    assertThrows(IllegalArgumentException.class,
        () -> new SocketEnvelope("m", "m", "a", "b", "c", "d", "e"));
  }

  @Test
  void anotherEnvelopeIsSpokenAsDeclared() throws Exception {
    upgrades(1);
    SocketEnvelope other = new SocketEnvelope("type", "data", "login", "relogin", "welcome", "denied", "oops");
    try (SocketSession session = session(url()).envelope(other).connect()) {
      WebSocket socket = peer.nextSocket();
      assertEquals("{\"type\":\"login\",\"data\":" + AUTH + "}", peer.next());
      socket.send("{\"type\":\"welcome\"}");
      events.await("authenticated");
      socket.send("{\"data\":{\"x\":1},\"type\":\"event\"}");
      assertEquals("message event {\"x\":1}", events.await("message"));
      session.send("reply", null);
      assertEquals("{\"type\":\"reply\",\"data\":null}", peer.next());
    }
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean reconnectThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.isAlive() && thread.getName().startsWith("specbridge-socket-reconnect"));
  }
}
