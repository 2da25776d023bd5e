package dev.specbridge.processor.protocol.jsonwebsocket;

import dev.specbridge.processor.model.ProtocolSettings;
import dev.specbridge.processor.protocol.EnvelopeNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a {@code json-websocket} API: the members of a message, and the session's rules, which messages
 * authenticate, ask for authentication, answer it, and carry a server's error.
 *
 * @param envelope each part with its wire name, in the order of the runtime's {@code SocketEnvelope}
 */
public record WebSocketSettings(Map<String, String> envelope) implements ProtocolSettings {
  /** The parts, each with its wire name when the spec does not say (CityTrips', seed 003). */
  static final Map<String, String> DEFAULTS = EnvelopeNames.defaults(
      "command", "command",
      "payload", "payload",
      "authenticate", "s_ext/authenticate",
      "mustAuthenticate", "s_ext/must_authenticate",
      "authSuccess", "s_ext/auth_succesful",
      "authError", "s_ext/auth_error",
      "serverError", "s_ext/error");

  /**
   * The session's messages: each names a message of the spec, sent by the client or received from the server; a
   * default that names none means the API has no such message.
   */
  static final Map<String, MessageOptions.Direction> SESSION = session();

  private static Map<String, MessageOptions.Direction> session() {
    Map<String, MessageOptions.Direction> session = new LinkedHashMap<>(); // in the envelope's order, for errors
    session.put("authenticate", MessageOptions.Direction.SEND);
    for (String part : List.of("mustAuthenticate", "authSuccess", "authError", "serverError")) {
      session.put(part, MessageOptions.Direction.RECEIVE);
    }
    return Collections.unmodifiableMap(session);
  }

  /** Parts that must differ: the members of a message, and the session's messages. */
  static final List<EnvelopeNames.Distinct> DISTINCT = List.of(
      new EnvelopeNames.Distinct(List.of("command", "payload"), "members of one message"),
      new EnvelopeNames.Distinct(List.of("authenticate", "mustAuthenticate", "authSuccess", "authError",
          "serverError"), "the session's messages"));

  public WebSocketSettings {
    envelope = Collections.unmodifiableMap(new LinkedHashMap<>(envelope));
  }
}
