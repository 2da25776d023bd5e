package dev.specbridge.runtime.webhook;

import dev.specbridge.runtime.error.TransportException;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.wire.WireFormatException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Plays the server's side of a JSON webhook: POSTs {@code authenticate} challenges and deliveries to a
 * client's endpoint over HTTP, as the real service does. For demos, tests and emulators.
 */
public final class NotificationSender {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final String url;
  private final WebhookEnvelope envelope;

  public NotificationSender(OkHttpClient http, String url, WebhookEnvelope envelope) {
    this.http = Objects.requireNonNull(http, "http");
    this.url = Objects.requireNonNull(url, "url");
    this.envelope = Objects.requireNonNull(envelope, "envelope");
  }

  /** A sender on a client of its own. */
  public NotificationSender(String url, WebhookEnvelope envelope) {
    this(new OkHttpClient(), url, envelope);
  }

  /** Sends an {@code authenticate} challenge; {@code key} is {@code null} when key authentication is off. */
  public Reply authenticate(String key) {
    return post(Json.write(generator -> {
      generator.writeStartObject();
      generator.writeStringProperty(envelope.request(), envelope.authenticate());
      if (key != null) {
        generator.writeStringProperty(envelope.key(), key);
      }
      generator.writeEndObject();
    }));
  }

  /** Sends a delivery of {@code messages}, in order. */
  public Reply deliver(List<WebhookMessage> messages) {
    return post(delivery(envelope, messages));
  }

  /**
   * The JSON a delivery of {@code messages} is POSTed as, e.g. to hand it to an endpoint directly, without HTTP.
   */
  public static String delivery(WebhookEnvelope envelope, List<WebhookMessage> messages) {
    return Json.write(generator -> {
      generator.writeStartObject();
      generator.writeStringProperty(envelope.request(), envelope.delivery());
      generator.writeName(envelope.messages());
      generator.writeStartArray();
      for (WebhookMessage message : messages) {
        generator.writeStartObject();
        generator.writeStringProperty(envelope.type(), message.type());
        generator.writeName(envelope.data());
        generator.writeRawValue(message.data().json());
        generator.writeEndObject();
      }
      generator.writeEndArray();
      generator.writeEndObject();
    });
  }

  /** POSTs {@code json} as is, e.g. to see how the endpoint answers a malformed request. */
  public Reply post(String json) {
    Request request = new Request.Builder().url(url).post(RequestBody.create(json, JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      return new Reply(response.code(), response.body().string(), envelope);
    } catch (IOException e) {
      throw new TransportException("notification to " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * The client's answer. The server takes a delivery as handled only when {@link #ok()}; anything else makes
   * it send the delivery again.
   */
  public static final class Reply {
    private final int httpStatus;
    private final String body;
    private final Map<String, String> members;
    private final WebhookEnvelope envelope;

    Reply(int httpStatus, String body, WebhookEnvelope envelope) {
      this.httpStatus = httpStatus;
      this.body = body;
      this.envelope = envelope;
      Map<String, String> read = new LinkedHashMap<>();
      try {
        Json.readObjectMembers(body, read::put);
      } catch (WireFormatException notJson) {
        read.clear(); // the server reads an answer that is not a JSON object as not OK
      }
      this.members = Map.copyOf(read);
    }

    public int httpStatus() {
      return httpStatus;
    }

    /** The answer's body as sent. */
    public String body() {
      return body;
    }

    /** A member of the JSON answer, or {@code null}. */
    public String member(String name) {
      return members.get(name);
    }

    /** Whether the answer says handled: a JSON object whose status is OK. */
    public boolean ok() {
      return envelope.ok().equals(members.get(envelope.status()));
    }

    /** The login id of an answer to a challenge, or {@code null}. */
    public String loginId() {
      return members.get(envelope.loginId());
    }

    /**
     * Whether this answers a challenge with {@code key} with the login of {@code loginId} and {@code password},
     * hashed as the service expects (or plain when {@code key} is {@code null}).
     */
    public boolean proves(String loginId, String password, String key) {
      String expected = key == null ? password : NotificationAuth.hashedPassword(loginId, password, key);
      return loginId.equals(loginId()) && expected.equals(members.get(envelope.password()));
    }

    /** The status and body; a login answer's password is hidden. */
    @Override
    public String toString() {
      return "Reply[" + httpStatus + (members.containsKey(envelope.password()) ? ", login of " + loginId()
          : ", " + body) + "]";
    }
  }
}
