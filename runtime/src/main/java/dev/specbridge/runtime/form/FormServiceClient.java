package dev.specbridge.runtime.form;

import dev.specbridge.runtime.error.ApiException;
import dev.specbridge.runtime.error.CommandFailedException;
import dev.specbridge.runtime.error.MalformedResponseException;
import dev.specbridge.runtime.http.HttpAnswer;
import dev.specbridge.runtime.http.HttpCall;
import dev.specbridge.runtime.http.HttpTransport;
import dev.specbridge.runtime.http.HttpUrls;
import dev.specbridge.runtime.value.Redaction;
import dev.specbridge.runtime.wire.WireFormatException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Calls the commands of a name-value API over HTTP: POSTs the command's pairs (with the credentials of the
 * configured {@link FormAuth}) to the service URL, reads the URL-encoded (or JSON) answer, checks its
 * {@code status} and decodes the response record. A failed command is a {@link CommandFailedException}; an
 * answer that cannot be read is a {@link MalformedResponseException} with the raw body; HTTP errors and
 * redirects are {@link dev.specbridge.runtime.error.HttpStatusException}s; a lost connection is a
 * {@link dev.specbridge.runtime.error.TransportException}.
 *
 * <p>Calls go through an {@link HttpTransport} (its own with every default, or one given to share): its deadline,
 * size cap, retries (only of commands the spec marks idempotent) and call listener apply.
 */
public final class FormServiceClient implements AutoCloseable {
  /** Loaded with the first request sent, not with this class: {@link #readAnswer} needs no HTTP stack. */
  private static final class Form {
    static final MediaType TYPE = MediaType.get("application/x-www-form-urlencoded; charset=utf-8");
  }

  private final HttpUrl url;
  private final FormAuth auth;
  private final HttpTransport transport;
  private final boolean ownsTransport;
  private final Supplier<String> nonces;
  private final FormEnvelope envelope;
  private volatile boolean closed;

