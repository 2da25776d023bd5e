package dev.specbridge.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class EmbeddedHttpServerTest {
  private static final HttpEndpoint ECHO = request -> HttpEndpoint.Answer.text(200, "text/plain", request.bodyText());

  @Test
  void clientsThatSendHeadersAndStallDoNotStarveTheOthers() throws Exception {
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start("/in", ECHO)) {
      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) { // twice the workers the server used to have
          Socket socket = new Socket("127.0.0.1", server.port());
          OutputStream out = socket.getOutputStream();
          out.write(("POST /in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\npartial")
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          stalled.add(socket);
        }
        OkHttpClient client = new OkHttpClient();
        try (Response response = client.newCall(new Request.Builder().url(server.url("/in"))
            .post(RequestBody.create("hello", MediaType.get("text/plain"))).build()).execute()) {
          assertEquals(200, response.code());
          assertEquals("hello", response.body().string());
        }
      } finally {
        for (Socket socket : stalled) {
          socket.close();
        }
      }
    }
  }

  @Test
  void answersGoOutWithoutNaglesDelay() throws Exception {
    Class.forName(EmbeddedHttpServer.class.getName()); // its settings are made when the class is initialised
    assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"));
    assertEquals("10", System.getProperty("sun.net.httpserver.maxReqTime"));
  }

  @Test
  void aBodyOverTheLimitIsAnswered413() throws Exception {
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start(new java.net.InetSocketAddress(
        java.net.InetAddress.getLoopbackAddress(), 0), "/in", ECHO, 16)) {
      try (Response response = new OkHttpClient().newCall(new Request.Builder().url(server.url("/in"))
          .post(RequestBody.create("x".repeat(64), MediaType.get("text/plain"))).build()).execute()) {
        assertEquals(413, response.code());
      }
    }
  }
}
