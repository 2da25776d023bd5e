package dev.specbridge.runtime.webhook;

import dev.specbridge.runtime.http.HttpEndpoint;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.json.MemberNames;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.wire.Utf8;
import dev.specbridge.runtime.wire.WireFormatException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The client side of a JSON webhook, as an {@link HttpEndpoint}: request body in, status and JSON body out.
 * Mount it in the {@link dev.specbridge.runtime.http.EmbeddedHttpServer}, a servlet or any framework.
 *
 * <p>It answers an {@code authenticate} challenge as its {@link NotificationAuth} says, and a {@code delivery}
 * with {@code {"status":"OK"}} only once every message was handled. A delivery is checked whole before any
 * message is handled: an envelope that is not as the spec says is a 400, and a message whose data does not fit
 * its type is a 422, both with a message that says what is wrong. Messages are then handled in order; the first
 * handler that throws stops the delivery, which is answered 500 so that the server sends it again, and later
 * messages wait for that redelivery so that they are never handled ahead of an earlier one. Nothing is
 * acknowledged that was not handled. With a {@link Deduplicator}, a redelivery skips the messages an earlier
 * attempt at it handled, and attempts at one delivery run one at a time.
 *
 * <p>Thread-safe: deliveries may arrive concurrently, and the handlers must allow that. Without a deduplicator,
 * two copies of one delivery that arrive at the same time (a server that timed out and retried) are both
 * handled.
 */
public final class NotificationEndpoint implements HttpEndpoint {
  private static final String JSON_TYPE = "application/json; charset=utf-8";
  private static final System.Logger LOG = System.getLogger(NotificationEndpoint.class.getName());

  private final WebhookEnvelope envelope;
  private final NotificationDispatcher dispatcher;
  private final NotificationAuth auth;
  private final Deduplicator deduplicator;
  private final int maxBodyBytes;

  private NotificationEndpoint(Builder builder) {
    this.envelope = builder.envelope;
    this.dispatcher = builder.dispatcher;
    this.auth = Objects.requireNonNull(builder.auth, "auth: say how to answer authenticate challenges");
    this.deduplicator = builder.deduplicator;
    this.maxBodyBytes = builder.maxBodyBytes;
  }

  public static Builder builder(WebhookEnvelope envelope, NotificationDispatcher dispatcher) {
    return new Builder(envelope, dispatcher);
  }

  /** The largest body this endpoint reads; a server that mounts it should read at most one byte more. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  @Override
  public Answer handle(Request request) {
    if (!request.method().equals("POST")) {
      return answer(405, "ERROR", "notifications are POSTed");
    }
    if (request.body().length > maxBodyBytes) {
      return answer(413, "ERROR", "the request body is over " + maxBodyBytes + " bytes");
    }
    String type = request.header("Content-Type");
    if (type != null && !isJsonInUtf8(type)) {
      return answer(415, "ERROR", "notifications are JSON in UTF-8, not " + type);
    }
    Incoming incoming;
    try {
      incoming = Json.read(Utf8.decode(request.body(), "the body is not UTF-8"), this::readEnvelope);
    } catch (WireFormatException e) {
      return answer(400, "ERROR", "not a notification request: " + e.getMessage());
    }
    if (incoming.kind() == null) {
      return answer(400, "ERROR", "the request has no '" + envelope.request() + "'");
    }
    if (incoming.kind().equals(envelope.authenticate())) {
      return authenticate(incoming.key());
    }
    if (incoming.kind().equals(envelope.delivery())) {
      return deliver(incoming.messages());
    }
    return answer(400, "ERROR", "unknown request '" + incoming.kind() + "'; expected '" + envelope.authenticate()
        + "' or '" + envelope.delivery() + "'");
  }

  /**
   * Whether a declared content type is JSON ({@code application/json}, or a {@code +json} type) in UTF-8 (no
   * charset, or UTF-8): what this endpoint reads. A request that declares none is read as JSON all the same.
   */
  static boolean isJsonInUtf8(String contentType) {
    String[] parts = contentType.split(";");
    String media = parts[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter[0].strip().equalsIgnoreCase("charset") && (parameter.length < 2
          || !parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8"))) {
        return false;
      }
    }
    return true;
  }

  private Answer authenticate(String key) {
    if (auth instanceof NotificationAuth.Login login) {
      if (key == null && !login.allowPlainPassword()) {
        LOG.log(Level.WARNING, "refused an authenticate challenge without a key: this endpoint sends its password"
            + " only hashed; turn key authentication on at the server, or allow plain passwords explicitly");
        return answer(403, "ERROR", "a challenge without a key is not answered with the plain password");
      }
      String password = key == null ? login.password()
          : NotificationAuth.hashedPassword(login.loginId(), login.password(), key);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put(envelope.loginId(), login.loginId());
      answer.put(envelope.password(), password);
      return Answer.text(200, JSON_TYPE, Json.write(answer));
    }
    return ok();
  }

