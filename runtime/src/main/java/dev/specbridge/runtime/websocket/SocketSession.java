package dev.specbridge.runtime.websocket;

import dev.specbridge.runtime.http.HttpUrls;
import dev.specbridge.runtime.wire.WireFormatException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * A session with a JSON-over-WebSocket API whose messages are {@code {command, payload}} objects (CityTrips, seed
 * 003), on OkHttp's WebSocket. It connects, authenticates right after connecting and again whenever the server
 * asks, reconnects after a drop with exponential backoff and full jitter, keeps the connection alive with pings,
 * and holds messages sent while it is not authenticated in a bounded queue that goes out, in order and once, after
 * the next authentication.
 *
 * <pre>{@code
 * SocketSession session = SocketSession.builder("wss://api-sandbox.gocitytrips.com/v1")
 *     .authenticator(() -> new RawJson(Json.write(g -> AuthWriter.write(g, auth))))
 *     .listener((command, payload) -> dispatch(command, payload))
 *     .connect();
 * session.send("s_vehicle/full", vehiclesJson);
 * }</pre>
 *
 * <p>Frames are decoded once, with Jackson's streaming core: the command member must be a string, the payload is
 * handed on as JSON text ({@code null} when absent), other members are checked and passed over. A frame that is
 * not such a message goes to {@link SocketListener#onMalformed}, a handler's failure to
 * {@link SocketListener#onHandlerFailure}, and the session stays up. {@link #close()} stops it for good, during a
 * reconnection too: its reconnection thread has ended when it returns.
 */
public final class SocketSession implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SocketSession.class.getName());

  private final String shownUrl;
  private final Request request;
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final SocketEnvelope envelope;
  private final SocketAuthenticator authenticator;
  private final SocketListener listener;
  private final long initialBackoffNanos;
  private final long maxBackoffNanos;
  private final int maxAttempts; // -1: forever
  private final int capacity;
  private final ScheduledThreadPoolExecutor scheduler;

  private final Object lock = new Object();
  private final ArrayDeque<String> queue = new ArrayDeque<>(); // encoded frames, guarded by lock
  private Connection current; // guarded by lock; null while disconnected or once closed
  private boolean authenticated; // guarded by lock
  private boolean closed; // guarded by lock
  private int attempts; // reconnections since the last authentication, guarded by lock
  private ScheduledFuture<?> reconnect; // guarded by lock

  private SocketSession(Builder builder) {
    this.shownUrl = HttpUrls.shown(builder.url);
    this.request = new Request.Builder().url(builder.url).build();
    HttpUrls.requireHttps(request.url(), builder.plainHttpAllowed, "the authentication");
    this.envelope = builder.envelope;
    this.authenticator = builder.authenticator; // null: an API without a login, open as soon as connected
    this.listener = Objects.requireNonNull(builder.listener, "listener").apply(this);
    this.initialBackoffNanos = builder.initialBackoff.toNanos();
    this.maxBackoffNanos = builder.maxBackoff.toNanos();
    this.maxAttempts = builder.maxAttempts;
    this.capacity = builder.capacity;
    this.ownsClient = builder.httpClient == null;
    OkHttpClient base = ownsClient ? new OkHttpClient() : builder.httpClient;
    this.client = base.newBuilder().pingInterval(builder.pingInterval).build();
    this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "specbridge-socket-reconnect " + shownUrl);
      thread.setDaemon(true);
      return thread;
    });
    scheduler.setRemoveOnCancelPolicy(true);
  }

  /** A builder for a session with the API at {@code url} ({@code wss://…}; {@code ws://} with allowPlainHttp()). */
  public static Builder builder(String url) {
    return new Builder(url);
  }

  /**
   * Sends a message now if the session is authenticated and nothing waits before it, or else queues it for the
   * next authentication. A message handed to the connection is sent at most once: one that a drop cuts off on its
   * way is lost with the connection, as OkHttp cannot tell whether it arrived.
   *
   * @param payloadJson the payload as JSON text (a generated writer's output), or {@code null} for JSON null; it is
   *     checked to be one JSON value
   * @throws SocketQueueFullException when the message must wait and the queue holds its capacity already
   * @throws IllegalStateException when the session is closed
   * @throws WireFormatException when {@code payloadJson} is not one JSON value
   */
  public void send(String command, String payloadJson) {
    Objects.requireNonNull(command, "command");
    String frame = envelope.write(command, payloadJson);
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the session with " + shownUrl + " is closed; '" + command
            + "' was not sent");
      }
      if (authenticated && queue.isEmpty()) {
        if (current.socket.send(frame)) {
          return;
        }
        authenticated = false; // the connection is going down; its end will reconnect
      }
      if (queue.size() >= capacity) {
        throw new SocketQueueFullException(command, capacity);
      }
      queue.addLast(frame);
    }
  }

  /** Whether the server has accepted the authentication on the current connection. */
  public boolean isAuthenticated() {
    synchronized (lock) {
      return authenticated;
    }
  }

  /** Whether the session is closed, by {@link #close()} or by giving up. */
  public boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /** How many messages wait for an authentication; after closing, how many were never sent. */
  public int queued() {
    synchronized (lock) {
      return queue.size();
    }
  }

  /**
   * Closes the connection (a normal close, 1000) and stops reconnecting, during a reconnection too; waits for the
   * reconnection thread to end. Messages still queued are not sent ({@link #queued()} says how many). A session
   * that made its own OkHttp client shuts its dispatcher down; one given with {@link Builder#httpClient} stays the
   * caller's.
   */
  @Override
  public void close() {
    Connection connection;
    synchronized (lock) {
      closed = true;
      authenticated = false;
      connection = current;
      current = null;
      if (reconnect != null) {
        reconnect.cancel(false);
        reconnect = null;
      }
    }
    if (connection != null) {
      connection.end();
    }
    shutdown();
  }

  @Override
  public String toString() {
    synchronized (lock) {
      String state = closed ? "closed" : authenticated ? "authenticated" : current != null ? "connecting"
          : "disconnected";
      return "SocketSession[" + shownUrl + ", " + state + ", " + queue.size() + " queued]";
    }
  }

  private void connect() {
    synchronized (lock) {
      reconnect = null;
      if (closed) {
        return;
      }
      Connection connection = new Connection();
      current = connection;
      connection.socket = client.newWebSocket(request, connection);
    }
  }

  private void shutdown() {
    scheduler.shutdownNow();
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
    if (!Thread.currentThread().getName().startsWith("specbridge-socket-reconnect")) {
      try {
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The connection in use is gone: report it, then reconnect after a backoff, or give up. */
  private void lost(Connection connection, String reason, Throwable failure) {
    int attempt;
    boolean gaveUp;
    synchronized (lock) {
      if (current != connection || closed) {
        return; // an old connection, or one that close() ended
      }
      current = null;
      authenticated = false;
      attempt = ++attempts;
      gaveUp = maxAttempts >= 0 && attempt > maxAttempts;
      if (gaveUp) {
        closed = true;
      }
    }
    callback(() -> listener.onDisconnected(reason, failure));
    if (gaveUp) {
      shutdown();
      callback(() -> listener.onGaveUp(attempt - 1));
      return;
    }
    Duration delay = Duration.ofNanos(backoff(attempt));
    callback(() -> listener.onReconnecting(attempt, delay));
    synchronized (lock) {
      if (!closed) {
        reconnect = scheduler.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
      }
    }
  }

  /** Full jitter: a random wait up to {@code initial × 2^(attempt-1)}, capped at the maximum. */
  private long backoff(int attempt) {
    int doublings = Math.min(attempt - 1, 62);
    long cap = initialBackoffNanos > (maxBackoffNanos >> doublings) ? maxBackoffNanos
        : initialBackoffNanos << doublings;
    return ThreadLocalRandom.current().nextLong(Math.min(cap, maxBackoffNanos) + 1);
  }

  private void authenticate(Connection connection) {
    if (authenticator == null) {
      authenticated(connection); // an API without a login: asked to log in, it has nothing to send
      return;
    }
    String frame;
    try {
      frame = envelope.write(envelope.authenticate(), authenticator.payload().json());
    } catch (RuntimeException e) { // never the payload itself: Json's messages do not quote the input
      callback(() -> listener.onHandlerFailure(envelope.authenticate(), e));
      return;
    }
    connection.socket.send(frame);
  }

  /**
   * Marks the session not authenticated, so that what is sent from now waits for the answer, when
   * {@code connection} is still the current one: checked under the same lock, so that a late frame of a
   * connection just replaced never touches the new one's state, nor sends the login on the old socket.
   */
  private boolean unauthenticated(Connection connection) {
    synchronized (lock) {
      if (current != connection || closed) {
        return false;
      }
      authenticated = false;
      return true;
    }
  }

  /** Marks the session authenticated and sends what waited, in order, as long as the connection takes it. */
  private boolean authenticated(Connection connection) {
    synchronized (lock) {
      if (current != connection || closed) {
        return false;
      }
      authenticated = true;
      attempts = 0;
      while (!queue.isEmpty()) {
        if (!connection.socket.send(queue.peekFirst())) {
          authenticated = false; // going down: what is left waits for the next connection
          break;
        }
        queue.pollFirst();
      }
      return true;
    }
  }

  private void received(Connection connection, String frame) {
    synchronized (lock) {
      if (current != connection || closed) {
        return;
      }
    }
    SocketEnvelope.Frame message;
    try {
      message = envelope.read(frame);
    } catch (WireFormatException e) {
      callback(() -> listener.onMalformed(frame, e.getMessage()));
      return;
    }
    String command = message.command();
    if (command.equals(envelope.authSuccessful())) {
      if (authenticated(connection)) {
        callback(listener::onAuthenticated);
      }
    } else if (command.equals(envelope.mustAuthenticate())) {
      if (unauthenticated(connection)) {
        authenticate(connection);
      }
    } else if (command.equals(envelope.authError())) {
      if (unauthenticated(connection)) {
        callback(() -> listener.onAuthError(message.payload()));
      }
    } else if (command.equals(envelope.serverError())) {
      callback(() -> listener.onServerError(message.payload()));
    } else {
      try {
        listener.onMessage(command, message.payload());
      } catch (MalformedPayloadException e) { // a payload of the wrong shape: the frame goes on, as for any other
        callback(() -> listener.onMalformed(frame, e.getMessage()));
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        callback(() -> listener.onHandlerFailure(command, e));
      }
    }
  }

  /** Runs a callback; what it throws is logged by class only (its message may quote a payload) and passed over. */
  private static void callback(Runnable callback) {
    try {
      callback.run();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      LOG.log(System.Logger.Level.WARNING, "a socket session's listener threw " + e.getClass().getName());
    }
  }

  /** One connection's listener: callbacks of a connection that is no longer the session's are ignored. */
  private final class Connection extends WebSocketListener {
    WebSocket socket; // set under lock right after it is made
    boolean open; // guarded by lock

    void end() {
      boolean wasOpen;
      synchronized (lock) {
        wasOpen = open;
      }
      if (wasOpen) {
        socket.close(1000, null);
      } else {
        socket.cancel();
      }
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      synchronized (lock) {
        if (current != this || closed) {
          webSocket.cancel();
          return;
        }
        open = true;
      }
      if (authenticator == null) { // nothing to log in with: the connection itself lets messages through
        if (authenticated(this)) {
          callback(listener::onAuthenticated);
        }
      } else {
        authenticate(this);
      }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      received(this, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      synchronized (lock) {
        if (current != this || closed) {
          return;
        }
      }
      callback(() -> listener.onMalformed(bytes.base64(), "a binary frame of " + bytes.size()
          + " bytes (shown in base64), not a text message"));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null); // answer the server's close
      lost(this, "closed by the server (" + code + (reason.isEmpty() ? "" : " " + reason) + ")", null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      lost(this, "closed (" + code + ")", null);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
      lost(this, response != null ? "the upgrade was answered HTTP " + response.code()
          : "the connection failed: " + failure.getClass().getSimpleName(), failure);
    }
  }

  /** Settings of a {@link SocketSession}; {@link #connect()} makes it. */
  public static final class Builder {
    private final String url;
    private SocketEnvelope envelope = SocketEnvelope.CITYTRIPS;
    private SocketAuthenticator authenticator;
    private java.util.function.Function<SocketSession, SocketListener> listener;
    private OkHttpClient httpClient;
    private Duration pingInterval = Duration.ofSeconds(30);
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private int maxAttempts = -1;
    private int capacity = 1_000;
    private boolean plainHttpAllowed;

    private Builder(String url) {
      this.url = Objects.requireNonNull(url, "url");
    }

    /** The API's wire names; CityTrips's ({@link SocketEnvelope#CITYTRIPS}) by default. */
    public Builder envelope(SocketEnvelope envelope) {
      this.envelope = Objects.requireNonNull(envelope, "envelope");
      return this;
    }

    /**
     * Supplies the authenticate message's payload, asked for at each authentication; without one (an API whose
     * spec has no login), what is sent goes out as soon as a connection is open.
     */
    public Builder authenticator(SocketAuthenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /** Receives messages and what happens to the session; this or {@link #listener(java.util.function.Function)}. */
    public Builder listener(SocketListener listener) {
      Objects.requireNonNull(listener, "listener");
      this.listener = session -> listener;
      return this;
    }

    /**
     * A listener made for the session, which it may send through: a handler that answers a message (a generated
     * dispatcher's replies) gets the session it answers on.
     */
    public Builder listener(java.util.function.Function<SocketSession, SocketListener> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** An OkHttp client whose pool, dispatcher and settings the session shares; it stays the caller's to close. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** How often OkHttp pings the server, and fails the connection when a pong does not come back; 30 s. */
    public Builder pingInterval(Duration pingInterval) {
      this.pingInterval = positive(pingInterval, "pingInterval");
      return this;
    }

    /**
     * The wait before the n-th reconnection: a random time up to {@code initial × 2^(n-1)}, at most {@code max}
     * (full jitter); 500 ms and 30 s by default.
     */
    public Builder backoff(Duration initial, Duration max) {
      positive(initial, "initial backoff");
      positive(max, "max backoff");
      if (initial.compareTo(max) > 0) {
        throw new IllegalArgumentException("the initial backoff " + initial + " is over the maximum " + max);
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * How many reconnections to try after a drop before giving up and closing ({@link SocketListener#onGaveUp});
     * the count starts again at each authentication. 0 never reconnects. By default, forever.
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 0) {
        throw new IllegalArgumentException("maxAttempts should be 0 or more, found " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Reconnects forever, the default. */
    public Builder reconnectForever() {
      this.maxAttempts = -1;
      return this;
    }

    /** How many messages may wait for an authentication; 1,000 by default. */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("the queue capacity should be 1 or more, found " + capacity);
      }
      this.capacity = capacity;
      return this;
    }

    /** Allows {@code ws://}, where the credentials travel in clear: for tests and loopback. */
    public Builder allowPlainHttp() {
      this.plainHttpAllowed = true;
      return this;
    }

    /** Makes the session and starts connecting; a first connection that fails is retried as a drop is. */
    public SocketSession connect() {
      SocketSession session = new SocketSession(this);
      session.connect();
      return session;
    }

    private static Duration positive(Duration duration, String what) {
      Objects.requireNonNull(duration, what);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(what + " should be positive, found " + duration);
      }
      return duration;
    }
  }
}
