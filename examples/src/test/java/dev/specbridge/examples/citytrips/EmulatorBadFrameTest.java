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

/** A frame the emulator cannot read is answered with s_ext/error; the connection stays, as a server's would. */
class EmulatorBadFrameTest {
  private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T value = queue.poll(10, TimeUnit.SECONDS);
    assertNotNull(value, "nothing came");
    return value;
  }

  @Test
  void aPayloadOfTheWrongShapeIsAnsweredWithAnErrorAndTheConnectionStays() throws Exception {
    try (CityTripsEmulator emulator = CityTripsEmulator.start("c-1", "k-1")) {
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      SocketListener events = new SocketListener() {
        @Override
        public void onMessage(String command, RawJson payload) {}

        @Override
        public void onAuthenticated() {
          lines.add("authenticated");
        }

        @Override
        public void onServerError(RawJson payload) {
          lines.add("server error");
        }

        @Override
        public void onDisconnected(String reason, Throwable failure) {
          lines.add("disconnected");
        }
      };
      AuthenticateMessage login = AuthenticateMessage.builder()
          .payload(Auth.builder().clientId("c-1").apiKey("k-1").build()).build();
      try (SocketSession session = CitytripsOperatorClient.session(emulator.url(), login,
          new FleetOperator(List.of()), events).allowPlainHttp().backoff(Duration.ofMillis(10), Duration.ofMillis(50))
          .connect()) {
        assertEquals("authenticated", next(lines));
        session.send("s_vehicle/full", "{\"not\":\"a list\"}");
        assertEquals("server error", next(lines)); // not "disconnected": the emulator threw, and Jetty closed it
        session.send("s_custom/after", "1");
        CityTripsEmulator.Received after;
        do {
          after = next(emulator.received());
        } while (!after.command().equals("s_custom/after"));
        assertTrue(lines.isEmpty(), lines.toString());
      }
    }
  }
}
