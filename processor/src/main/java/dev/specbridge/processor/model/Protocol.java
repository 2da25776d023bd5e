package dev.specbridge.processor.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The protocol of an API and its settings as written (e.g. the service path), for the transports. A webhook's
 * {@code envelope:} mapping is kept as settings named {@code envelope.<part>}.
 */
public record Protocol(ProtocolKind kind, Map<String, String> settings) {
  /**
   * The parts of a webhook envelope, in the order of the runtime's {@code WebhookEnvelope}, each with its wire
   * name when the spec does not say (the dealer website's, seed 001).
   */
  public static final Map<String, String> ENVELOPE_DEFAULTS = defaults(
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

  public Protocol {
    settings = Map.copyOf(settings);
  }

  /** The webhook envelope's wire names: the spec's, or the defaults. */
  public Map<String, String> envelope() {
    Map<String, String> envelope = new LinkedHashMap<>();
    ENVELOPE_DEFAULTS.forEach((part, wire) -> envelope.put(part, settings.getOrDefault("envelope." + part, wire)));
    return envelope;
  }

  private static Map<String, String> defaults(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
