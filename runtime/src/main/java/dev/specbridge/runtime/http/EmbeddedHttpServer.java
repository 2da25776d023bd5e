package dev.specbridge.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A ready-to-run HTTP server for {@link HttpEndpoint}s on the JDK's own {@code com.sun.net.httpserver}: no
 * dependency, fine for emulators, tests and small webhook receivers. It binds to loopback unless told otherwise.
 * It answers with {@code TCP_NODELAY}, serves up to {@value #MAX_WORKERS} requests at once, and cuts off a client
 * that takes over 10 s to send its request, so that stalled clients cannot starve it.
 */
public final class EmbeddedHttpServer implements AutoCloseable {
  /** The most requests served at once: a stalled client holds one worker, until its request times out. */
  static final int MAX_WORKERS = 64;
  /**
   * How much of a body over the limit is read past it (and dropped) after the 413, so that the client, still
   * sending, gets to read the answer; past this the connection is closed. Loopback moves it in milliseconds.
   */
  static final long DISCARD_BYTES = 16L << 20;
  /** The JDK server's settings, read once when it is first used, so set before: unless the JVM's user set them. */
  static {
    // answers go out at once, not after Nagle's algorithm has waited for the client's delayed ACK (40 ms each)
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    // a client that sends headers and then stalls is cut off after 10 s, freeing its worker
    System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "10");
    System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", "30");
  }

  private final HttpServer server;
  private final ExecutorService executor;

  private EmbeddedHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Serves {@code endpoint} at {@code path} on a free loopback port. */
  public static EmbeddedHttpServer start(String path, HttpEndpoint endpoint) throws IOException {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), path, endpoint, 1 << 20);
  }

  /**
   * Serves {@code endpoint} at {@code path} on {@code address}; a request body over {@code maxBodyBytes} is
   * answered 413 as soon as it passes the limit, and the rest is dropped as it comes (up to {@value
   * #DISCARD_BYTES} bytes) so that the client gets to read that answer.
   */
  public static EmbeddedHttpServer start(InetSocketAddress address, String path, HttpEndpoint endpoint,
      int maxBodyBytes) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    ExecutorService executor = new ThreadPoolExecutor(0, MAX_WORKERS, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), new ThreadPoolExecutor.CallerRunsPolicy()); // past the most, the acceptor waits
    server.setExecutor(executor);
    server.createContext(path, exchange -> serve(exchange, endpoint, maxBodyBytes));
    server.start();
    return new EmbeddedHttpServer(server, executor);
  }

  private static void serve(HttpExchange exchange, HttpEndpoint endpoint, int maxBodyBytes) throws IOException {
    try (exchange) {
      InputStream in = exchange.getRequestBody();
      byte[] body = readAtMost(in, maxBodyBytes);
      if (body == null) {
        refuseTooLarge(exchange, in, maxBodyBytes);
        return;
      }
      HttpEndpoint.Answer answer;
      try {
        answer = endpoint.handle(new HttpEndpoint.Request(exchange.getRequestMethod(), exchange.getRequestHeaders(),
            body));
      } catch (RuntimeException | LinkageError | AssertionError e) {
        answer = HttpEndpoint.Answer.text(500, "text/plain; charset=utf-8", "internal error");
      }
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      if (answer.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
    }
  }

  /**
   * Answers 413 at once, then reads and discards the rest of the body before the connection closes. Closing a
   * socket with unread data received sends a reset, which destroys an answer the client has not read yet, and a
   * client that writes its whole body before reading (most do) would see only the reset. The JDK's close reads
   * just 64 KiB ({@code sun.net.httpserver.drainAmount}); this reads up to {@link #DISCARD_BYTES} more, within
   * the request's {@code maxReqTime}, after which the connection is closed all the same.
   */
  private static void refuseTooLarge(HttpExchange exchange, InputStream in, int maxBodyBytes) throws IOException {
    byte[] text = ("the request body is over " + maxBodyBytes + " bytes").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.getResponseHeaders().set("Connection", "close"); // the connection ends here: no next request on it
    exchange.sendResponseHeaders(413, text.length);
    OutputStream out = exchange.getResponseBody();
    out.write(text);
    out.flush(); // on its way now; closing the stream would end the exchange, and the JDK would close the socket
    discard(in, DISCARD_BYTES);
    out.close();
  }

  /** Reads and drops up to {@code max} bytes, until the body ends or the connection fails. */
  private static void discard(InputStream in, long max) {
    byte[] buffer = new byte[1 << 16];
    try {
      for (long left = max; left > 0; ) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          return;
        }
        left -= read;
      }
    } catch (IOException e) {
      // the client went away, or maxReqTime closed its connection: nothing more to answer
    }
  }

  /** The body, or {@code null} when it is longer than {@code max}. */
  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    byte[] body = in.readNBytes(max + 1);
    return body.length > max ? null : body;
  }

  /** The URL of {@code path} on this server, e.g. {@code http://127.0.0.1:49152/service}. */
  public String url(String path) {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