  private Answer deliver(List<Received> messages) {
    List<NotificationDispatcher.Decoded> decoded = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      WebhookMessage message = messages.get(i).message();
      try {
        decoded.add(dispatcher.decode(message));
      } catch (RuntimeException e) { // a value that does not fit, a required field missing, a constraint broken
        LOG.log(Level.WARNING, "refused a delivery: message " + i + " (" + message.type() + ") does not fit its"
            + " type: " + e.getMessage());
        return answer(422, "ERROR", "message " + i + " (" + message.type() + ") does not fit its type: "
            + e.getMessage() + "; nothing of this delivery was handled");
      }
    }
    if (messages.isEmpty()) {
      return ok();
    }
    Supplier<String> identity = new Identity(messages);
    Deduplicator.Attempt attempt;
    try {
      attempt = deduplicator == Deduplicator.none() ? Deduplicator.None.INSTANCE
          : deduplicator.begin(identity.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return answer(503, "ERROR", "interrupted while an earlier attempt at this delivery was under way; nothing of"
          + " this delivery was handled; send the delivery again");
    }
    boolean acknowledged = false;
    try {
      for (int i = 0; i < messages.size(); i++) {
        WebhookMessage message = messages.get(i).message();
        NotificationContext context = new NotificationContext(identity, i, message.type(), messages.get(i).whole());
        if (attempt.handledBefore(context)) {
          continue;
        }
        try {
          decoded.get(i).handle(context);
        } catch (Exception | Error e) {
          if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
            throw fatal; // out of memory: no answer, which the server also takes as not OK
          }
          // one line for the operator; the trace, which may show the handler's data, only at DEBUG
          LOG.log(Level.WARNING, "message " + i + " (" + message.type() + ") of a delivery of " + messages.size()
              + " failed (" + e + "); the delivery is answered not OK so that the server sends it again");
          LOG.log(Level.DEBUG, "the failure of message " + i + " (" + message.type() + ")", e);
          return answer(500, "ERROR", "message " + i + " (" + message.type() + ") was not handled; "
              + (i == 0 ? "nothing of this delivery was" : "messages 0 to " + (i - 1) + " were")
              + " handled; send the delivery again");
        }
        attempt.handled(context);
      }
      acknowledged = true;
    } finally {
      attempt.end(acknowledged);
    }
    return ok();
  }

  /**
   * A delivery's identity, made when first asked (by a deduplicator or a handler): the SHA-256 of its message list
   * as JSON.
   */
  private static final class Identity implements Supplier<String> {
    private final List<Received> messages;
    private String digest;

    Identity(List<Received> messages) {
      this.messages = messages;
    }

    @Override
    public synchronized String get() {
      if (digest == null) {
        StringBuilder list = new StringBuilder("[");
        for (Received message : messages) {
          list.append(list.length() == 1 ? "" : ",").append(message.whole().json());
        }
        digest = Digest.hex("SHA-256", list.append(']').toString());
      }
      return digest;
    }
  }

  private Answer ok() {
    return Answer.text(200, JSON_TYPE, Json.write(Map.of(envelope.status(), envelope.ok())));
  }

  private Answer answer(int status, String statusText, String message) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put(envelope.status(), statusText);
    answer.put("message", message);
    return Answer.text(status, JSON_TYPE, Json.write(answer));
  }

  private record Incoming(String kind, String key, List<Received> messages) {}

  /** A message, and the whole message object with any member the envelope does not name. */
  private record Received(WebhookMessage message, RawJson whole) {}

  /**
   * The envelope, checked whole: every message must be an object with a type. A member written twice (two
   * {@code messages}, of which reading either would acknowledge the other's unhandled) is an error, as it is
   * everywhere in {@link Json}.
   */
  private Incoming readEnvelope(JsonParser parser) {
    String kind = null;
    String key = null;
    List<Received> messages = List.of();
    if (Json.startObject(parser, "the request")) {
      MemberNames names = new MemberNames();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        names.add(parser);
        String name = parser.currentName();
        parser.nextToken();
        if (name.equals(envelope.request())) {
          kind = Json.text(parser, name);
        } else if (name.equals(envelope.key())) {
          key = Json.text(parser, name);
        } else if (name.equals(envelope.messages())) {
          List<Received> listed = Json.readList(parser, name, this::readMessage);
          messages = listed == null ? List.of() : listed;
        } else {
          Json.skip(parser);
        }
      }
    }
    return new Incoming(kind, key, messages);
  }

  private Received readMessage(JsonParser parser) {
    String whole = Json.raw(parser);
    WebhookMessage message = Json.read(whole, this::readMessageMembers);
    return new Received(message, new RawJson(whole));
  }

  private WebhookMessage readMessageMembers(JsonParser parser) {
    String type = null;
    String data = "null";
    if (Json.startObject(parser, "a message")) {
      MemberNames names = new MemberNames();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        names.add(parser);
        String name = parser.currentName();
        parser.nextToken();
        if (name.equals(envelope.type())) {
          type = Json.text(parser, name);
        } else if (name.equals(envelope.data())) {
          data = Json.raw(parser);
        } else {
          Json.skip(parser);
        }
      }
    }
    if (type == null) {
      throw new WireFormatException("a message has no '" + envelope.type() + "'");
    }
    return new WebhookMessage(type, new RawJson(data));
  }

  public static final class Builder {
    private final WebhookEnvelope envelope;
    private final NotificationDispatcher dispatcher;
    private NotificationAuth auth;
    private Deduplicator deduplicator = Deduplicator.none();
    private int maxBodyBytes = 1 << 20;

    private Builder(WebhookEnvelope envelope, NotificationDispatcher dispatcher) {
      this.envelope = Objects.requireNonNull(envelope, "envelope");
      this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /** How to answer {@code authenticate} challenges; required. */
    public Builder auth(NotificationAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /**
     * Skips, in a redelivery, the messages an earlier attempt at it handled, and runs the attempts at one delivery
     * one at a time; by default every message is handled every time it comes.
     */
    public Builder deduplicator(Deduplicator deduplicator) {
      this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
      return this;
    }

    /** The largest request body answered; larger ones get a 413. 1 MiB by default. */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive, found " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    public NotificationEndpoint build() {
      return new NotificationEndpoint(this);
    }
  }
}
