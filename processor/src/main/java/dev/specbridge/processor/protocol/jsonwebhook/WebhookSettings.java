package dev.specbridge.processor.protocol.jsonwebhook;

import dev.specbridge.processor.model.ProtocolSettings;
import dev.specbridge.processor.protocol.EnvelopeNames;
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
  static final Map<String, String> DEFAULTS = EnvelopeNames.defaults(
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

  private static final String MEMBERS = "members of one object";

  /**
   * The parts whose wire names must differ: members of one JSON object, or the values of one member (a delivery
   * read as a challenge would be acknowledged unhandled).
   */
  static final List<EnvelopeNames.Distinct> DISTINCT = List.of(
      new EnvelopeNames.Distinct(List.of("request", "key", "messages"), MEMBERS),
      new EnvelopeNames.Distinct(List.of("type", "data"), MEMBERS),
      new EnvelopeNames.Distinct(List.of("status", "loginId", "password"), MEMBERS),
      new EnvelopeNames.Distinct(List.of("authenticate", "delivery"), "values of one member"));

  /** The member of the endpoint's error answer that says what is wrong, beside the status. */
  static final String ERROR_MESSAGE = "message";

  public WebhookSettings {
    envelope = Collections.unmodifiableMap(new LinkedHashMap<>(envelope));
  }
}
