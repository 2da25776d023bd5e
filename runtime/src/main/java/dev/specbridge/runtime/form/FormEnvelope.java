package dev.specbridge.runtime.form;

import java.util.List;
import java.util.Objects;

/**
 * The wire names of a name-value API's envelope, as its spec declares them (generated code passes the spec's
 * {@code protocol: envelope:}): the pairs and headers around a command's own pairs, on the way there and back.
 * {@link #DEALER} holds the dealer website's (seeds 000 and 001), the default of a {@code form-http} spec.
 *
 * @param command the pair that names the command ({@code ai_command})
 * @param loginId the pair of an API login's id ({@code ai_login_id})
 * @param password the pair of an API login's password ({@code ai_login_password})
 * @param sitecomToken the pair of a site token ({@code ai_sitecom_token})
 * @param userToken the pair of a user's token ({@code ai_token})
 * @param status the answer's status pair ({@code status})
 * @param statusMessage the answer's message pair, {@code name} or {@code name[n]} ({@code status_message})
 * @param success the status that means success ({@code 0})
 * @param authorization the scheme of a signed request's {@code Authorization: scheme user:signature} ({@code AI})
 * @param commandHeader the header that names a signed request's command ({@code X-AI-Command})
 * @param nonceHeader the header of a signed request's nonce ({@code X-AI-Nonce})
 * @param batchRequests the pair that carries a batch's commands as a JSON array ({@code json})
 * @param batchResponse the answer's pair that carries a batch's answers as a JSON array ({@code response})
 */
public record FormEnvelope(
    String command,
    String loginId,
    String password,
    String sitecomToken,
    String userToken,
    String status,
    String statusMessage,
    String success,
    String authorization,
    String commandHeader,
    String nonceHeader,
    String batchRequests,
    String batchResponse) {

  /** The dealer website's API Service (seeds 000 and 001). */
  public static final FormEnvelope DEALER = new FormEnvelope("ai_command", "ai_login_id", "ai_login_password",
      "ai_sitecom_token", "ai_token", "status", "status_message", "0", "AI", "X-AI-Command", "X-AI-Nonce", "json",
      "response");

  public FormEnvelope {
    for (String name : List.of(command, loginId, password, sitecomToken, userToken, status, statusMessage, success,
        authorization, commandHeader, nonceHeader, batchRequests, batchResponse)) {
      Objects.requireNonNull(name, "every name of the envelope");
    }
  }

  /** The pairs that carry credentials: never among a request's unknown fields. */
  public List<String> credentials() {
    return List.of(loginId, password, sitecomToken, userToken);
  }

  /** The pairs whose values are secrets: hidden wherever a request or answer is shown. */
  public List<String> secrets() {
    return List.of(password, sitecomToken, userToken);
  }

  /** Whether {@code rawStatus} means success: this envelope's success status, or the command's own. */
  boolean isSuccess(FormCommand<?, ?> command, String rawStatus) {
    String status = rawStatus.strip();
    return status.equals(success) || status.equals(command.successStatus());
  }
}
