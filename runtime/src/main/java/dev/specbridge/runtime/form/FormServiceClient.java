package dev.specbridge.runtime.form;

import dev.specbridge.runtime.error.ApiException;
import dev.specbridge.runtime.error.CommandFailedException;
import dev.specbridge.runtime.error.HttpStatusException;
import dev.specbridge.runtime.error.MalformedResponseException;
import dev.specbridge.runtime.error.TransportException;
import dev.specbridge.runtime.wire.WireFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Calls the commands of a name-value API over HTTP: POSTs the command's pairs (with the credentials of the
 * configured {@link FormAuth}) to the service URL, reads the URL-encoded (or JSON) answer, checks its
 * {@code status} and decodes the response record. A failed command is a {@link CommandFailedException}; an
 * answer that cannot be read is a {@link MalformedResponseException} with the raw body; HTTP errors and
 * redirects are {@link HttpStatusException}s; a lost connection is a {@link TransportException}.
 *
 * <p>Only commands the spec marks idempotent are retried, and only when retries are enabled.
 */
public final class FormServiceClient implements AutoCloseable {
  /** Loaded with the first request sent, not with this class: {@link #readAnswer} needs no HTTP stack. */
  private static final class Form {
    static final MediaType TYPE = MediaType.get("application/x-www-form-urlencoded; charset=utf-8");
  }

  private final HttpUrl url;
  private final FormAuth auth;
  private final OkHttpClient http;
  private final int retries;
  private final Supplier<String> nonces;
  private final int maxAnswerBytes;
  private final boolean ownsHttp;
  private final Duration backoff;
  private final Duration maxBackoff;

  /** The longest wait a server's {@code Retry-After} gets before a retry. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  /** The longest a whole call may take unless {@link Builder#callTimeout} says otherwise. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
  /** The largest answer read unless {@link Builder#maxAnswerBytes} says otherwise: 16 MiB. */
  public static final int DEFAULT_MAX_ANSWER_BYTES = 16 << 20;

  private FormServiceClient(Builder builder) {
    this.url = builder.url;
    this.maxAnswerBytes = builder.maxAnswerBytes;
    this.backoff = builder.backoff;
    this.maxBackoff = builder.maxBackoff;
    this.ownsHttp = builder.http == null;
    this.auth = builder.auth;
    this.retries = builder.retries;
    this.nonces = builder.nonces;
    OkHttpClient.Builder http = (builder.http != null ? builder.http.newBuilder() : new OkHttpClient.Builder())
        .followRedirects(false) // a redirected POST would silently become a GET
        .followSslRedirects(false)
        .retryOnConnectionFailure(false); // retries are decided per command, below
    if (builder.connectTimeout != null) {
      http.connectTimeout(builder.connectTimeout);
    }
    Duration deadline = builder.callTimeout != null ? builder.callTimeout : DEFAULT_CALL_TIMEOUT;
    http.callTimeout(deadline); // a server that trickles a byte a second holds a call no longer than this
    http.readTimeout(deadline);
    this.http = http.build();
  }

  /** A client of the service at {@code serviceUrl}, e.g. {@code https://www.example.com/service}. */
  public static Builder builder(String serviceUrl) {
    return new Builder(serviceUrl);
  }

  /**
   * A client of the service at {@code path} below the site at {@code siteUrl}: {@code https://www.example.com}
   * (or {@code …/shop/}, a site below a path of its own) and {@code /service} post to
   * {@code https://www.example.com/service}. What a generated client's {@code forSite(siteUrl)} calls with the
   * spec's {@code protocol: path:}.
   *
   * @throws IllegalArgumentException when the site URL has a query or a fragment
   */
  public static Builder builder(String siteUrl, String path) {
    if (siteUrl.contains("?") || siteUrl.contains("#")) {
      throw new IllegalArgumentException("a site URL has no query or fragment: " + HttpUrlSafe.shown(siteUrl));
    }
    String site = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    return new Builder(site + (path.startsWith("/") ? path : "/" + path));
  }

  /** Runs a command and returns its decoded response. */
  public <Q, R> R call(FormCommand<Q, R> command, Q request) {
    return exchange(command, request).response();
  }

