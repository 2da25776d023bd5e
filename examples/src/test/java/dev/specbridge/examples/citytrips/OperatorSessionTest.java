package dev.specbridge.examples.citytrips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.websocket.MessageContext;
import dev.specbridge.runtime.websocket.SocketListener;
import dev.specbridge.runtime.websocket.SocketSession;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;

/**
 * The generated operator side of CityTrips over a real WebSocket: it logs in with the typed authenticate message,
 * receives typed messages through the generated handler, answers s_user/new with the user's id in the spec's
 * reply, keeps an unknown command whole, and answers a fleet request with the typed send method.
 */
class OperatorSessionTest {
  private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T value = queue.poll(10, TimeUnit.SECONDS);
    assertNotNull(value, "nothing came");
    return value;
  }

  @Test
  void anOperatorLogsInReceivesTypedMessagesAndAnswersTheFleetRequest() throws Exception {
    BlockingQueue<WebSocket> sockets = new LinkedBlockingQueue<>();
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    BlockingQueue<Object> handled = new LinkedBlockingQueue<>();
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
        @Override
        public void onOpen(WebSocket webSocket, okhttp3.Response response) {
          sockets.add(webSocket);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
          frames.add(text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
          webSocket.close(1000, null); // answers the session's close, so that both ends finish
        }
      }).build());
      SocketSession[] session = new SocketSession[1];
      Vehicle car = Vehicle.builder().id("car-17").battery(82).plate("1234-KLM").country(Country.SPAIN)
          .city("Madrid").build();
      CitytripsOperatorHandler handler = new CitytripsOperatorHandler() {
        @Override
        public NewUserResultMessage newUser(NewUserMessage message, MessageContext context) {
          handled.add(message);
          return NewUserResultMessage.builder().id("u-" + message.payload().username()).build();
        }

        @Override
        public void todo(TodoMessage message, MessageContext context) {
          handled.add(message);
        }

        @Override
        public void vehicleFullRequest(VehicleFullRequestMessage message, MessageContext context) {
          handled.add(message);
          new CitytripsOperatorClient(context.replies()).vehicleFull(VehicleFullMessage.builder()
              .payload(List.of(car)).build());
        }

        @Override
        public void unknown(UnknownCitytripsOperatorServerMessage message, MessageContext context) {
          handled.add(message);
        }
      };
      AuthenticateMessage login = AuthenticateMessage.builder().payload(Auth.builder().clientId("c-1")
          .apiKey("hunter2").build()).build();
      session[0] = CitytripsOperatorClient.session(server.url("/v1").toString().replace("http", "ws"), login,
          handler, new SocketListener() {
            @Override
            public void onMessage(String command, dev.specbridge.runtime.value.RawJson payload) {}
          }).allowPlainHttp().connect();
      try {
        WebSocket peer = next(sockets);
        String authenticate = next(frames);
        assertTrue(authenticate.contains("\"command\":\"s_ext/authenticate\"") && authenticate.contains("\"c-1\""),
            authenticate);
        peer.send("{\"command\":\"s_ext/auth_succesful\",\"payload\":null}");
        peer.send("{\"command\":\"s_user/new\",\"payload\":{\"terms_accepted\":true,\"username\":\"ana\","
            + "\"email\":\"ana@example.com\"}}");
        peer.send("{\"command\":\"s_vehicle/full_request\",\"payload\":{\"reason\":\"startup\"}}");
        peer.send("{\"command\":\"s_fleet/surprise\",\"payload\":{\"n\":1e5}}");

        NewUserMessage user = (NewUserMessage) next(handled);
        assertEquals("ana", user.payload().username());
        assertEquals("{\"command\":\"s_user/new_result\",\"payload\":{\"id\":\"u-ana\"}}", next(frames),
            "the handler's answer goes back as the spec's reply");
        assertEquals("startup", ((VehicleFullRequestMessage) next(handled)).payload().reason());
        String fleet = next(frames);
        assertTrue(fleet.startsWith("{\"command\":\"s_vehicle/full\",\"payload\":[{\"id\":\"car-17\""), fleet);
        UnknownCitytripsOperatorServerMessage unknown = (UnknownCitytripsOperatorServerMessage) next(handled);
        assertEquals("s_fleet/surprise", unknown.type());
        assertEquals("{\"n\":1e5}", unknown.data().json(), "kept digit for digit");
        assertFalse(session[0].toString().contains("hunter2"), session[0].toString());
      } finally {
        session[0].close();
      }
    }
  }
}
