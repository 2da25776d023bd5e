package dev.specbridge.runtime.webhook;

import dev.specbridge.runtime.http.HttpEndpoint;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.json.MemberNames;
import dev.specbridge.runtime.value.RawJson;
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
import tools.jackson.core.TokenStreamContext;

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
  private final String okBody;

  private NotificationEndpoint(Builder builder) {
    this.envelope = builder.envelope;
    this.dispatcher = builder.dispatcher;
    this.auth = Objects.requireNonNull(builder.auth, "auth: say how to answer authenticate challenges");
    this.deduplicator = builder.deduplicator;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.okBody = Json.write(Map.of(envelope.status(), envelope.ok()));
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
      incoming = read(request.body());
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
      return deliver(incoming);
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

  private Answer deliver(Incoming incoming) {
    List<Message> messages = incoming.messages();
    NotificationDispatcher.Decoded[] decoded = new NotificationDispatcher.Decoded[messages.size()];
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      try {
        decoded[i] = message.decoded() != null ? message.decoded()
            : dispatcher.decode(new WebhookMessage(message.type(), new RawJson(message.data())));
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
    Identity identity = new Identity(incoming.body(), incoming.listStart(), incoming.listEnd());
    Deduplicator.Attempt attempt;
    try {
      attempt = deduplicator.begin(identity);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return answer(503, "ERROR", "interrupted while an earlier attempt at this delivery was under way; nothing of"
          + " this delivery was handled; send the delivery again");
    }
    boolean acknowledged = false;
    try {
      for (int i = 0; i < messages.size(); i++) {
        Message message = messages.get(i);
        NotificationContext context = new NotificationContext(identity, i, message.type(), incoming.body(),
            message.start(), message.end());
        if (attempt.handledBefore(context)) {
          continue;
        }
        try {
          decoded[i].handle(context);
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
   * as sent, from its {@code [} to its {@code ]}.
   */
  private static final class Identity implements Supplier<String>, Deduplicator.Delivery {
    private final byte[] body;
    private final int start;
    private final int end;
    private String digest;

    Identity(byte[] body, int start, int end) {
      this.body = body;
      this.start = start;
      this.end = end;
    }

    @Override
    public int length() {
      return end - start;
    }

    @Override
    public String get() {
      return identity();
    }

    @Override
    public String identity() {
      String made = digest;
      if (made == null) {
        made = Digest.hex("SHA-256", body, start, end - start);
        digest = made; // a race makes two equal digests, and a String is safe to share
      }
      return made;
    }
  }

  private Answer ok() {
    return Answer.text(200, JSON_TYPE, okBody);
  }

  private Answer answer(int status, String statusText, String message) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put(envelope.status(), statusText);
    answer.put("message", message);
    return Answer.text(status, JSON_TYPE, Json.write(answer));
  }

  /**
   * A request as read: its kind, its key, and its messages, with where in the body their list stands (the
   * delivery's identity is made from it).
   */
  private record Incoming(String kind, String key, List<Message> messages, byte[] body, int listStart,
      int listEnd) {}

  /**
   * A message as read: its type, where its object stands in the body, and its data, decoded where it stood
   * ({@code decoded}) or kept as raw JSON text ({@code data}) to be decoded once the whole body was read.
   */
  private record Message(String type, int start, int end, NotificationDispatcher.Decoded decoded, String data) {}

  /**
   * A message's data did not fit its type where it stood: the body is read again with every message's data kept
   * as it is, so that the answer is the careful reading's (a 400 for anything wrong in the envelope anywhere,
   * else a 422 for the first message that does not fit), as if nothing had been decoded in place.
   */
  private static final class DecodedAgain extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DecodedAgain() {
      super(null, null, false, false);
    }
  }

  /**
   * Reads a request from its bytes in one pass: the envelope, checked whole, and each message's data, decoded
   * with its type's reader where it stands when its type came first (the seed's order), else kept as raw JSON.
   * Nothing is copied: a message's text is made from the body only when a handler or deduplicator asks for it.
   */
  private Incoming read(byte[] body) {
    try {
      return Json.read(body, null, "the body is not UTF-8", parser -> readEnvelope(parser, body, true));
    } catch (DecodedAgain e) {
      return Json.read(body, null, "the body is not UTF-8", parser -> readEnvelope(parser, body, false));
    }
  }

  /**
   * The envelope, checked whole: every message must be an object with a type. A member written twice (two
   * {@code messages}, of which reading either would acknowledge the other's unhandled) is an error, as it is
   * everywhere in {@link Json}.
   *
   * @param inPlace whether to decode each message's data where it stands, when its type came first
   */
  private Incoming readEnvelope(JsonParser parser, byte[] body, boolean inPlace) {
    String kind = null;
    String key = null;
    List<Message> messages = List.of();
    int listStart = 0;
    int listEnd = 0;
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
          if (parser.currentToken() == JsonToken.VALUE_NULL) {
            continue;
          }
          Json.expect(parser, JsonToken.START_ARRAY, "field '" + name + "'");
          listStart = offset(parser);
          messages = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            messages.add(readMessage(parser, inPlace,
                messages.isEmpty() ? null : messages.get(messages.size() - 1).type()));
          }
          listEnd = offset(parser) + 1;
        } else {
          Json.skip(parser);
        }
      }
    }
    return new Incoming(kind, key, messages, body, listStart, listEnd);
  }

  /**
   * A message: its type, where it stands, and its data. The envelope's two members of a message are checked for
   * repeats by flags, any other member (rare) by its name.
   *
   * @param previous the type of the message before, whose {@code String} serves again for the same type
   */
  private Message readMessage(JsonParser parser, boolean inPlace, String previous) {
    int start = offset(parser);
    String type = null;
    NotificationDispatcher.Decoded decoded = null;
    String data = "null"; // none: the data is null
    if (Json.startObject(parser, "a message")) {
      TokenStreamContext message = parser.streamReadContext();
      boolean typed = false;
      boolean given = false;
      MemberNames others = null;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        if (name.equals(envelope.type())) {
          typed = once(typed, name);
          parser.nextToken();
          type = type(parser, name, previous);
        } else if (name.equals(envelope.data())) {
          given = once(given, name);
          parser.nextToken();
          if (inPlace && type != null) {
            decoded = decodeInPlace(type, parser, message);
          } else {
            data = Json.raw(parser); // the type comes after: decoded once the whole body was read
          }
        } else {
          others = others == null ? new MemberNames() : others;
          others.add(name);
          parser.nextToken();
          Json.skipChecked(parser); // as sent, and checked as the rest: no member written twice
        }
      }
    }
    if (type == null) {
      throw new WireFormatException("a message has no '" + envelope.type() + "'");
    }
    return new Message(type, start, offset(parser) + 1, decoded, decoded == null ? data : null);
  }

  private static boolean once(boolean seen, String name) {
    if (seen) {
      throw MemberNames.twice(name);
    }
    return true;
  }

  /** The type the parser stands on: {@code previous} when it is the same text, as in a delivery of one type. */
  private static String type(JsonParser parser, String name, String previous) {
    if (previous != null && parser.currentToken() == JsonToken.VALUE_STRING
        && parser.getStringLength() == previous.length()) {
      char[] text = parser.getStringCharacters();
      int offset = parser.getStringOffset();
      int i = 0;
      while (i < previous.length() && text[offset + i] == previous.charAt(i)) {
        i++;
      }
      if (i == previous.length()) {
        return previous;
      }
    }
    return Json.text(parser, name);
  }

  /**
   * Decodes a message's data with its type's reader from the parser on its first token, which the reader must
   * leave on its last: the message's object around it. Any failure is {@link DecodedAgain}.
   */
  private NotificationDispatcher.Decoded decodeInPlace(String type, JsonParser parser, TokenStreamContext message) {
    NotificationDispatcher.Decoded decoded;
    try {
      decoded = dispatcher.decode(type, parser);
    } catch (RuntimeException e) { // Jackson's errors too: the second reading says what is wrong, and where
      throw new DecodedAgain();
    }
    if (parser.streamReadContext() != message || parser.currentToken() == JsonToken.PROPERTY_NAME) {
      throw new DecodedAgain(); // the reader read short of its value or past it
    }
    return decoded;
  }

  /** Where in the body the token the parser stands on starts. */
  private static int offset(JsonParser parser) {
    return (int) parser.currentTokenLocation().getByteOffset();
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
