package dev.specbridge.runtime.http;

import dev.specbridge.runtime.error.HttpStatusException;
import dev.specbridge.runtime.error.MalformedResponseException;
import dev.specbridge.runtime.error.TransportException;
import dev.specbridge.runtime.value.Redaction;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The one HTTP transport under every request-answer protocol (name-value forms, XML packets): sends a protocol's
 * {@link HttpCall}s on one {@link OkHttpClient} with a deadline, a cap on an answer's size, a {@link CommandTag}
 * on each request, retries by a policy, and a {@link CallListener} that sees each call with its secrets hidden.
 * Share one transport between clients to share its connections and threads.
 *
 * <p>Defaults: a whole attempt may take {@value #DEFAULT_CALL_TIMEOUT_SECONDS} s (connect, send, wait, read), so
 * a server that trickles a byte a second cannot hold a call, and a whole call, retries and their waits included,
 * 2 minutes; connecting 10 s (OkHttp's); an answer of at most
 * 16 MiB, a larger one a {@link MalformedResponseException} once that much has arrived, never read whole; no
 * redirect followed (a redirected POST would become a GET), a 3xx is an {@link HttpStatusException}; no retry.
 *
 * <p>Retries, when {@link Builder#retries} allows them, are for idempotent calls only, after a connection failure
 * or HTTP 429 or 502–504: the wait is what the server's {@code Retry-After} asks (seconds or an HTTP date, at most
 * {@link #MAX_RETRY_AFTER}), else a random time up to {@code backoff × 2^attempt} (full jitter, so that clients
 * that failed together do not retry together). Blocking and async calls retry alike.
 */
public final class HttpTransport implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());

  static final int DEFAULT_CALL_TIMEOUT_SECONDS = 30;
  /** The longest one attempt of a call may take unless {@link Builder#callTimeout} says otherwise. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(DEFAULT_CALL_TIMEOUT_SECONDS);
  /** The longest a whole call may take, every attempt and wait included, unless {@link Builder#deadline} says. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);
  /** The largest answer read unless {@link Builder#maxAnswerBytes} says otherwise: 16 MiB. */
  public static final int DEFAULT_MAX_ANSWER_BYTES = 16 << 20;
  /** The longest wait a server's {@code Retry-After} gets before a retry. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final int maxAnswerBytes;
  private final int retries;
  private final Duration backoff;
  private final Duration maxBackoff;
  private final CallListener listener;
  private final Duration callTimeout;
  private final Duration deadline;
  private volatile boolean closed;

  private HttpTransport(Builder builder) {
    this.ownsHttp = builder.http == null;
    this.maxAnswerBytes = builder.maxAnswerBytes;
    this.retries = builder.retries;
    this.backoff = builder.backoff;
    this.maxBackoff = builder.maxBackoff;
    this.listener = builder.listener;
    this.callTimeout = builder.callTimeout;
    this.deadline = builder.deadline;
    OkHttpClient.Builder http = (builder.http != null ? builder.http.newBuilder() : new OkHttpClient.Builder())
        .followRedirects(false) // a redirected POST would silently become a GET
        .followSslRedirects(false)
        .retryOnConnectionFailure(false) // retries are decided per call, by the policy below
        .addNetworkInterceptor(HttpTransport::noRetryBehindOurBack);
    if (builder.connectTimeout != null) {
      http.connectTimeout(builder.connectTimeout);
    }
    http.callTimeout(builder.callTimeout);
    http.readTimeout(builder.callTimeout);
    this.http = http.build();
  }

  /**
   * OkHttp sends a request again by itself when a 503 says {@code Retry-After: 0}, whether the command may be
   * sent twice or not. The same wait written as a date (now) means the same to {@link #retryAfter} and nothing to
   * OkHttp, so the retry is this transport's to decide.
   */
  private static Response noRetryBehindOurBack(okhttp3.Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (response.code() != 503 || retryAfter == null || !retryAfter.strip().matches("0+")) {
      return response;
    }
    return response.newBuilder().header("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(java.time.ZoneOffset.UTC))).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A transport with every default: what a client makes for itself when it is given none. */
  public static HttpTransport defaults() {
    return builder().build();
  }

  /** Sends a call, retrying as the policy allows, and returns what its answer reads as. */
  public <T> T send(HttpCall<T> call) {
    checkOpen(call);
    Attempts attempts = new Attempts(call);
    try {
      for (int attempt = 0; ; attempt++) {
        try (Response response = attempts.newCall(http, attempts.next()).execute()) {
          return attempts.succeeded(read(call, attempts.answered(answer(call, response))));
        } catch (IOException e) {
          Duration wait = delay(attempt, null);
          if (!mayRetry(call, attempt, attempts, wait)) {
            throw lost(call, e);
          }
          sleep(call, wait);
        } catch (HttpStatusException e) {
          Duration wait = delay(attempt, e.retryAfter().orElse(null));
          if (!isBusy(e) || !mayRetry(call, attempt, attempts, wait)) {
            throw e;
          }
          sleep(call, wait);
        }
      }
    } catch (RuntimeException | Error e) {
      attempts.failed(e);
      throw e;
    }
  }

  /**
   * Sends a call without blocking; the future fails with what {@link #send} throws, whatever the reading throws
   * ({@code Error}s included: the future completes, and OkHttp's thread lives on). Cancelling it cancels the call.
   */
  public <T> CompletableFuture<T> sendAsync(HttpCall<T> call) {
    try {
      checkOpen(call);
    } catch (IllegalStateException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<T> future = new CompletableFuture<>();
    Attempts attempts = new Attempts(call);
    future.whenComplete((value, error) -> {
      if (future.isCancelled()) {
        attempts.cancel();
      }
      attempts.finished(error);
    });
    enqueue(call, 0, future, attempts);
    return future;
  }

  private <T> void enqueue(HttpCall<T> call, int attempt, CompletableFuture<T> future, Attempts attempts) {
    Call sent;
    try {
      sent = attempts.newCall(http, attempts.next());
    } catch (RuntimeException | Error e) {
      future.completeExceptionally(e);
      return;
    }
    sent.enqueue(new Callback() {
      @Override
      public void onResponse(Call sent, Response response) {
        try (response) {
          future.complete(read(call, attempts.answered(answer(call, response))));
        } catch (HttpStatusException e) {
          Duration wait = delay(attempt, e.retryAfter().orElse(null));
          if (isBusy(e) && mayRetry(call, attempt, attempts, wait)) {
            retryLater(call, attempt, future, attempts, wait);
          } else {
            future.completeExceptionally(e);
          }
        } catch (IOException e) {
          onFailure(sent, e);
        } catch (Throwable e) { // an Error too: the future completes, and OkHttp's thread lives on
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call sent, IOException e) {
        Duration wait = delay(attempt, null);
        if (mayRetry(call, attempt, attempts, wait)) {
          retryLater(call, attempt, future, attempts, wait);
        } else {
          future.completeExceptionally(lost(call, e));
        }
      }
    });
  }

  /** The next attempt of an async call, after the same wait a blocking call makes; none once it is done. */
  private <T> void retryLater(HttpCall<T> call, int attempt, CompletableFuture<T> future, Attempts attempts,
      Duration wait) {
    CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
      if (!future.isDone()) {
        enqueue(call, attempt + 1, future, attempts);
      }
    });
  }

  /** Reads an answer's bytes, at most {@link #maxAnswerBytes}: a larger answer is refused once that much came. */
  private HttpAnswer answer(HttpCall<?> call, Response response) throws IOException {
    BufferedSource source = response.body().source();
    if (source.request(maxAnswerBytes + 1L)) { // more than the cap arrived: read no further
      byte[] start = source.getBuffer().readByteArray(Math.min(1_000, maxAnswerBytes));
      throw new MalformedResponseException(call.what() + ": the answer is larger than " + maxAnswerBytes
          + " bytes; its first " + start.length + " bytes are kept", new String(start, StandardCharsets.ISO_8859_1),
          null);
    }
    return new HttpAnswer(call.what(), response.code(), response.message(), response.headers(),
        source.readByteArray());
  }

  /** Checks an answer's HTTP status, then lets the call read it. */
  private static <T> T read(HttpCall<T> call, HttpAnswer answer) {
    int code = answer.status();
    // the reason phrase, the target and the content type are the server's text: cut, and what it echoes hidden
    if (code >= 300 && code < 400) {
      String location = answer.headers().get("Location");
      throw new HttpStatusException(call.shown(Redaction.cut(call.what() + ": the server redirected (HTTP " + code
          + ")" + (location == null ? "" : " to " + HttpUrls.shown(location)))), code, answer.raw());
    }
    if (code < 200 || code >= 300) {
      throw new HttpStatusException(call.shown(Redaction.cut(call.what() + ": HTTP " + code + " " + answer.reason()
          + " (" + answer.body().length + " bytes of " + answer.contentType() + ")")), code, answer.raw(),
          retryAfter(answer.headers().get("Retry-After")));
    }
    return call.read(answer);
  }

  /** Whether attempt {@code attempt + 1} may follow after {@code wait}: an idempotent call, within the deadline. */
  private boolean mayRetry(HttpCall<?> call, int attempt, Attempts attempts, Duration wait) {
    return call.idempotent() && attempt < retries && attempts.remainingNanos() > wait.toNanos();
  }

  /** HTTP 429 or 502–504: a busy server or a gateway, worth another attempt of an idempotent call. */
  private static boolean isBusy(HttpStatusException e) {
    return e.httpStatus() == 429 || e.httpStatus() >= 502 && e.httpStatus() <= 504;
  }

  /** How long to wait before attempt {@code attempt + 1}: what the server asked, else jittered backoff. */
  private Duration delay(int attempt, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
    }
    long ceiling = Math.min(maxBackoff.toMillis(), backoff.toMillis() << Math.min(attempt, 20));
    return Duration.ofMillis(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  /** The {@code Retry-After} header as a wait: seconds, or an HTTP date; {@code null} when absent or unreadable. */
  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until = Duration.between(Instant.now(),
            ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  /** Waits before a retry; an interrupt ends the call. */
  private static void sleep(HttpCall<?> call, Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(call.what() + ": interrupted while waiting to retry", e);
    }
  }

  /** No answer: OkHttp's message may quote what the peer sent (its status line), so it is cut and hidden too. */
  private static TransportException lost(HttpCall<?> call, IOException e) {
    return new TransportException(call.shown(Redaction.cut(call.what() + ": " + (e.getMessage() == null
        ? e.getClass().getSimpleName() : e.getMessage()))), e);
  }

  /**
   * A closed transport sends nothing more, whether its OkHttp client is its own or given: a blocking call would
   * otherwise go through a closed client's pool all the same.
   */
  private void checkOpen(HttpCall<?> call) {
    if (closed) {
      throw new IllegalStateException(call.what() + ": the transport is closed");
    }
  }

  /** The OkHttp client calls go through (the given one's settings, with this transport's). */
  public OkHttpClient http() {
    return http;
  }

  /** The largest answer read, in bytes. */
  public int maxAnswerBytes() {
    return maxAnswerBytes;
  }

  /**
   * Stops the threads and connections of the OkHttp client this transport made for itself; one given with
   * {@link Builder#httpClient} is its owner's to close. Calls already made complete; new ones fail with an
   * {@link IllegalStateException}.
   */
  @Override
  public void close() {
    closed = true;
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "HttpTransport[callTimeout " + http.callTimeoutMillis() + " ms, maxAnswerBytes " + maxAnswerBytes
        + ", retries " + retries + "]";
  }

  /** One call's attempts: what its listener is told once it is over, and the OkHttp call to cancel. */
  private final class Attempts {
    private final HttpCall<?> call;
    private final long start = System.nanoTime();
    private int count;
    private Request lastRequest;
    private HttpAnswer lastAnswer;
    private Call current;
    private boolean cancelled;
    private boolean finished;

    Attempts(HttpCall<?> call) {
      this.call = call;
    }

    synchronized Request next() {
      count++;
      lastAnswer = null;
      lastRequest = call.request().newBuilder().tag(CommandTag.class, new CommandTag(call.name())).build();
      return lastRequest;
    }

    /** The whole call's time left: what the next attempt may take at most, and what a retry's wait must fit in. */
    long remainingNanos() {
      return start + deadline.toNanos() - System.nanoTime();
    }

    synchronized Call newCall(OkHttpClient http, Request request) {
      current = http.newCall(request);
      // an attempt takes at most callTimeout, and no longer than the deadline leaves
      current.timeout().timeout(Math.max(1, Math.min(callTimeout.toNanos(), remainingNanos())), TimeUnit.NANOSECONDS);
      if (cancelled) {
        current.cancel();
      }
      return current;
    }

    synchronized HttpAnswer answered(HttpAnswer answer) {
      lastAnswer = answer;
      return answer;
    }

    synchronized void cancel() {
      cancelled = true;
      if (current != null) {
        current.cancel();
      }
    }

    <T> T succeeded(T value) {
      finished(null);
      return value;
    }

    void failed(Throwable failure) {
      finished(failure);
    }

    /** Tells the listener, once; a listener's failure is logged, never the call's. */
    void finished(Throwable failure) {
      CallEvent event;
      synchronized (this) {
        if (finished) {
          return;
        }
        finished = true;
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        event = new CallEvent(call, cause, Duration.ofNanos(System.nanoTime() - start), count, lastRequest,
            lastAnswer);
      }
      try {
        listener.onCall(event);
      } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) { // not the call's failure
        LOG.log(Level.WARNING, "the call listener failed on " + call.what() + " (" + e.getClass().getName() + ")");
      }
    }
  }

  /** Settings of an {@link HttpTransport}. */
  public static final class Builder {
    private OkHttpClient http;
    private Duration connectTimeout;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private Duration deadline = DEFAULT_DEADLINE;
    private int maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
    private int retries;
    private Duration backoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private CallListener listener = CallListener.none();

    private Builder() {}

    /**
     * An OkHttp client to build on (its pool, dispatcher, interceptors, certificates, proxy): calls go through a
     * copy with this transport's timeouts and with redirects and retries turned off, which share its pool and
     * threads. It stays its owner's to close.
     */
    public Builder httpClient(OkHttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /** The longest to wait for a connection; OkHttp's 10 s by default. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The longest one attempt may take, and the longest to wait for data; 30 seconds by default. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * The longest a whole call may take, every attempt and every wait between them included (2 minutes by
     * default): no retry starts whose wait would pass it, and an attempt is cut off when it comes.
     */
    public Builder deadline(Duration deadline) {
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive, found " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    /**
     * The largest answer read, in bytes (16 MiB by default): a larger one is a {@link MalformedResponseException}
     * once that much has arrived, never read whole.
     */
    public Builder maxAnswerBytes(int maxAnswerBytes) {
      if (maxAnswerBytes < 1) {
        throw new IllegalArgumentException("maxAnswerBytes must be positive, found " + maxAnswerBytes);
      }
      this.maxAnswerBytes = maxAnswerBytes;
      return this;
    }

    /**
     * How often an idempotent call is retried after a connection failure or HTTP 429 or 502–504 (default 0),
     * blocking or async alike, after the {@link #backoff} wait.
     */
    public Builder retries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("retries must be at least 0");
      }
      this.retries = retries;
      return this;
    }

    /**
     * The wait before retries: a random time up to {@code initial × 2^attempt}, at most {@code max} (100 ms and
     * 5 s by default); a server's {@code Retry-After} replaces it, up to {@link #MAX_RETRY_AFTER}.
     */
    public Builder backoff(Duration initial, Duration max) {
      if (initial.isNegative() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("backoff needs 0 <= initial <= max, found " + initial + " and " + max);
      }
      this.backoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** Sees each call once it is over: for logs and metrics, with every secret hidden. */
    public Builder listener(CallListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public HttpTransport build() {
      return new HttpTransport(this);
    }
  }
}