  /** Runs a command and returns its response with the status and status messages. */
  public <Q, R> FormReply<R> exchange(FormCommand<Q, R> command, Q request) {
    for (int attempt = 0; ; attempt++) {
      try (Response response = http.newCall(httpRequest(command, request)).execute()) {
        return read(command, response);
      } catch (IOException e) {
        if (!mayRetry(command, attempt)) {
          throw lost(command, e);
        }
        sleep(command, delay(attempt, null));
      } catch (HttpStatusException e) {
        if (!mayRetry(command, attempt) || !isBusy(e)) {
          throw e;
        }
        sleep(command, delay(attempt, e.retryAfter().orElse(null)));
      }
    }
  }

  /** Runs a command without blocking; the future fails with the same exceptions {@link #call} throws. */
  public <Q, R> CompletableFuture<R> callAsync(FormCommand<Q, R> command, Q request) {
    CompletableFuture<R> future = new CompletableFuture<>();
    enqueue(command, request, 0, future);
    return future;
  }

  private <Q, R> void enqueue(FormCommand<Q, R> command, Q request, int attempt, CompletableFuture<R> future) {
    Call call;
    try {
      call = http.newCall(httpRequest(command, request));
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return;
    }
    future.whenComplete((value, error) -> {
      if (future.isCancelled()) {
        call.cancel();
      }
    });
    call.enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          future.complete(read(command, response).response());
        } catch (HttpStatusException e) {
          if (mayRetry(command, attempt) && isBusy(e)) {
            retryLater(command, request, attempt, future, e.retryAfter().orElse(null));
          } else {
            future.completeExceptionally(e);
          }
        } catch (IOException e) {
          onFailure(call, e);
        } catch (Throwable e) { // an Error too: the future completes, and OkHttp's thread lives on
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call call, IOException e) {
        if (mayRetry(command, attempt)) {
          retryLater(command, request, attempt, future, null);
        } else {
          future.completeExceptionally(lost(command, e));
        }
      }
    });
  }

  /** The next attempt of an async call, after the same wait a blocking call makes; none once it is done. */
  private <Q, R> void retryLater(FormCommand<Q, R> command, Q request, int attempt, CompletableFuture<R> future,
      Duration retryAfter) {
    CompletableFuture.delayedExecutor(delay(attempt, retryAfter).toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
      if (!future.isDone()) {
        enqueue(command, request, attempt + 1, future);
      }
    });
  }

  /** A batch of commands sent as one {@code batchCommand} call (the API Service's {@code batch}). */
  public FormBatch batch(String batchCommand) {
    return new FormBatch(this, batchCommand);
  }

  private boolean mayRetry(FormCommand<?, ?> command, int attempt) {
    return command.idempotent() && attempt < retries;
  }

  /** HTTP 429 or 502–504: a busy server or a gateway, worth another attempt of an idempotent command. */
  private static boolean isBusy(HttpStatusException e) {
    return e.httpStatus() == 429 || e.httpStatus() >= 502 && e.httpStatus() <= 504;
  }

  /**
   * How long to wait before attempt {@code attempt + 1}: what the server asked ({@code Retry-After}, at most
   * {@link #MAX_RETRY_AFTER}), else exponential backoff with full jitter: a random time up to
   * {@code backoff × 2^attempt}, at most {@code maxBackoff}, so that clients that failed together do not retry
   * together.
   */
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
  private static void sleep(FormCommand<?, ?> command, Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("command " + command.name() + ": interrupted while waiting to retry", e);
    }
  }

  static TransportException lost(FormCommand<?, ?> command, IOException e) {
    return new TransportException("command " + command.name() + ": " + describe(e), e);
  }

  /** Built anew for each attempt: a signed request needs a new nonce every time it is sent. */
  private <Q> Request httpRequest(FormCommand<Q, ?> command, Q request) {
    return httpRequest(command.name(), sink -> command.writeRequest().accept(sink, request));
  }

  /** The HTTP request of a command: credentials, {@code ai_command}, then the request's own pairs. */
  /** The tag of every request this client sends, for OkHttp interceptors: {@code request.tag(CommandTag.class)}. */
  public record CommandTag(String command) {}

  Request httpRequest(String command, java.util.function.Consumer<FormSink> fields) {
    FormWriter body = new FormWriter();
    Request.Builder request = new Request.Builder().url(url).tag(CommandTag.class, new CommandTag(command));
    if (auth instanceof FormAuth.Signed signed) {
      fields.accept(body);
      byte[] bytes = body.toBytes();
      String nonce = nonces.get();
      String signature = signed.signer().sign(new RequestSigner.Input(signed.user(), command, nonce, bytes));
      return request
          .header("Authorization", "AI " + signed.user() + ":" + signature)
          .header("X-AI-Command", command)
          .header("X-AI-Nonce", nonce)
          .post(RequestBody.create(bytes, Form.TYPE))
          .build();
    }
    if (auth instanceof FormAuth.Login login) {
      body.add("ai_login_id", login.loginId());
      body.add("ai_login_password", login.password());
    } else if (auth instanceof FormAuth.SitecomToken token) {
      body.add("ai_sitecom_token", token.token());
    }
    List<String[]> pairs = new ArrayList<>();
    fields.accept((name, value) -> pairs.add(new String[] {name, value}));
    // a request that carries its own ai_token (user_login_token_update) is not sent a second one
    if (auth instanceof FormAuth.UserToken token
        && pairs.stream().noneMatch(pair -> pair[0].equals("ai_token") && pair[1] != null)) {
      body.add("ai_token", token.token());
    }
    body.add("ai_command", command);
    for (String[] pair : pairs) {
      body.add(pair[0], pair[1]);
    }
    return request.post(RequestBody.create(body.toBytes(), Form.TYPE)).build();
  }

  /** Reads an HTTP answer: its status, then its pairs, then the command's envelope and response. */
  <R> FormReply<R> read(FormCommand<?, R> command, Response response) throws IOException {
    String body = text(command.name(), response);
    return decode(command, checkHttp(command.name(), response, body), body);
  }

  /**
   * An answer's body decoded strictly in its declared charset (UTF-8 when none): bytes that are not text in it
   * are a {@link MalformedResponseException}, never replaced by U+FFFD.
   */
  String text(String command, Response response) throws IOException {
    okio.BufferedSource source = response.body().source();
    if (source.request(maxAnswerBytes + 1L)) { // more than the cap arrived: read no further
      byte[] start = source.getBuffer().readByteArray(Math.min(1_000, maxAnswerBytes));
      throw new MalformedResponseException("command " + command + ": the answer is larger than " + maxAnswerBytes
          + " bytes; its first " + start.length + " bytes are kept", new String(start, StandardCharsets.ISO_8859_1),
          null);
    }
    byte[] bytes = source.readByteArray();
    MediaType type = response.body().contentType();
    Charset charset = type == null ? null : type.charset(null);
    charset = charset == null ? StandardCharsets.UTF_8 : charset;
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedResponseException("command " + command + ": the answer is not valid " + charset.name()
          + " (" + bytes.length + " bytes)", new String(bytes, StandardCharsets.ISO_8859_1), e);
    }
  }

  /**
   * Reads a command's answer body (URL-encoded pairs, or a JSON object) as this client does: for callers that
   * bring their own HTTP stack, and for benchmarks.
   */
  public static <R> FormReply<R> readAnswer(FormCommand<?, R> command, String body) {
    return decode(command, pairsOf(command.name(), body, "no content type"), body);
  }

  /** Checks the HTTP status of an answer and returns its pairs. */
  static FormReader checkHttp(String command, Response response, String body) {
    int code = response.code();
    if (code >= 300 && code < 400) {
      String location = response.header("Location");
      throw new HttpStatusException("command " + command + ": the server redirected (HTTP " + code + ")"
          + (location == null ? "" : " to " + HttpUrlSafe.withoutQuery(location)), code, body);
    }
    if (code < 200 || code >= 300) {
      throw new HttpStatusException("command " + command + ": HTTP " + code + " " + response.message()
          + " (" + body.length() + " characters of " + contentType(response) + ")", code, body,
          retryAfter(response.header("Retry-After")));
    }
    return pairsOf(command, body, contentType(response));
  }

  /** The pairs of an answer: URL-encoded, or a JSON object. */
  static FormReader pairsOf(String command, String body, String contentType) {
    String start = body.stripLeading();
    if (start.isEmpty()) {
      throw new MalformedResponseException("command " + command + ": the answer is empty", body, null);
    }
    if (start.startsWith("<")) {
      throw new MalformedResponseException("command " + command + ": the answer is an HTML or XML page ("
          + contentType + "), not name-value pairs", body, null);
    }
    try {
      return start.startsWith("{") ? FormReader.ofJsonObject(body) : FormReader.parse(body.strip());
    } catch (WireFormatException e) {
      throw new MalformedResponseException("command " + command + ": the answer is not URL-encoded name-value"
          + " pairs: " + e.getMessage(), body, e);
    }
  }

  /** Reads the envelope and the response record of a command from its answer's pairs. */
  static <R> FormReply<R> decode(FormCommand<?, R> command, FormReader pairs, String body) {
    String status = pairs.take("status");
    List<String> messages = pairs.takeTuple("status_message");
    if (status == null) {
      throw new MalformedResponseException("command " + command.name() + ": the answer has no status"
          + " (" + pairs.size() + " pairs)", body, null);
    }
    if (pairs.take("status") != null) { // status=0&status=1: neither can be trusted
      throw new MalformedResponseException("command " + command.name() + ": the answer has more than one status",
          body, null);
    }
    if (!command.isSuccess(status)) {
      throw new CommandFailedException(command.name(), status, messages, body);
    }
    try {
      return new FormReply<>(command.readResponse().apply(pairs), status, messages);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MalformedResponseException("command " + command.name() + ": the answer does not fit the spec: "
          + e.getMessage(), body, e);
    }
  }

  private static String contentType(Response response) {
    String type = response.header("Content-Type");
    return type == null ? "no content type" : type;
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  OkHttpClient http() {
    return http;
  }

  /**
   * Stops the threads and connections of the HTTP client this client made for itself; a client given with
   * {@link Builder#httpClient} is its owner's to close. Calls already made complete; new ones fail.
   */
  @Override
  public void close() {
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "FormServiceClient[" + HttpUrlSafe.shown(url.toString()) + ", " + auth + "]";
  }

  /** Settings of a {@link FormServiceClient}. */
  public static final class Builder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpUrl url;
    private FormAuth auth = FormAuth.none();
    private boolean plainHttpAllowed;
    private OkHttpClient http;
    private Duration connectTimeout;
    private Duration callTimeout;
    private int maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
    private int retries;
    private Duration backoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Supplier<String> nonces = () -> {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      return HexFormat.of().formatHex(bytes);
    };

    private Builder(String serviceUrl) {
      this.url = HttpUrl.parse(Objects.requireNonNull(serviceUrl, "serviceUrl"));
      if (url == null) {
        throw new IllegalArgumentException("not an http or https URL: " + serviceUrl);
      }
    }

    public Builder auth(FormAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /** Allows a plain {@code http://} URL, for tests and loopback emulators; credentials then travel in clear. */
    public Builder allowPlainHttp() {
      this.plainHttpAllowed = true;
      return this;
    }

    /** A client to share (its pool, interceptors, certificates); redirects and retries are still ours. */
    public Builder httpClient(OkHttpClient http) {
      this.http = http;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** The longest a whole call may take, and the longest to wait for data; 30 seconds by default. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout;
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

    /**
     * How often an idempotent command is retried after a connection failure or HTTP 429 or 502–504 (default 0),
     * blocking or async alike, after the {@link #backoff} wait.
     */
    public Builder retries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("retries must be at least 0");
      }
      this.retries = retries;
      return this;
    }

    /** Where nonces for signed requests come from (default: 16 random bytes in hex). */
    public Builder nonces(Supplier<String> nonces) {
      this.nonces = Objects.requireNonNull(nonces, "nonces");
      return this;
    }

    public FormServiceClient build() {
      if (!url.isHttps() && !plainHttpAllowed) {
        throw new IllegalStateException("the service URL " + url.scheme() + "://" + url.host()
            + " is not HTTPS; credentials would travel in clear (call allowPlainHttp() for tests or loopback)");
      }
      return new FormServiceClient(this);
    }
  }
}
