package dev.specbridge.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

class EmbeddedHttpServerTest {
  private static final HttpEndpoint ECHO = request -> HttpEndpoint.Answer.text(200, "text/plain", request.bodyText());

  @Test
  void clientsThatSendHeadersAndStallDoNotStarveTheOthers() throws Exception {
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start("/in", ECHO)) {
      List<Socket> stalled = new ArrayList<>();
      try {
        List<String> stalls = List.of(
            "POST /in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\npartial", // in the body
            "POST /in HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n", // before a chunk
            "POST /in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le"); // in the headers
        for (String stall : stalls) {
          for (int i = 0; i < 8; i++) { // each kind twice the workers the server used to have
            Socket socket = new Socket("127.0.0.1", server.port());
            OutputStream out = socket.getOutputStream();
            out.write(stall.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            stalled.add(socket);
          }
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

  /** Far over the default limit of 1 MiB: more than the JDK drains (64 KiB) and than loopback's buffers hold. */
  private static final byte[] EIGHT_MIB = new byte[8 << 20];
  /** A reset came in some runs only: each client sends its body this many times. */
  private static final int ROUNDS = 20;

  @Test
  void aBodyFarOverTheLimitIsAnswered413NotResetWhenItsLengthIsDeclared() throws Exception {
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start("/in", ECHO)) {
      OkHttpClient client = new OkHttpClient();
      for (int round = 0; round < ROUNDS; round++) {
        assertAnswered413(client, server, RequestBody.create(EIGHT_MIB, MediaType.get("application/json")));
      }
      assertServes(client, server);
    }
  }

  @Test
  void aBodyFarOverTheLimitIsAnswered413NotResetWhenItIsChunked() throws Exception {
    RequestBody chunked = new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("application/json");
      }

      @Override
      public long contentLength() {
        return -1; // sent chunked
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        for (int sent = 0; sent < EIGHT_MIB.length; sent += 1 << 16) {
          sink.write(EIGHT_MIB, sent, 1 << 16);
          sink.flush();
        }
      }
    };
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start("/in", ECHO)) {
      OkHttpClient client = new OkHttpClient();
      for (int round = 0; round < ROUNDS; round++) {
        assertAnswered413(client, server, chunked);
      }
      assertServes(client, server);
    }
  }

  @Test
  void theJdksHttpClientReads413WhetherTheLengthIsDeclaredOrNot() throws Exception {
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start("/in", ECHO)) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int round = 0; round < ROUNDS; round++) {
        for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofByteArray(EIGHT_MIB),
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(EIGHT_MIB)))) { // chunked
          HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.url("/in")))
              .POST(body).build(), HttpResponse.BodyHandlers.ofString());
          assertEquals(413, response.statusCode());
          assertEquals("the request body is over 1048576 bytes", response.body());
        }
      }
      assertServes(new OkHttpClient(), server);
    }
  }

  @Test
  void aClientThatWritesItsWholeBodyBeforeReadingReads413() throws Exception {
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start("/in", ECHO)) {
      for (int round = 0; round < ROUNDS; round++) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
          OutputStream out = socket.getOutputStream();
          out.write(("POST /in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + EIGHT_MIB.length + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          out.write(EIGHT_MIB);
          out.flush();
          String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
          assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
          assertTrue(answer.contains("\r\nConnection: close\r\n"), answer);
          assertTrue(answer.endsWith("the request body is over 1048576 bytes"), answer);
        }
      }
      assertServes(new OkHttpClient(), server);
    }
  }

  @Test
  void the413ComesBeforeTheBodyIsWhole() throws Exception {
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start("/in", ECHO);
        Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + EIGHT_MIB.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(EIGHT_MIB, 0, 2 << 20); // a quarter, then it waits for an answer, as curl does
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes("HTTP/1.1 413 ".length()), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 413 ", status);
    }
  }

  @Test
  void aBodyFarPastWhatTheServerDiscardsIsCutOff() throws Exception {
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start("/in", ECHO);
        Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write("POST /in HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = ("100000\r\n" + "x".repeat(1 << 20) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      long sent = 0;
      IOException cutOff = null;
      try {
        while (sent < (1L << 30)) { // a GiB: past what the server discards beyond its limit
          out.write(chunk);
          sent += 1 << 20;
        }
      } catch (IOException e) {
        cutOff = e;
      }
      assertNotNull(cutOff, "the server read " + sent + " bytes");
      assertTrue(sent <= EmbeddedHttpServer.DISCARD_BYTES + (32 << 20), sent + " bytes went through");
      assertServes(new OkHttpClient(), server);
    }
  }

  private static void assertAnswered413(OkHttpClient client, EmbeddedHttpServer server, RequestBody body)
      throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(server.url("/in")).post(body).build())
        .execute()) {
      assertEquals(413, response.code());
      assertEquals("the request body is over 1048576 bytes", response.body().string());
    }
  }

  /** The server still answers. */
  private static void assertServes(OkHttpClient client, EmbeddedHttpServer server) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(server.url("/in"))
        .post(RequestBody.create("hello", MediaType.get("text/plain"))).build()).execute()) {
      assertEquals(200, response.code());
      assertEquals("hello", response.body().string());
    }
  }
}