  private FormServiceClient(Builder builder) {
    this.envelope = builder.envelope;
    this.url = builder.url;
    this.auth = builder.auth;
    this.nonces = builder.nonces;
    this.ownsTransport = builder.transport == null;
    this.transport = ownsTransport ? HttpTransport.defaults() : builder.transport;
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
      throw new IllegalArgumentException("a site URL has no query or fragment: " + HttpUrls.shown(siteUrl));
    }
    String site = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    return new Builder(site + (path.startsWith("/") ? path : "/" + path));
  }

  /** Runs a command and returns its decoded response. */
  public <Q, R> R call(FormCommand<Q, R> command, Q request) {
    return send(commandCall(command, request, FormReply::response));
  }

  /** Runs a command and returns its response with the status and status messages. */
  public <Q, R> FormReply<R> exchange(FormCommand<Q, R> command, Q request) {
    return send(commandCall(command, request, Function.identity()));
  }

  /** Runs a command without blocking; the future fails with the same exceptions {@link #call} throws. */
  public <Q, R> CompletableFuture<R> callAsync(FormCommand<Q, R> command, Q request) {
    if (closed) {
      return CompletableFuture.failedFuture(closed(command.name()));
    }
    return transport.sendAsync(commandCall(command, request, FormReply::response));
  }

  /** A batch of commands sent as one {@code batchCommand} call (the API Service's {@code batch}). */
  public FormBatch batch(String batchCommand) {
    return new FormBatch(this, batchCommand);
  }

  private <Q, R, T> HttpCall<T> commandCall(FormCommand<Q, R> command, Q request,
      Function<FormReply<R>, T> result) {
    return call(command, sink -> command.writeRequest().accept(sink, request), answer -> result.apply(read(command,
        answer)));
  }

  /** Reads a command's answer: its text, strictly decoded, then its pairs, envelope and response. */
  <R> FormReply<R> read(FormCommand<?, R> command, HttpAnswer answer) {
    String text = answer.text();
    return decode(command, envelope, pairsOf(command.name(), text, answer.contentType()), text);
  }

  /** A call of {@code command} whose own pairs {@code fields} writes, read by {@code reader}. */
  <T> HttpCall<T> call(FormCommand<?, ?> command, Consumer<FormSink> fields, Function<HttpAnswer, T> reader) {
    return new HttpCall<>() {
      @Override
      public String name() {
        return command.name();
      }

      @Override
      public String what() {
        return "command " + command.name();
      }

      @Override
      public boolean idempotent() {
        return command.idempotent();
      }

      @Override
      public Request request() {
        return httpRequest(command.name(), fields);
      }

      @Override
      public T read(HttpAnswer answer) {
        return reader.apply(answer);
      }

      @Override
      public String shown(String text) {
        return Redaction.hidden(text, hiddenNames(command));
      }
    };
  }

  /** What no text shown holds the value of: the envelope's secrets and the command's secret fields. */
  private List<String> hiddenNames(FormCommand<?, ?> command) {
    List<String> names = new ArrayList<>(envelope.secrets());
    names.addAll(command.secretFields());
    return names;
  }

  <T> T send(HttpCall<T> call) {
    if (closed) {
      throw closed(call.name());
    }
    return transport.send(call);
  }

  /** A closed client sends nothing more, even through a transport it shares with others that stays open. */
  private static IllegalStateException closed(String command) {
    return new IllegalStateException("command " + command + ": the client is closed");
  }

  /** The HTTP request of a command: credentials, the command's name ({@code ai_command}), then its own pairs. */
  Request httpRequest(String command, Consumer<FormSink> fields) {
    FormWriter body = new FormWriter();
    Request.Builder request = new Request.Builder().url(url);
    if (auth instanceof FormAuth.Signed signed) {
      fields.accept(body);
      byte[] bytes = body.toBytes();
      String nonce = nonces.get();
      String signature = signed.signer().sign(new RequestSigner.Input(signed.user(), command, nonce, bytes));
      return request
          .header("Authorization", envelope.authorization() + " " + signed.user() + ":" + signature)
          .header(envelope.commandHeader(), command)
          .header(envelope.nonceHeader(), nonce)
          .post(RequestBody.create(bytes, Form.TYPE))
          .build();
    }
    if (auth instanceof FormAuth.Login login) {
      body.add(envelope.loginId(), login.loginId());
      body.add(envelope.password(), login.password());
    } else if (auth instanceof FormAuth.SitecomToken token) {
      body.add(envelope.sitecomToken(), token.token());
    }
    List<String[]> pairs = new ArrayList<>();
    fields.accept((name, value) -> pairs.add(new String[] {name, value}));
    // a request that carries its own ai_token (user_login_token_update) is not sent a second one
    if (auth instanceof FormAuth.UserToken token
        && pairs.stream().noneMatch(pair -> pair[0].equals(envelope.userToken()) && pair[1] != null)) {
      body.add(envelope.userToken(), token.token());
    }
    body.add(envelope.command(), command);
    for (String[] pair : pairs) {
      body.add(pair[0], pair[1]);
    }
    return request.post(RequestBody.create(body.toBytes(), Form.TYPE)).build();
  }

  /**
   * Reads a command's answer body (URL-encoded pairs, or a JSON object) as this client does: for callers that
   * bring their own HTTP stack, and for benchmarks.
   */
  public static <R> FormReply<R> readAnswer(FormCommand<?, R> command, FormEnvelope envelope, String body) {
    return decode(command, envelope, pairsOf(command.name(), body, "no content type"), body);
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
  static <R> FormReply<R> decode(FormCommand<?, R> command, FormEnvelope envelope, FormReader pairs, String body) {
    // an echoed secret of the envelope never becomes an unknown field of the response, where toString() shows it
    // (a renamed one, 'session', is no credential by its name); a field of that name still reads it
    for (String secret : envelope.secrets()) {
      pairs.credential(secret);
    }
    String status = pairs.take(envelope.status());
    List<String> messages = pairs.takeTuple(envelope.statusMessage());
    if (status == null) {
      throw new MalformedResponseException("command " + command.name() + ": the answer has no status"
          + " (" + pairs.size() + " pairs)", body, null);
    }
    if (pairs.take(envelope.status()) != null) { // status=0&status=1: neither can be trusted
      throw new MalformedResponseException("command " + command.name() + ": the answer has more than one status",
          body, null);
    }
    List<String> hidden = new ArrayList<>(envelope.secrets());
    hidden.addAll(command.secretFields());
    if (!envelope.isSuccess(command, status)) {
      throw new CommandFailedException(command.name(), status, messages, body, hidden);
    }
    try {
      return new FormReply<>(command.readResponse().apply(pairs), status, messages);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) { // its message quotes the value that did not fit: cut, and echoes hidden
      throw new MalformedResponseException(Redaction.shown("command " + command.name() + ": the answer does not"
          + " fit the spec: " + e.getMessage(), hidden), body, e);
    }
  }

  /** The envelope's wire names. */
  public FormEnvelope envelope() {
    return envelope;
  }

  /** The transport calls go through. */
  public HttpTransport transport() {
    return transport;
  }

  /**
   * Closes the transport this client made for itself (its threads and connections); one given with
   * {@link Builder#transport} is its owner's to close. Calls already made complete; new ones fail with an
   * {@link IllegalStateException}.
   */
  @Override
  public void close() {
    closed = true;
    if (ownsTransport) {
      transport.close();
    }
  }

  @Override
  public String toString() {
    return "FormServiceClient[" + HttpUrls.shown(url.toString()) + ", " + auth + "]";
  }

  /** Settings of a {@link FormServiceClient}. */
  public static final class Builder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpUrl url;
    private FormAuth auth = FormAuth.none();
    private boolean plainHttpAllowed;
    private HttpTransport transport;
    private FormEnvelope envelope = FormEnvelope.DEALER;
    private Supplier<String> nonces = () -> {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      return HexFormat.of().formatHex(bytes);
    };

    private Builder(String serviceUrl) {
      this.url = HttpUrl.parse(Objects.requireNonNull(serviceUrl, "serviceUrl"));
      if (url == null) {
        throw new IllegalArgumentException("not an http or https URL: " + HttpUrls.shown(serviceUrl));
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

    /**
     * The transport to call through: its OkHttp client, deadline, size cap, retries and listener, shared with
     * other clients. By default the client makes its own with every default, and closes it with itself.
     */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** The envelope's wire names, as the spec declares them; the dealer website's by default. */
    public Builder envelope(FormEnvelope envelope) {
      this.envelope = Objects.requireNonNull(envelope, "envelope");
      return this;
    }

    /** Where nonces for signed requests come from (default: 16 random bytes in hex). */
    public Builder nonces(Supplier<String> nonces) {
      this.nonces = Objects.requireNonNull(nonces, "nonces");
      return this;
    }

    public FormServiceClient build() {
      HttpUrls.requireHttps(url, plainHttpAllowed, "credentials");
      return new FormServiceClient(this);
    }
  }
}
