package dev.specbridge.runtime.webhook;

import java.util.Objects;

/**
 * The wire names of a JSON webhook's envelope, as its spec declares them (generated code passes the spec's
 * {@code protocol: envelope:}). The server POSTs {@code {request: authenticate, key}} or
 * {@code {request: delivery, messages: [{type, data}]}}; the client answers {@code {status: ok}}, or its login
 * ({@code loginId}, {@code password}) to a challenge.
 *
 * @param request the member that names the kind of request
 * @param authenticate the kind of an authentication challenge
 * @param key the member of a challenge that holds the key to hash with
 * @param delivery the kind of a delivery of messages
 * @param messages the member of a delivery that holds its messages
 * @param type the member of a message that names its type
 * @param data the member of a message that holds its data
 * @param status the member of an answer that holds its status
 * @param ok the status that means handled
 * @param loginId the member of a login answer that holds the login id
 * @param password the member of a login answer that holds the (hashed) password
 */
public record WebhookEnvelope(
    String request,
    String authenticate,
    String key,
    String delivery,
    String messages,
    String type,
    String data,
    String status,
    String ok,
    String loginId,
    String password) {

  public WebhookEnvelope {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(authenticate, "authenticate");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(ok, "ok");
    Objects.requireNonNull(loginId, "loginId");
    Objects.requireNonNull(password, "password");
  }
}
