package dev.specbridge.processor.protocol.jsonwebhook;

import dev.specbridge.processor.model.ProtocolSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a {@code json-webhook} API: the wire names of the envelope around its notifications.
 *
 * @param envelope each part of the envelope with its wire name, in the order of the runtime's
 *     {@code WebhookEnvelope} constructor
 */
public record WebhookSettings(Map<String, String> envelope) implements ProtocolSettings {
  /**
   * The parts of the envelope, in the order of the runtime's {@code WebhookEnvelope}, each with its wire name when
   * the spec does not say (the dealer website's, seed 001).
   */
  static final Map<String, String> DEFAULTS = defaults(
      "request", "request",
      "authenticate", "authenticate",
      "key", "key",
      "delivery", "delivery",
      "messages", "messages",
      "type", "type",
      "data", "data",
      "status", "status",
      "ok", "OK",
      "loginId", "ai_login_id",
      "password", "ai_login_password");

  /**
   * The parts whose wire names must differ: members of one JSON object, or the values of one member (a delivery
   * read as a challenge would be acknowledged unhandled).
   */
  static final List<List<String>> SIBLINGS = List.of(List.of("request", "key", "messages"), List.of("type", "data"),
      List.of("status", "loginId", "password"), List.of("authenticate", "delivery"));

  /** The member of the endpoint's error answer that says what is wrong, beside the status. */
  static final String ERROR_MESSAGE = "message";

  public WebhookSettings {
    envelope = Collections.unmodifiableMap(new LinkedHashMap<>(envelope));
  }

  private static Map<String, String> defaults(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
