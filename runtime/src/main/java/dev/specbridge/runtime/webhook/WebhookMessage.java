package dev.specbridge.runtime.webhook;

import dev.specbridge.runtime.value.RawJson;
import java.util.Objects;

/**
 * One message of a delivery as it travels: its type and its data as JSON text. Generated code turns a typed
 * notification into one ({@code <Api>Json.message(…)}) for the {@link NotificationSender}.
 */
public record WebhookMessage(String type, RawJson data) {
  public WebhookMessage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
  }
}
