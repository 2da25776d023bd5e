package dev.specbridge.examples.citytrips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.websocket.SocketListener;
import dev.specbridge.runtime.websocket.SocketSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The generated operator against the CityTrips emulator: a fleet request, a dropped connection, a refused login. */
class CityTripsEmulatorTest {
  private static final Vehicle CAR = Vehicle.builder().id("car-17").battery(82).country(Country.SPAIN).build();

  private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T value = queue.poll(10, TimeUnit.SECONDS);
    assertNotNull(value, "nothing came");
    return value;
  }

  /** The session's events, as lines. */
  private static final class Events implements SocketListener {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(String command, RawJson payload) {}

    @Override
    public void onAuthenticated() {
      lines.add("authenticated");
    }

    @Override
    public void onAuthError(RawJson payload) {
      lines.add("auth error " + payload.json());
    }

    @Override
    public void onDisconnected(String reason, Throwable failure) {
      lines.add("disconnected");
    }
  }

  private static AuthenticateMessage login(String apiKey) {
    return AuthenticateMessage.builder().payload(Auth.builder().clientId("c-1").apiKey(apiKey).build()).build();
  }

  @Test
  void anOperatorAnswersTheFleetRequestSurvivesADropAndSendsWhatItQueuedInOrderOnce() throws Exception {
    try (CityTripsEmulator emulator = CityTripsEmulator.start("c-1", "k-1")) {
      Events events = new Events();
      SocketSession session = CitytripsOperatorClient.session(emulator.url(), login("k-1"), new FleetOperator(List.of(CAR)), events)
          .allowPlainHttp().backoff(Duration.ofMillis(10), Duration.ofMillis(50)).connect();
      CitytripsOperatorClient operator = new CitytripsOperatorClient(session::send);
      try {
        assertEquals("s_ext/authenticate", next(emulator.received()).command());
        assertEquals("authenticated", next(events.lines));
        CityTripsEmulator.Received fleet = next(emulator.received());
        assertEquals("s_vehicle/full", fleet.command());
        assertTrue(fleet.payload().json().startsWith("[{\"id\":\"car-17\""), fleet.payload().json());

        emulator.sendNewUser(NewUser.builder().termsAccepted(true).username("ana").build());
        CityTripsEmulator.Received reply = next(emulator.received());
        assertEquals("s_user/new_result", reply.command());
        assertEquals("{\"id\":\"u-ana\"}", reply.payload().json());

        emulator.askForAuthentication("the token expired"); // a challenge mid-session: the operator logs in again
        assertEquals("s_ext/authenticate", next(emulator.received()).command());
        assertEquals("s_vehicle/full", next(emulator.received()).command(), "and answers the fleet request after it");
        assertEquals("authenticated", next(events.lines));

        emulator.dropConnections();
        assertEquals("disconnected", next(events.lines));
        for (int i = 1; i <= 3; i++) { // sent while down: they wait, and go out once, in order, after the login
          operator.vehicleIncremental(VehicleIncrementalMessage.builder()
              .payload(List.of(CAR.toBuilder().battery(80 - i).build())).build());
        }
        assertEquals("s_ext/authenticate", next(emulator.received()).command(), "reconnected and logged in again");
        List<String> after = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
          CityTripsEmulator.Received message = next(emulator.received());
          after.add(message.command() + (message.command().equals("s_vehicle/incremental")
              ? " " + message.payload().json().replaceAll(".*\"battery\":(\\d+).*", "$1") : ""));
        }
        assertTrue(after.containsAll(List.of("s_vehicle/incremental 79", "s_vehicle/incremental 78",
            "s_vehicle/incremental 77", "s_vehicle/full")), after.toString());
        List<String> incrementals = after.stream().filter(line -> line.startsWith("s_vehicle/incremental")).toList();
        assertEquals(List.of("s_vehicle/incremental 79", "s_vehicle/incremental 78", "s_vehicle/incremental 77"),
            incrementals, "in order, each once");
        assertEquals(null, emulator.received().poll(200, TimeUnit.MILLISECONDS), "nothing twice");
      } finally {
        session.close();
      }
    }
  }

  @Test
  void theEmulatorTakesNothingButALoginFromAConnectionThatHasNotLoggedIn() throws Exception {
    try (CityTripsEmulator emulator = CityTripsEmulator.start("c-1", "k-1")) {
      BlockingQueue<String> frames = new LinkedBlockingQueue<>();
      okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
      okhttp3.WebSocket socket = http.newWebSocket(new okhttp3.Request.Builder().url(emulator.url()).build(),
          new okhttp3.WebSocketListener() {
            @Override
            public void onMessage(okhttp3.WebSocket webSocket, String text) {
              frames.add(text);
            }
          });
      socket.send("{\"command\":\"s_vehicle/full\",\"payload\":[]}");
      assertEquals("{\"command\":\"s_ext/must_authenticate\",\"payload\":{\"reason\":\"authenticate first\"}}",
          next(frames));
      socket.send("{\"command\":\"s_ext/authenticate\",\"payload\":{\"clientId\":\"c-1\",\"apiKey\":\"k-1\"}}");
      assertEquals("s_ext/authenticate", next(emulator.received()).command(), "the fleet sent before was not taken");
      assertTrue(next(frames).contains("s_ext/auth_succesful"));
      socket.close(1000, null);
      http.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void aRefusedLoginReachesTheApplication() throws Exception {
    try (CityTripsEmulator emulator = CityTripsEmulator.start("c-1", "k-1")) {
      Events events = new Events();
      try (SocketSession session = CitytripsOperatorClient.session(emulator.url(), login("wrong"), new FleetOperator(List.of(CAR)),
          events).allowPlainHttp().connect()) {
        assertEquals("auth error {\"reason\":\"unknown client or wrong key\"}", next(events.lines));
        assertTrue(session.toString().indexOf("wrong") < 0, session.toString());
      }
    }
  }
}
