package dev.specbridge.processor.protocol.formhttp;

import dev.specbridge.processor.model.ProtocolSettings;
import dev.specbridge.processor.protocol.EnvelopeNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a {@code form-http} API.
 *
 * @param path where the service answers below the site's URL ({@code /service}), or {@code null}; generated as
 *     {@code <Api>Client.PATH}
 * @param batchCommand the command that runs a batch of the others ({@code batch}), or {@code null}; it gives the
 *     client {@code newBatch()} and the dispatcher its batch answer
 * @param envelope each part of the envelope with its wire name, in the order of the runtime's {@code FormEnvelope}
 *     constructor
 */
public record FormHttpSettings(String path, String batchCommand, Map<String, String> envelope)
    implements ProtocolSettings {
  /**
   * The parts of the envelope, in the order of the runtime's {@code FormEnvelope}, each with its wire name when the
   * spec does not say (the dealer website's, seeds 000 and 001).
   */
  static final Map<String, String> DEFAULTS = EnvelopeNames.defaults(
      "command", "ai_command",
      "loginId", "ai_login_id",
      "password", "ai_login_password",
      "sitecomToken", "ai_sitecom_token",
      "userToken", "ai_token",
      "status", "status",
      "statusMessage", "status_message",
      "success", "0",
      "authorization", "AI",
      "commandHeader", "X-AI-Command",
      "nonceHeader", "X-AI-Nonce",
      "batchRequests", "json",
      "batchResponse", "response");

  /** The parts whose wire names must differ: pairs of one request or one answer, or headers of one request. */
  static final List<EnvelopeNames.Distinct> DISTINCT = List.of(
      new EnvelopeNames.Distinct(List.of("command", "loginId", "password", "sitecomToken", "userToken",
          "batchRequests"), "pairs of one request"),
      new EnvelopeNames.Distinct(List.of("status", "statusMessage", "batchResponse"), "pairs of one answer"),
      new EnvelopeNames.Distinct(List.of("commandHeader", "nonceHeader"), "headers of one request"));

  public FormHttpSettings {
    envelope = Collections.unmodifiableMap(new LinkedHashMap<>(envelope));
  }
}
